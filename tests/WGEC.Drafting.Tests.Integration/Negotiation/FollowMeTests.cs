using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>FollowMe: the chair points every joined connection at a paragraph; nothing is stored (work item 3).</summary>
public sealed class FollowMeTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    [Fact]
    public async Task Chair_points_every_joined_connection_at_a_paragraph_and_nothing_is_appended()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        await using var observer = await app.ConnectAsync(Role.Observer);
        await observer.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        var otherDocument = await scene.Chair.Api.CreateDocumentAsync("Another text", DocumentKind.Recommendations, "1. Other");
        await using var elsewhere = await app.ConnectAsync(Role.Member, delegation: "Kenya");
        await elsewhere.JoinDocumentAsync(new JoinDocumentRequest(otherDocument.Id));

        await chair.FollowMeAsync(new FollowMeRequest(scene.Id, scene.Paragraph(1)));

        var expected = new FollowView(scene.Id, scene.Paragraph(1), new AuthorView(scene.Chair.Id, scene.Chair.View.Name, scene.Chair.View.Delegation));
        Assert.Equal(expected, await scene.Editor.Follow.ForAsync());
        Assert.Equal(expected, await observer.Follow.ForAsync());
        Assert.Equal(expected, await chair.Follow.ForAsync());

        // The connection on the other document gets the chair's next call there first, and nothing from this one.
        await chair.JoinDocumentAsync(new JoinDocumentRequest(otherDocument.Id));
        await chair.FollowMeAsync(new FollowMeRequest(otherDocument.Id, otherDocument.Paragraphs[0].Id));
        Assert.Equal(otherDocument.Id, (await elsewhere.Follow.ForAsync()).DocumentId);

        Assert.Empty(await scene.NewEventsAsync());
        Assert.Equal(scene.Document.Version, (await scene.NowAsync()).Version);
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Member_or_observer_asking_to_be_followed_is_forbidden(Role role)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var caller = role == Role.Member ? null : await app.ConnectAsync(role);

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => (caller ?? scene.Editor).FollowMeAsync(new FollowMeRequest(scene.Id, scene.Paragraph(0))));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Unknown_or_deleted_paragraph_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        var deleted = await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(0)));

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.FollowMeAsync(new FollowMeRequest(scene.Id, Guid.NewGuid())));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.FollowMeAsync(new FollowMeRequest(scene.Id, scene.Paragraph(0))));

        Assert.Equal(deleted.Version, (await scene.NowAsync()).Version);
        // The refused calls sent nothing: the next Follow anyone sees is the one that was allowed.
        await chair.FollowMeAsync(new FollowMeRequest(scene.Id, scene.Paragraph(1)));
        Assert.Equal(scene.Paragraph(1), (await scene.Editor.Follow.ForAsync()).ParagraphId);
    }
}
