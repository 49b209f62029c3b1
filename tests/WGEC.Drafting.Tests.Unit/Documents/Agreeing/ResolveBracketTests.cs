using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;

namespace WGEC.Drafting.Tests.Documents.Agreeing;

public class ResolveBracketTests
{
    private const string Bracketed = "Member States [shall / should] report [annually].";

    private static Decision Resolve(StateBuilder doc, Guid id, int bracketIndex, BracketKeep keep, int? alternative = null, long? baseRevision = null) =>
        ResolveBracket.Decide(doc.State, new ResolveBracketRequest(StateBuilder.DocumentId, id, baseRevision ?? doc.Version, bracketIndex, keep, alternative));

    private static (StateBuilder Doc, Guid Id) OneParagraph(string text = Bracketed)
    {
        var doc = StateBuilder.Document();
        return (doc, doc.Insert(ParagraphKind.Operative, text));
    }

    [Fact]
    public void Keeping_an_alternative_edits_the_paragraph_and_records_the_resolution()
    {
        var (doc, id) = OneParagraph();

        var edited = Decided.Appended<ParagraphEdited>(Resolve(doc, id, 0, BracketKeep.Alternative, 1));

        Assert.Equal((id, "Member States should report [annually].", false), (edited.ParagraphId, edited.Text, edited.Merged));
        Assert.Equal(new ResolvedBracketData(0, BracketKeep.Alternative, 1), edited.ResolvedBracket);
    }

    [Fact]
    public void Keeping_the_content_drops_only_the_brackets()
    {
        var (doc, id) = OneParagraph();

        var edited = Decided.Appended<ParagraphEdited>(Resolve(doc, id, 1, BracketKeep.Content));

        Assert.Equal("Member States [shall / should] report annually.", edited.Text);
        Assert.Equal(new ResolvedBracketData(1, BracketKeep.Content, null), edited.ResolvedBracket);
    }

    [Fact]
    public void Keeping_nothing_removes_the_bracket_and_what_it_holds()
    {
        var (doc, id) = OneParagraph();

        var edited = Decided.Appended<ParagraphEdited>(Resolve(doc, id, 1, BracketKeep.Nothing));

        Assert.Equal("Member States [shall / should] report.", edited.Text);
        Assert.Equal(new ResolvedBracketData(1, BracketKeep.Nothing, null), edited.ResolvedBracket);
    }

    [Fact]
    public void Resolution_applied_to_the_state_changes_the_text_and_revision()
    {
        var (doc, id) = OneParagraph();

        doc.Run(s => ResolveBracket.Decide(s, new ResolveBracketRequest(StateBuilder.DocumentId, id, s.Version, 0, BracketKeep.Alternative, 0)), StateBuilder.Chair);

        Assert.Equal("Member States shall report [annually].", doc[id].Text);
        Assert.Equal(doc.Version, doc[id].Revision);
    }

    [Fact]
    public void Base_older_than_the_paragraph_text_is_a_conflict_with_the_current_text()
    {
        var (doc, id) = OneParagraph();
        var seen = doc.Version;
        doc.Edit(id, "Member States [shall / should / may] report [annually].");

        var result = Decided.Nothing<ParagraphTextResult>(Resolve(doc, id, 0, BracketKeep.Alternative, 0, baseRevision: seen));

        Assert.Equal(new ParagraphTextResult(Outcome.Conflict, doc.Version, doc[id].Revision, "Member States [shall / should / may] report [annually]."), result);
    }

    [Fact]
    public void Base_older_than_the_version_but_not_the_text_is_resolved()
    {
        var (doc, id) = OneParagraph();
        var seen = doc.Version;
        doc.Insert(ParagraphKind.Operative, "Another.", id);

        Decided.Appended<ParagraphEdited>(Resolve(doc, id, 0, BracketKeep.Alternative, 0, baseRevision: seen));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public void Base_that_is_not_a_version_is_invalid(long baseRevision)
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(Resolve(doc, id, 0, BracketKeep.Content, baseRevision: baseRevision), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public void Resolving_in_an_agreed_paragraph_is_locked(ParagraphStatus status)
    {
        var (doc, id) = OneParagraph();
        // Agreed paragraphs have no open brackets, so the bracket is put there as stored.
        doc.Apply(new ParagraphStatusChanged(id, status, null));

        Decided.Refused(Resolve(doc, id, 0, BracketKeep.Content), ErrorCode.Locked);
    }

    [Fact]
    public void Resolving_in_a_deleted_or_unknown_paragraph_is_not_found()
    {
        var (doc, id) = OneParagraph();
        doc.Delete(id);

        Decided.Refused(Resolve(doc, id, 0, BracketKeep.Content), ErrorCode.NotFound);
        Decided.Refused(Resolve(doc, Guid.NewGuid(), 0, BracketKeep.Content), ErrorCode.NotFound);
    }

    [Theory]
    [InlineData(-1, BracketKeep.Content, null)]
    [InlineData(2, BracketKeep.Content, null)]
    [InlineData(0, BracketKeep.Alternative, null)]
    [InlineData(0, BracketKeep.Alternative, 2)]
    [InlineData(0, BracketKeep.Alternative, -1)]
    [InlineData(0, BracketKeep.Unknown, null)]
    public void Unknown_bracket_or_alternative_is_invalid(int bracketIndex, BracketKeep keep, int? alternative)
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(Resolve(doc, id, bracketIndex, keep, alternative), ErrorCode.Invalid);
    }
}
