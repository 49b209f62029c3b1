using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Commenting;

namespace WGEC.Drafting.Tests.Documents.Commenting;

public class AddCommentTests
{
    private static Decision Comment(StateBuilder doc, Guid id, string? text, Guid? commentId = null) =>
        AddComment.Decide(doc.State, new AddCommentRequest(StateBuilder.DocumentId, id, text), commentId ?? Guid.NewGuid());

    private static (StateBuilder Doc, Guid Id) OneParagraph()
    {
        var doc = StateBuilder.Document();
        return (doc, doc.Insert(ParagraphKind.Operative, "Recommends cooperation."));
    }

    [Fact]
    public void Comment_is_added_with_its_author_and_time()
    {
        var (doc, id) = OneParagraph();
        var commentId = Guid.NewGuid();

        doc.Run(s => AddComment.Decide(s, new AddCommentRequest(StateBuilder.DocumentId, id, "Brazil prefers \"shall\"."), commentId), StateBuilder.OtherMember);

        var comment = Assert.Single(doc[id].Comments);
        Assert.Equal(new CommentView(commentId, "Brazil prefers \"shall\".", new AuthorView(StateBuilder.OtherMember.ParticipantId, "Ben", "ISOC"), StateBuilder.At(doc.Version)), comment);
        Assert.Equal(new AddCommentResult(Outcome.Applied, doc.Version, commentId), doc.State.LastResult);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData(null)]
    public void Empty_comment_is_invalid(string? text)
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(Comment(doc, id, text), ErrorCode.Invalid);
    }

    [Fact]
    public void Comment_over_4000_characters_is_too_large()
    {
        var (doc, id) = OneParagraph();

        Decided.Appended<CommentAdded>(Comment(doc, id, new string('x', TextRules.MaxCommentLength)));
        Decided.Refused(Comment(doc, id, new string('x', TextRules.MaxCommentLength + 1)), ErrorCode.TooLarge);
    }

    [Fact]
    public void Comment_on_a_deleted_paragraph_is_not_found()
    {
        var (doc, id) = OneParagraph();
        doc.Delete(id);

        Decided.Refused(Comment(doc, id, "Too late."), ErrorCode.NotFound);
    }

    [Fact]
    public void Comment_may_hold_blank_lines()
    {
        var (doc, id) = OneParagraph();
        Assert.Equal("First point.\n\nSecond point.", Decided.Appended<CommentAdded>(Comment(doc, id, "First point.\r\n\r\nSecond point.")).Text);
    }

    [Fact]
    public void Comment_on_an_agreed_paragraph_is_allowed()
    {
        var (doc, id) = OneParagraph();
        doc.SetStatus(id, ParagraphStatus.Agreed);

        Decided.Appended<CommentAdded>(Comment(doc, id, "For the record."));
    }

    [Fact]
    public void Reply_to_a_comment_of_the_same_paragraph_is_added_to_its_thread()
    {
        var (doc, id) = OneParagraph();
        var first = doc.Comment(id, "Brazil prefers \"shall\".", StateBuilder.Member);

        var reply = Decided.Appended<CommentAdded>(AddComment.Decide(doc.State, new AddCommentRequest(StateBuilder.DocumentId, id, "ISOC disagrees.", ReplyTo: first), Guid.NewGuid()));
        doc.Apply(reply);

        Assert.Equal(first, reply.ReplyTo);
        Assert.Equal([null, first], doc[id].Comments.Select(c => c.ReplyTo));
    }

    [Fact]
    public void Reply_to_an_unknown_comment_is_not_found()
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(AddComment.Decide(doc.State, new AddCommentRequest(StateBuilder.DocumentId, id, "Reply.", ReplyTo: Guid.NewGuid()), Guid.NewGuid()), ErrorCode.NotFound);
    }

    [Fact]
    public void Reply_to_a_comment_of_another_paragraph_is_not_found()
    {
        var (doc, id) = OneParagraph();
        var other = doc.Insert(ParagraphKind.Operative, "Decides.", id);
        var elsewhere = doc.Comment(other, "On the other paragraph.", StateBuilder.Member);

        Decided.Refused(AddComment.Decide(doc.State, new AddCommentRequest(StateBuilder.DocumentId, id, "Reply.", ReplyTo: elsewhere), Guid.NewGuid()), ErrorCode.NotFound);
    }

    [Fact]
    public void State_knows_the_paragraph_of_each_comment()
    {
        var (doc, id) = OneParagraph();
        var comment = doc.Comment(id, "Noted.", StateBuilder.Member);

        Assert.Equal(id, doc.State.ParagraphOfComment(comment));
        Assert.Null(doc.State.ParagraphOfComment(Guid.NewGuid()));
    }
}
