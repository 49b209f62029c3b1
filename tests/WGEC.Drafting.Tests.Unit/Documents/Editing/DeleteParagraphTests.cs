using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Tests.Documents.Editing;

public class DeleteParagraphTests
{
    private static Decision Delete(StateBuilder doc, Guid id) =>
        DeleteParagraph.Decide(doc.State, new DeleteParagraphRequest(StateBuilder.DocumentId, id));

    [Fact]
    public void Deleted_paragraph_stays_in_order_as_a_tombstone()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);

        doc.Apply(Decided.Appended<ParagraphDeleted>(Delete(doc, b)));

        Assert.Equal([a, b, c], doc.State.Order.Select(p => p.Id));
        Assert.True(doc[b].Deleted);
        Assert.Equal([a, c], doc.Ids);
        Assert.Equal(2, doc.State.LiveCount);
    }

    [Fact]
    public void Delete_renumbers_the_following_operatives_and_clears_its_own_number()
    {
        var doc = StateBuilder.Operatives(4);
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);

        var deleted = Decided.Appended<ParagraphDeleted>(Delete(doc, b));
        doc.Apply(deleted);

        Assert.Equal(new Dictionary<Guid, string?> { [b] = null, [c] = "2", [d] = "3" }, deleted.Numbers);
        Assert.DoesNotContain(a, deleted.Numbers.Keys);
        Assert.Null(doc[b].Number);
        Assert.Equal("3", doc[d].Number);
    }

    [Fact]
    public void Deleting_a_text_paragraph_changes_no_number()
    {
        var doc = StateBuilder.Document("Some text.\n\nMore text.", DocumentKind.Report);
        Assert.Empty(Decided.Appended<ParagraphDeleted>(Delete(doc, doc.Ids[0])).Numbers);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public void Delete_of_an_agreed_paragraph_is_locked(ParagraphStatus status)
    {
        var doc = StateBuilder.Operatives(1);
        doc.SetStatus(doc.Ids[0], status);

        Decided.Refused(Delete(doc, doc.Ids[0]), ErrorCode.Locked);
    }

    [Fact]
    public void Delete_of_a_deleted_paragraph_is_not_found()
    {
        var doc = StateBuilder.Operatives(2);
        var deleted = doc.Ids[0];
        doc.Delete(deleted);

        Decided.Refused(Delete(doc, deleted), ErrorCode.NotFound);
    }
}
