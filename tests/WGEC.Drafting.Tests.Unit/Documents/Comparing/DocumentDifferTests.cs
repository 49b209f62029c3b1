using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Comparing;

namespace WGEC.Drafting.Tests.Documents.Comparing;

public class DocumentDifferTests
{
    private static readonly DocumentDiffer Differ = new();

    private static DiffView Since(StateBuilder doc, long from) => Differ.Compare(doc.Replay(from), doc.State);

    private static ParagraphDiff Of(DiffView diff, Guid id) => Assert.Single(diff.Paragraphs, p => p.ParagraphId == id);

    [Fact]
    public void Same_state_is_all_unchanged()
    {
        var doc = StateBuilder.Operatives(3);

        var diff = Since(doc, doc.Version);

        Assert.All(diff.Paragraphs, p => Assert.Equal(ChangeKind.Unchanged, p.Change));
        Assert.All(diff.Paragraphs, p => Assert.Empty(p.Changes));
        Assert.Equal(new DiffSummary(0, 0, 0, 0, 0, 0, 3, 0, 0), diff.Summary);
    }

    [Fact]
    public void Inserted_paragraph_is_inserted_with_its_words_marked()
    {
        var doc = StateBuilder.Document("Some text.", DocumentKind.Report);
        var from = doc.Version;
        var id = doc.Insert(ParagraphKind.Text, "New words.", doc.Ids[0]);

        var diff = Since(doc, from);
        var inserted = Of(diff, id);

        Assert.Equal(ChangeKind.Inserted, inserted.Change);
        Assert.Equal([ChangeKind.Inserted], inserted.Changes);
        Assert.Null(inserted.FromStatus);
        Assert.Equal(ParagraphStatus.Draft, inserted.ToStatus);
        Assert.Equal("<ins>New words.</ins>", inserted.Html);
        Assert.Equal([doc.Ids[0], id], diff.Paragraphs.Select(p => p.ParagraphId));
    }

    [Fact]
    public void Deleted_paragraph_is_shown_after_the_paragraph_it_followed()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var from = doc.Version;
        doc.Delete(b);

        var diff = Since(doc, from);

