using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Commenting;

namespace WGEC.Drafting.Tests.Documents.Commenting;

public class ResolveCommentTests
{
    private static Decision Resolve(StateBuilder doc, Guid commentId, Actor actor) =>
        ResolveComment.Decide(doc.State, new ResolveCommentRequest(StateBuilder.DocumentId, commentId), actor);

    /// <summary>One paragraph with one comment by <see cref="StateBuilder.Member"/>.</summary>
    private static (StateBuilder Doc, Guid ParagraphId, Guid CommentId) Commented()
    {
        var doc = StateBuilder.Document();
        var id = doc.Insert(ParagraphKind.Operative, "Recommends cooperation.");
        return (doc, id, doc.Comment(id, "Too weak.", StateBuilder.Member));
    }

    public static TheoryData<string> Resolvers => ["author", "chair", "secretariat"];

    private static Actor Resolver(string who) => who switch
    {
        "author" => StateBuilder.Member,
        "chair" => StateBuilder.Chair,
        _ => StateBuilder.Secretariat,
    };

    [Theory]
    [MemberData(nameof(Resolvers))]
    public void Author_chair_or_secretariat_resolves_a_comment(string who)
    {
        var (doc, paragraphId, commentId) = Commented();

        Assert.Equal(new CommentResolved(paragraphId, commentId), Decided.Appended<CommentResolved>(Resolve(doc, commentId, Resolver(who))));
    }

    [Fact]
    public void Another_member_may_not_resolve_a_comment()
    {
        var (doc, _, commentId) = Commented();

        Decided.Refused(Resolve(doc, commentId, StateBuilder.OtherMember), ErrorCode.Forbidden);
        // Same delegation, but not the author.
        Decided.Refused(Resolve(doc, commentId, StateBuilder.MemberColleague), ErrorCode.Forbidden);
    }

    [Fact]
    public void Unknown_comment_is_not_found()
    {
        var (doc, _, _) = Commented();
        Decided.Refused(Resolve(doc, Guid.NewGuid(), StateBuilder.Chair), ErrorCode.NotFound);
    }

    [Fact]
    public void Comment_of_a_deleted_paragraph_is_not_found()
    {
        var (doc, paragraphId, commentId) = Commented();
        doc.Delete(paragraphId);

        Decided.Refused(Resolve(doc, commentId, StateBuilder.Chair), ErrorCode.NotFound);
    }

    [Fact]
    public void Resolving_marks_the_comment_resolved_in_the_state_and_only_that_one()
    {
        var (doc, paragraphId, commentId) = Commented();
        var reply = doc.Comment(paragraphId, "Agreed, too weak.", StateBuilder.OtherMember, replyTo: commentId);

        doc.Run(s => ResolveComment.Decide(s, new ResolveCommentRequest(StateBuilder.DocumentId, commentId), StateBuilder.Chair), StateBuilder.Chair);

        Assert.Equal([(commentId, true), (reply, false)], doc[paragraphId].Comments.Select(c => (c.Id, c.Resolved)));
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.LastResult);
    }

    [Fact]
    public void Resolving_twice_appends_nothing()
    {
        var (doc, _, commentId) = Commented();
        doc.Run(s => ResolveComment.Decide(s, new ResolveCommentRequest(StateBuilder.DocumentId, commentId), StateBuilder.Member), StateBuilder.Member);

        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), Decided.Nothing<WriteResult>(Resolve(doc, commentId, StateBuilder.Chair)));
    }
}
