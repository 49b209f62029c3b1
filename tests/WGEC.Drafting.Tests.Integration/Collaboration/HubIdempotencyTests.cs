using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>clientOpId: a retry returns the first result and appends nothing; refusals and conflicts are not recorded (PROTOCOL.md §3).</summary>
public sealed class HubIdempotencyTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Same_clientOpId_twice_returns_the_first_result_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var request = new InsertParagraphRequest(scene.Id, null, ParagraphKind.Operative, "Once only", ClientOpId: "insert-1");

        var first = await scene.Editor.InsertParagraphAsync(request);
        var retry = await scene.Editor.InsertParagraphAsync(request);

        Assert.Equal(first, retry);
        var appended = Assert.Single(await scene.NewEventsAsync());
        Assert.Equal("insert-1", appended.ClientOpId);
    }

    [Fact]
    public async Task Retry_over_a_new_connection_of_the_same_participant_returns_the_first_result()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var request = new InsertParagraphRequest(scene.Id, scene.Paragraph(0), ParagraphKind.Operative, "Sent before the drop", ClientOpId: "insert-1");
        var first = await scene.Editor.InsertParagraphAsync(request);
        await scene.Editor.Hub.StopAsync();

        await using var reconnected = await scene.Member.ConnectAsync();
        var retry = await reconnected.InsertParagraphAsync(request);

        Assert.Equal(first, retry);
        Assert.Single(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Retry_returns_the_first_result_even_after_later_changes()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var request = new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha first", ClientOpId: "edit-1");
        var first = await scene.Editor.EditParagraphAsync(request);
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), first.Revision, "Alpha second"));

        var retry = await scene.Editor.EditParagraphAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(2, (await scene.NewEventsAsync()).Length);
        Assert.Equal("Alpha second", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Fact]
    public async Task Same_clientOpId_from_another_participant_is_a_separate_op()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var other = await app.JoinAsync(Role.Member, delegation: "Kenya");
        await using var second = await other.ConnectAsync();

        var mine = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "From Brazil", ClientOpId: "comment-1"));
        var theirs = await second.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "From Kenya", ClientOpId: "comment-1"));

        Assert.NotEqual(mine.CommentId, theirs.CommentId);
        Assert.Equal(mine.Version + 1, theirs.Version);
        Assert.Equal(["From Brazil", "From Kenya"], (await scene.NowAsync()).Paragraphs[0].Comments.Select(c => c.Text));
    }

    [Fact]
    public async Task Refused_call_is_not_recorded_so_the_fixed_request_with_the_same_clientOpId_works()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "Two\n\nparagraphs", ClientOpId: "insert-1")));
        var fixedUp = await scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "One paragraph", ClientOpId: "insert-1"));

        Assert.Equal(Outcome.Applied, fixedUp.Outcome);
        Assert.Equal("One paragraph", Assert.Single(await scene.NewEventsAsync()).Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Conflict_is_not_recorded_so_the_rebased_edit_with_the_same_clientOpId_works()
    {
        await using var scene = await HubScene.StartAsync(app, "Encourages Member States");
        var (id, seen) = (scene.Paragraph(0), scene.Document.Version);
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, "Urges Member States"));

        var conflict = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, "Invites Member States", ClientOpId: "edit-1"));
        var rebased = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, conflict.Revision, "Invites Member States", ClientOpId: "edit-1"));

        Assert.Equal(Outcome.Conflict, conflict.Outcome);
        Assert.Equal((Outcome.Applied, "Invites Member States"), (rebased.Outcome, rebased.Text));
        Assert.Equal("Invites Member States", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Fact]
    public async Task Forbidden_call_is_not_recorded_either()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Editor.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1", ClientOpId: "op-1")));

        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Fine", ClientOpId: "op-1"));

        Assert.Equal(Outcome.Applied, comment.Outcome);
    }

    [Fact]
    public async Task Every_kind_of_write_is_idempotent()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        await using var chair = await scene.Chair.ConnectAsync();
        var v = scene.Document.Version;
        var (a, b, c) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2));

        async Task Twice<T>(Func<Task<T>> call)
        {
            var before = (await scene.NowAsync()).Version;
            var first = await call();
            Assert.Equal(first, await call());
            Assert.Equal(before + 1, (await scene.NowAsync()).Version);
        }

        await Twice(() => scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, c, null, ClientOpId: "move")));
        await Twice(() => scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b, ClientOpId: "delete")));
        await Twice(() => scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, a, "Noted", ClientOpId: "comment")));
        await Twice(() => chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, a, v, ParagraphStatus.Agreed, ClientOpId: "status")));
        await Twice(() => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1", ClientOpId: "tag")));
    }
}