        Assert.Equal([a, b, c], diff.Paragraphs.Select(p => p.ParagraphId));
        var deleted = Of(diff, b);
        Assert.Equal([ChangeKind.Deleted], deleted.Changes);
        Assert.Equal(("2", null), (deleted.FromNumber, deleted.ToNumber));
        Assert.Equal("<del>Operative 2.</del>", deleted.Html);
        Assert.Equal([ChangeKind.Renumbered], Of(diff, c).Changes);
        Assert.Equal(("3", "2"), (Of(diff, c).FromNumber, Of(diff, c).ToNumber));
    }

    [Fact]
    public void Deleted_first_paragraphs_stay_first_in_their_order()
    {
        var doc = StateBuilder.Document("One.\n\nTwo.\n\nThree.", DocumentKind.Report);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var from = doc.Version;
        doc.Delete(a);
        doc.Delete(b);

        Assert.Equal([a, b, c], Since(doc, from).Paragraphs.Select(p => p.ParagraphId));
    }

    [Fact]
    public void One_moved_paragraph_is_exactly_one_move()
    {
        var doc = StateBuilder.Document("One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.", DocumentKind.Report);
        var ids = doc.Ids;
        var from = doc.Version;
        doc.Move(ids[0], ids[3]);

        var diff = Since(doc, from);

        Assert.Equal([ids[1], ids[2], ids[3], ids[0], ids[4]], diff.Paragraphs.Select(p => p.ParagraphId));
        var moved = Assert.Single(diff.Paragraphs, p => p.Change != ChangeKind.Unchanged);
        Assert.Equal(ids[0], moved.ParagraphId);
        Assert.Equal([ChangeKind.Moved], moved.Changes);
        Assert.Equal(new DiffSummary(0, 0, 1, 0, 0, 0, 4, 0, 0), diff.Summary);
    }

    [Fact]
    public void Inserting_an_operative_at_the_top_renumbers_the_others()
    {
        var doc = StateBuilder.Operatives(2);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        var from = doc.Version;
        doc.Insert(ParagraphKind.Operative, "New first.");

        var diff = Since(doc, from);

        Assert.Equal(ChangeKind.Renumbered, Of(diff, a).Change);
        Assert.Equal(("1", "2"), (Of(diff, a).FromNumber, Of(diff, a).ToNumber));
        Assert.Equal(("2", "3"), (Of(diff, b).FromNumber, Of(diff, b).ToNumber));
        Assert.Equal(new DiffSummary(1, 0, 0, 2, 0, 0, 0, 0, 0), diff.Summary);
    }

    [Fact]
    public void Edited_paragraph_marks_removed_and_added_words()
    {
        var doc = StateBuilder.Document("The Group recommends cooperation.", DocumentKind.Report);
        var id = doc.Ids[0];
        var from = doc.Version;
        doc.Edit(id, "The Group urges cooperation.");

        var edited = Of(Since(doc, from), id);

        Assert.Equal([ChangeKind.Edited], edited.Changes);
        Assert.Equal("The Group <del>recommends</del><ins>urges</ins> cooperation.", edited.Html);
    }

    [Fact]
    public void Status_change_is_reported_with_both_statuses()
    {
        var doc = StateBuilder.Operatives(1);
        var id = doc.Ids[0];
        var from = doc.Version;
        doc.SetStatus(id, ParagraphStatus.AgreedAdRef);

        var changed = Of(Since(doc, from), id);

        Assert.Equal([ChangeKind.StatusChanged], changed.Changes);
        Assert.Equal((ParagraphStatus.Draft, ParagraphStatus.AgreedAdRef), (changed.FromStatus, changed.ToStatus));
    }

    [Fact]
    public void Change_is_the_first_kind_in_protocol_order()
    {
        var doc = StateBuilder.Operatives(3);
        var c = doc.Ids[2];
        var from = doc.Version;
        doc.Edit(c, "Operative three, rewritten.");
        doc.Move(c, null);
        doc.SetStatus(c, ParagraphStatus.Agreed);

        var diff = Of(Since(doc, from), c);

        Assert.Equal(ChangeKind.Moved, diff.Change);
        Assert.Equal([ChangeKind.Moved, ChangeKind.Renumbered, ChangeKind.Edited, ChangeKind.StatusChanged], diff.Changes);
    }

    [Fact]
    public void Renumbered_comes_before_edited()
    {
        var doc = StateBuilder.Operatives(2);
        var b = doc.Ids[1];
        var from = doc.Version;
        doc.Delete(doc.Ids[0]);
        doc.Edit(b, "Changed.");

        Assert.Equal(ChangeKind.Renumbered, Of(Since(doc, from), b).Change);
    }

    [Fact]
    public void Summary_counts_each_kind_and_the_open_brackets_at_both_ends()
    {
        var doc = StateBuilder.Document("1. Recommends [shall / should] [a].\n\n2. Decides [b].\n\n3. Notes.\n\n4. Stays.");
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var from = doc.Version;
        doc.Edit(a, "Recommends [shall] a.");
        doc.Delete(b);
        doc.SetStatus(c, ParagraphStatus.Agreed);
        doc.Insert(ParagraphKind.Text, "Note [x] and [y] and [z].", c);

        var summary = Since(doc, from).Summary;

        Assert.Equal(new DiffSummary(Inserted: 1, Deleted: 1, Moved: 0, Renumbered: 2, Edited: 1, StatusChanged: 1, Unchanged: 0, OpenBracketsFrom: 3, OpenBracketsTo: 4)
        {
            // "[shall / should]" and "[a]" closed, "[shall]" opened; "[b]" deleted; "[x]", "[y]", "[z]" inserted.
            BracketsOpened = 4,
            BracketsClosed = 3,
        }, summary);
    }

    [Fact]
    public void Ends_carry_their_version_and_the_revision_tagged_there()
    {
        var doc = StateBuilder.Operatives(1);
        doc.Tag("Rev.1");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Changed.");

        var diff = Since(doc, from);

        Assert.Equal(new DiffPoint(from, "Rev.1"), diff.From);
        Assert.Equal(new DiffPoint(doc.Version, null), diff.To);
    }

    [Fact]
    public void Html_escapes_user_text()
    {
        var doc = StateBuilder.Document("Plain.", DocumentKind.Report);
        var id = doc.Ids[0];
        var from = doc.Version;
        doc.Edit(id, "Plain <script>alert(1)</script>.");
        var inserted = doc.Insert(ParagraphKind.Text, "<img src=x onerror=alert(1)>");

        var diff = Since(doc, from);

        Assert.All(diff.Paragraphs, p => Assert.DoesNotContain("<script", p.Html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", Of(diff, id).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Of(diff, inserted).Html, StringComparison.Ordinal);
    }
}
