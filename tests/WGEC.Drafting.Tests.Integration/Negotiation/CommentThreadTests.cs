using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>Comment threads (replyTo) and ResolveComment (work item 3, "Comments and follow-the-chair").</summary>
public sealed class CommentThreadTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    [Fact]
    public async Task Reply_names_the_comment_it_answers()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var p = scene.Paragraph(0);
        var first = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, p, "Why 'shall'?"));
        await using var chair = await scene.ChairAsync();

        var reply = await chair.AddCommentAsync(new AddCommentRequest(scene.Id, p, "Agreed language from 2006/46", ReplyTo: first.CommentId));

        var comments = (await scene.NowAsync()).Paragraphs[0].Comments;
        Assert.Equal([(first.CommentId, (Guid?)null), (reply.CommentId, first.CommentId)], comments.Select(c => (c.Id, c.ReplyTo)));
        Assert.All(comments, c => Assert.False(c.Resolved));
        var envelope = (await scene.NewEventsAsync())[^1];
        Assert.Equal(first.CommentId.ToString(), envelope.Json().GetProperty("replyTo").GetString());
    }

    [Fact]
    public async Task Reply_to_a_comment_on_another_paragraph_or_an_unknown_one_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        var elsewhere = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(1), "On Beta"));

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.AddCommentAsync(
            new AddCommentRequest(scene.Id, scene.Paragraph(0), "Reply", ReplyTo: elsewhere.CommentId)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.AddCommentAsync(
            new AddCommentRequest(scene.Id, scene.Paragraph(0), "Reply", ReplyTo: Guid.NewGuid())));

        Assert.Equal(elsewhere.Version, (await scene.NowAsync()).Version);
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Chair)]
    [InlineData(Role.Secretariat)]
    public async Task Author_chair_and_secretariat_resolve_a_comment(Role who)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Please check the symbol"));
        await using var other = who switch
        {
            Role.Chair => await scene.Chair.ConnectAsync(),
            Role.Secretariat => await app.ConnectAsync(Role.Secretariat),
            _ => null,
        };
        var resolver = other ?? scene.Editor;

        var resolved = await resolver.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, comment.CommentId));

        Assert.Equal((Outcome.Applied, comment.Version + 1), (resolved.Outcome, resolved.Version));
        Assert.True((await scene.NowAsync()).Paragraphs[0].Comments.Single().Resolved);
        var envelope = (await scene.NewEventsAsync())[^1];
        Assert.Equal(EnvelopeTypes.CommentResolved, envelope.Type);
        Assert.Equal(comment.CommentId.ToString(), envelope.Json().GetProperty("commentId").GetString());
        Assert.Equal(scene.Paragraph(0).ToString(), envelope.Json().GetProperty("paragraphId").GetString());
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Another_member_or_an_observer_resolving_a_comment_is_forbidden(Role who)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Please check the symbol"));
        await using var other = await app.ConnectAsync(who, delegation: "Kenya");

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => other.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, comment.CommentId)));

        Assert.Equal(comment.Version, (await scene.NowAsync()).Version);
        Assert.False((await scene.NowAsync()).Paragraphs[0].Comments.Single().Resolved);
    }

    [Fact]
    public async Task Resolving_an_unknown_comment_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.ChairAsync();

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, Guid.NewGuid())));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Resolving_a_comment_twice_appends_nothing_the_second_time()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Typo"));
        var first = await scene.Editor.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, comment.CommentId));

        var again = await scene.Editor.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, comment.CommentId));

        Assert.Equal((Outcome.Applied, first.Version), (again.Outcome, again.Version));
        Assert.Equal(first.Version, (await scene.NowAsync()).Version);
    }
}
