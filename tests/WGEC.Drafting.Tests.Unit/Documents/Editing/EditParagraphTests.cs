using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Tests.Documents.Editing;

public class EditParagraphTests
{
    private const string Original = "The Group recommends cooperation among stakeholders.";

    private static Decision Edit(StateBuilder doc, Guid id, long baseRevision, string text) =>
        EditParagraph.Decide(doc.State, new EditParagraphRequest(StateBuilder.DocumentId, id, baseRevision, text));

    private static (StateBuilder Doc, Guid Id) OneParagraph(string text = Original)
    {
        var doc = StateBuilder.Document();
        return (doc, doc.Insert(ParagraphKind.Operative, text));
    }

    [Fact]
    public void Edit_on_the_current_revision_is_applied()
    {
        var (doc, id) = OneParagraph();

        var edited = Decided.Appended<ParagraphEdited>(Edit(doc, id, doc[id].Revision, "The Group recommends more cooperation."));
        doc.Apply(edited);

        Assert.False(edited.Merged);
        Assert.Equal("The Group recommends more cooperation.", doc[id].Text);
        Assert.Equal(doc.Version, doc[id].Revision);
    }

    [Fact]
    public void Edit_with_the_current_text_appends_nothing_and_answers_applied_with_the_current_revision()
    {
        var (doc, id) = OneParagraph();
        doc.Comment(id, "a comment, so the version moves past the revision");

        var answer = Decided.Nothing<ParagraphTextResult>(Edit(doc, id, doc.Version, Original));

        Assert.Equal(new ParagraphTextResult(Outcome.Applied, doc.Version, doc[id].Revision, Original), answer);
    }

    [Fact]
    public void Edit_with_the_current_text_on_a_stale_base_appends_nothing_and_answers_applied()
    {
        var (doc, id) = OneParagraph();
        var staleBase = doc[id].Revision;
        doc.Apply(Decided.Appended<ParagraphEdited>(Edit(doc, id, staleBase, "The Group recommends broad cooperation.")));

        var answer = Decided.Nothing<ParagraphTextResult>(Edit(doc, id, staleBase, "The Group recommends broad cooperation."));

        Assert.Equal(new ParagraphTextResult(Outcome.Applied, doc.Version, doc[id].Revision, doc[id].Text), answer);
    }

    [Fact]
    public void Edit_text_is_normalised_before_it_is_compared()
    {
        var (doc, id) = OneParagraph("line one\nline two");

        Decided.Nothing<ParagraphTextResult>(Edit(doc, id, doc.Version, "line one\r\nline two\r\n"));
    }

    [Fact]
    public void Edit_with_stale_base_merges_non_overlapping_changes()
    {
        var (doc, id) = OneParagraph();
        var baseRevision = doc[id].Revision;
        doc.Edit(id, "The Working Group recommends cooperation among stakeholders.");

        var edited = Decided.Appended<ParagraphEdited>(Edit(doc, id, baseRevision, "The Group recommends enhanced cooperation among stakeholders."));
        doc.Apply(edited);

        Assert.True(edited.Merged);
        Assert.Equal("The Working Group recommends enhanced cooperation among stakeholders.", edited.Text);
        Assert.Equal(new ParagraphTextResult(Outcome.Merged, doc.Version, doc.Version, edited.Text), doc.State.LastResult);
    }

    [Fact]
    public void Edit_with_stale_base_and_overlapping_changes_is_a_conflict_with_the_current_text()
    {
        var (doc, id) = OneParagraph();
        var baseRevision = doc[id].Revision;
        doc.Edit(id, "The Group urges cooperation among stakeholders.");
        var current = doc[id];

        var answer = Decided.Nothing<ParagraphTextResult>(Edit(doc, id, baseRevision, "The Group requests cooperation among stakeholders."));

        Assert.Equal(new ParagraphTextResult(Outcome.Conflict, doc.Version, current.Revision, current.Text), answer);
    }

    [Fact]
    public void Edit_whose_merge_would_change_the_bracket_balance_is_a_conflict()
    {
        const string baseText = "The Group shall consider options soon.";
        const string theirs = "The Group [shall consider options soon.";
        const string mine = "The Group shall consider options] soon.";
        Assert.IsType<MergeResult.Merged>(ThreeWayMerge.Merge(baseText, theirs, mine));
        var (doc, id) = OneParagraph(baseText);
        var baseRevision = doc[id].Revision;
        doc.Edit(id, theirs);

        var answer = Decided.Nothing<ParagraphTextResult>(Edit(doc, id, baseRevision, mine));

        Assert.Equal(Outcome.Conflict, answer.Outcome);
        Assert.Equal(theirs, answer.Text);
    }

    [Fact]
    public void Edit_on_the_oldest_kept_base_still_merges()
    {
        var (doc, id) = OneParagraph("w0 a b c.");
        var baseRevision = doc[id].Revision;
        for (var i = 1; i <= DocumentState.MergeBases; i++)
            doc.Edit(id, $"w{i} a b c.");
        Assert.False(doc[id].HistoryTruncated);

        var edited = Decided.Appended<ParagraphEdited>(Edit(doc, id, baseRevision, "w0 a b c d."));

        Assert.Equal($"w{DocumentState.MergeBases} a b c d.", edited.Text);
    }

    [Fact]
    public void Edit_on_a_base_older_than_the_kept_texts_is_a_conflict()
    {
        var (doc, id) = OneParagraph("w0 a b c.");
        var baseRevision = doc[id].Revision;
        for (var i = 1; i <= DocumentState.MergeBases + 1; i++)
            doc.Edit(id, $"w{i} a b c.");

        var answer = Decided.Nothing<ParagraphTextResult>(Edit(doc, id, baseRevision, "w0 a b c d."));

        Assert.Equal(new ParagraphTextResult(Outcome.Conflict, doc.Version, doc[id].Revision, doc[id].Text), answer);
    }

    [Fact]
    public void Edit_on_a_base_before_the_paragraph_existed_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        var before = doc.Version;
        var id = doc.Insert(ParagraphKind.Operative, Original);
        doc.Edit(id, "Changed.");

        Decided.Refused(Edit(doc, id, before, "Mine."), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Edit_with_a_base_revision_that_is_not_a_version_is_invalid(long baseRevision)
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(Edit(doc, id, baseRevision, "Mine."), ErrorCode.Invalid);
    }

    [Fact]
    public void Edit_with_a_base_revision_one_past_the_version_is_invalid()
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(Edit(doc, id, doc.Version + 1, "Mine."), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public void Edit_of_an_agreed_paragraph_is_locked(ParagraphStatus status)
    {
        var (doc, id) = OneParagraph();
        doc.SetStatus(id, status);

        Decided.Refused(Edit(doc, id, doc.Version, "Mine."), ErrorCode.Locked);
    }

    [Fact]
    public void Edit_of_a_deleted_paragraph_is_not_found()
    {
        var (doc, id) = OneParagraph();
        doc.Delete(id);

        Decided.Refused(Edit(doc, id, doc.Version, "Mine."), ErrorCode.NotFound);
    }

    [Fact]
    public void Edit_of_an_unknown_paragraph_is_not_found()
    {
        var (doc, _) = OneParagraph();
        Decided.Refused(Edit(doc, Guid.NewGuid(), doc.Version, "Mine."), ErrorCode.NotFound);
    }
}
