using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>SetParagraphStatus and the locks it sets (PROTOCOL.md §3, §5).</summary>
public sealed class HubAgreeingTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public async Task Chair_sets_the_status_and_the_text_revision_stays(ParagraphStatus status)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        var paragraph = scene.Document.Paragraphs[0];

        var set = await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, paragraph.Id, paragraph.Revision, status, "as read out"));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1, paragraph.Revision, "Alpha"), (set.Outcome, set.Version, set.Revision, set.Text));
        var now = (await scene.NowAsync()).Paragraphs[0];
        Assert.Equal((status, paragraph.Revision), (now.Status, now.Revision));
        var envelope = Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(ProtocolJson.Name(status), envelope.Json().GetProperty("status").GetString());
        Assert.Equal("as read out", envelope.Json().GetProperty("note").GetString());
    }

    [Fact]
    public async Task Secretariat_may_set_the_status_too()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var secretariat = await (await app.SecretariatAsync()).ConnectAsync();

        var set = await secretariat.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, ParagraphStatus.Agreed));

        Assert.Equal(Outcome.Applied, set.Outcome);
    }

    [Fact]
    public async Task Member_setting_a_status_is_forbidden()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Editor.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, ParagraphStatus.Agreed)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public async Task Agreeing_a_paragraph_with_open_brackets_is_invalid_and_says_how_many(ParagraphStatus status)
    {
        await using var scene = await HubScene.StartAsync(app, "Invites [all / some] States to [consider] the [[outer] inner]");
        await using var chair = await scene.Chair.ConnectAsync();

        var refused = await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, status)));

        Assert.Contains("3 open brackets", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Status_on_a_base_older_than_the_text_is_a_conflict_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha text");
        await using var chair = await scene.Chair.ConnectAsync();
        var seen = scene.Document.Paragraphs[0].Revision;
        var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), seen, "Alpha text changed"));

        var set = await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), seen, ParagraphStatus.Agreed));

        Assert.Equal((Outcome.Conflict, edited.Version, edited.Revision, "Alpha text changed"), (set.Outcome, set.Version, set.Revision, set.Text));
        Assert.Equal(edited.Version, (await scene.NowAsync()).Version);
        Assert.Equal(ParagraphStatus.Draft, (await scene.NowAsync()).Paragraphs[0].Status);
    }

    [Fact]
    public async Task Status_with_a_base_after_the_last_text_change_applies_even_if_other_paragraphs_changed()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(1), scene.Document.Version, "Beta changed"));

        var set = await chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Paragraphs[0].Revision, ParagraphStatus.Agreed));

        Assert.Equal(Outcome.Applied, set.Outcome);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public async Task Agreed_paragraph_cannot_be_edited_moved_or_deleted(ParagraphStatus status)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        var locked = scene.Paragraph(0);
        var set = await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, locked, scene.Document.Version, status));

        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, locked, set.Version, "Alpha reworded")));
        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Editor.MoveParagraphAsync(
            new MoveParagraphRequest(scene.Id, locked, scene.Paragraph(1))));
        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Editor.DeleteParagraphAsync(
            new DeleteParagraphRequest(scene.Id, locked)));
        // The chair is held to the same lock: reopen first.
        await HubAssert.RefusedAsync(ErrorCode.Locked, () => chair.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, locked, set.Version, "Alpha by the chair")));

        Assert.Equal(set.Version, (await scene.NowAsync()).Version);
        Assert.Equal("Alpha", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public async Task Reopened_paragraph_can_be_edited_moved_and_deleted_again(ParagraphStatus status)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        var p = scene.Paragraph(0);
        var base0 = scene.Document.Paragraphs[0].Revision;
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, p, base0, status));

        var reopened = await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, p, base0, ParagraphStatus.Draft));
        Assert.Equal(Outcome.Applied, reopened.Outcome);
        Assert.Equal(ParagraphStatus.Draft, (await scene.NowAsync()).Paragraphs[0].Status);

        Assert.Equal(Outcome.Applied, (await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, reopened.Version, "Alpha again"))).Outcome);
        Assert.Equal(Outcome.Applied, (await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, p, scene.Paragraph(1)))).Outcome);
        Assert.Equal(Outcome.Applied, (await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, p))).Outcome);
        Assert.Equal([scene.Paragraph(1)], (await scene.NowAsync()).Paragraphs.Select(x => x.Id));
    }

    [Fact]
    public async Task Agreed_paragraph_can_still_be_commented()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, ParagraphStatus.Agreed));

        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Noted"));

        Assert.Equal(Outcome.Applied, comment.Outcome);
    }

    [Fact]
    public async Task Setting_the_status_it_already_has_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        var same = await chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, ParagraphStatus.Draft));

        Assert.Equal((Outcome.Applied, scene.Document.Version), (same.Outcome, same.Version));
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Unknown_status_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.Call<ParagraphTextResult>("SetParagraphStatus",
            new { documentId = scene.Id, paragraphId = scene.Paragraph(0), baseRevision = scene.Document.Version, status = "adopted" }));

        Assert.Empty(await scene.NewEventsAsync());
    }
}
