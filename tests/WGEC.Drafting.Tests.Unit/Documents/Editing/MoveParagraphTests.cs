using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Tests.Documents.Editing;

public class MoveParagraphTests
{
    private static Decision Move(StateBuilder doc, Guid id, Guid? after) =>
        MoveParagraph.Decide(doc.State, new MoveParagraphRequest(StateBuilder.DocumentId, id, after));

    [Fact]
    public void Move_to_the_top_puts_it_first_and_renumbers()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);

        var moved = Decided.Appended<ParagraphMoved>(Move(doc, c, null));
        doc.Apply(moved);

        Assert.Equal([c, a, b], doc.Ids);
        Assert.Equal(new Dictionary<Guid, string?> { [c] = "1", [a] = "2", [b] = "3" }, moved.Numbers);
        Assert.Equal(["1", "2", "3"], doc.State.Live.Select(p => p.Number));
    }

    [Fact]
    public void Move_after_another_lists_only_the_numbers_that_changed()
    {
        var doc = StateBuilder.Operatives(4);
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);

        var moved = Decided.Appended<ParagraphMoved>(Move(doc, a, c));
        doc.Apply(moved);

        Assert.Equal([b, c, a, d], doc.Ids);
        Assert.Equal(new Dictionary<Guid, string?> { [b] = "1", [c] = "2", [a] = "3" }, moved.Numbers);
    }

    [Fact]
    public void Moving_a_heading_changes_no_number()
    {
        var doc = StateBuilder.Document("# Title\n\n1. First.\n\n2. Second.");
        var (heading, second) = (doc.Ids[0], doc.Ids[2]);

        Assert.Empty(Decided.Appended<ParagraphMoved>(Move(doc, heading, second)).Numbers);
    }

    [Fact]
    public void Move_after_a_tombstone_goes_after_the_nearest_live_paragraph_before_it()
    {
        var doc = StateBuilder.Operatives(4);
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);
        doc.Delete(c);

        var moved = Decided.Appended<ParagraphMoved>(Move(doc, a, c));
        doc.Apply(moved);

        Assert.Equal(b, moved.AfterParagraphId);
        Assert.Equal([b, a, d], doc.Ids);
    }

    [Fact]
    public void Move_after_itself_is_invalid()
    {
        var doc = StateBuilder.Operatives(2);
        Decided.Refused(Move(doc, doc.Ids[1], doc.Ids[1]), ErrorCode.Invalid);
    }

    [Fact]
    public void Move_to_where_it_already_is_appends_nothing()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);

        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), Decided.Nothing<WriteResult>(Move(doc, b, a)));
        Decided.Nothing<WriteResult>(Move(doc, a, null));
    }

    [Fact]
    public void Move_after_a_tombstone_just_behind_it_appends_nothing()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        doc.Delete(b);

        Decided.Nothing<WriteResult>(Move(doc, a, b));
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public void Move_of_an_agreed_paragraph_is_locked(ParagraphStatus status)
    {
        var doc = StateBuilder.Operatives(2);
        doc.SetStatus(doc.Ids[0], status);

        Decided.Refused(Move(doc, doc.Ids[0], doc.Ids[1]), ErrorCode.Locked);
    }

    [Fact]
    public void Move_of_a_deleted_paragraph_is_not_found()
    {
        var doc = StateBuilder.Operatives(2);
        var deleted = doc.Ids[0];
        doc.Delete(deleted);

        Decided.Refused(Move(doc, deleted, doc.Ids[0]), ErrorCode.NotFound);
    }

    [Fact]
    public void Move_after_an_unknown_paragraph_is_not_found()
    {
        var doc = StateBuilder.Operatives(2);
        Decided.Refused(Move(doc, doc.Ids[0], Guid.NewGuid()), ErrorCode.NotFound);
    }
}
