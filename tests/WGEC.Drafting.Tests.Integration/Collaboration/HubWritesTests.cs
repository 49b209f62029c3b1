using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>InsertParagraph, EditParagraph, MoveParagraph, DeleteParagraph and AddComment (PROTOCOL.md §3).</summary>
public sealed class HubWritesTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Insert_without_afterParagraphId_puts_the_paragraph_at_the_top()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");

        var inserted = await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Operative, "Top"));

        Assert.Equal(Outcome.Applied, inserted.Outcome);
        Assert.Equal(scene.Document.Version + 1, inserted.Version);
        var now = await scene.NowAsync();
        Assert.Equal([inserted.ParagraphId, scene.Paragraph(0), scene.Paragraph(1)], now.Paragraphs.Select(p => p.Id));
        Assert.Equal(["1", "2", "3"], now.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public async Task Insert_after_a_paragraph_puts_it_right_after_that_one()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");

        var inserted = await scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, scene.Paragraph(0), ParagraphKind.Operative, "Between"));

        var now = await scene.NowAsync();
        Assert.Equal([scene.Paragraph(0), inserted.ParagraphId, scene.Paragraph(1)], now.Paragraphs.Select(p => p.Id));
        Assert.Equal("Between", now.Paragraphs[1].Text);
        Assert.Equal(inserted.Version, now.Paragraphs[1].Revision);
    }

    [Fact]
    public async Task Insert_with_a_client_chosen_paragraphId_uses_that_id()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var chosen = Guid.NewGuid();

        var inserted = await scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, scene.Paragraph(0), ParagraphKind.Text, "Chosen", ParagraphId: chosen));

        Assert.Equal(chosen, inserted.ParagraphId);
        Assert.Contains((await scene.NowAsync()).Paragraphs, p => p.Id == chosen && p.Text == "Chosen");
    }

    [Fact]
    public async Task Insert_with_a_paragraphId_already_used_is_invalid_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(1)));
        var before = (await scene.NowAsync()).Version;

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "Twin", ParagraphId: scene.Paragraph(0))));
        // A tombstone keeps its id: reusing it would mix two paragraphs in one history.
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "Ghost", ParagraphId: scene.Paragraph(1))));

        Assert.Equal(before, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Insert_with_an_unknown_kind_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.Call<InsertParagraphResult>("InsertParagraph",
            new { documentId = scene.Id, afterParagraphId = (Guid?)null, kind = "footnote", text = "Unknown kind" }));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Insert_into_an_unknown_document_or_after_an_unknown_paragraph_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(Guid.NewGuid(), null, ParagraphKind.Text, "Nowhere")));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, Guid.NewGuid(), ParagraphKind.Text, "After nothing")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Edit_replaces_the_text_and_the_revision_becomes_the_new_version()
    {
        await using var scene = await HubScene.StartAsync(app, "Requests the secretariat to report", "Beta");
        var paragraph = scene.Document.Paragraphs[0];

        var edited = await scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, paragraph.Id, paragraph.Revision, "Requests the secretariat to report annually"));

        Assert.Equal(Outcome.Applied, edited.Outcome);
        Assert.Equal(scene.Document.Version + 1, edited.Version);
        Assert.Equal(edited.Version, edited.Revision);
        Assert.Equal("Requests the secretariat to report annually", edited.Text);
        var now = await scene.NowAsync();
        Assert.Equal(("Requests the secretariat to report annually", edited.Version), (now.Paragraphs[0].Text, now.Paragraphs[0].Revision));
        Assert.Equal(scene.Document.Paragraphs[1].Revision, now.Paragraphs[1].Revision);
    }

    [Fact]
    public async Task Edit_answers_the_normalised_text_the_server_stored()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        var edited = await scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "  Cafe\u0301\r\nline two  "));

        Assert.Equal("Caf\u00e9\nline two", edited.Text);
        Assert.Equal("Caf\u00e9\nline two", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Fact]
    public async Task Move_changes_the_numbers_and_the_envelope_lists_exactly_the_renumbered_paragraphs()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta");
        var (a, b, c, d) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2), scene.Paragraph(3));

        var moved = await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, c, a));

        Assert.Equal(Outcome.Applied, moved.Outcome);
        var now = await scene.NowAsync();
        Assert.Equal([a, c, b, d], now.Paragraphs.Select(p => p.Id));
        Assert.Equal(["1", "2", "3", "4"], now.Paragraphs.Select(p => p.Number));
        var envelope = Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(EnvelopeTypes.ParagraphMoved, envelope.Type);
        Assert.Equal(new Dictionary<Guid, string?> { [c] = "2", [b] = "3" }, envelope.Numbers());
        // A move changes the place, not the text.
        Assert.Equal(scene.Document.Paragraphs[2].Revision, now.Paragraphs[1].Revision);
    }

    [Fact]
    public async Task Move_to_the_top_and_to_where_it_already_is()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        var (a, b) = (scene.Paragraph(0), scene.Paragraph(1));

        var stay = await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, b, a));
        Assert.Equal((Outcome.Applied, scene.Document.Version), (stay.Outcome, stay.Version));
        Assert.Empty(await scene.NewEventsAsync());

        var top = await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, b, null));
        Assert.Equal(scene.Document.Version + 1, top.Version);
        Assert.Equal([b, a], (await scene.NowAsync()).Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public async Task Insert_of_a_non_operative_paragraph_renumbers_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");

        await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Heading, "# Section"));
        await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Operative, "Gamma"));

        var events = await scene.NewEventsAsync();
        Assert.Empty(events[0].Numbers());
        var first = events[1].Json().GetProperty("paragraphId").GetGuid();
        Assert.Equal(new Dictionary<Guid, string?> { [first] = "1", [scene.Paragraph(0)] = "2", [scene.Paragraph(1)] = "3" }, events[1].Numbers());
    }

    [Fact]
    public async Task Delete_leaves_a_tombstone_in_the_history_and_renumbers_the_rest()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        var (a, b, c) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2));

        var deleted = await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1), (deleted.Outcome, deleted.Version));
        var now = await scene.NowAsync();
        Assert.Equal([a, c], now.Paragraphs.Select(p => p.Id));
        Assert.Equal(["1", "2"], now.Paragraphs.Select(p => p.Number));
        var history = await scene.Chair.Api.ParagraphHistoryAsync(scene.Id, b);
        Assert.Equal([EnvelopeTypes.ParagraphInserted, EnvelopeTypes.ParagraphDeleted], history.Select(e => e.Type));
        Assert.Equal("Beta", history[0].Json().GetProperty("text").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [b] = null, [c] = "2" }, history[1].Numbers());
        // The version before the delete still shows it.
        var then = await scene.Chair.Api.DocumentAsync(scene.Id, $"version={deleted.Version - 1}");
        Assert.Contains(then.Paragraphs, p => p.Id == b);
    }

    [Fact]
    public async Task Insert_after_a_deleted_paragraph_goes_after_the_nearest_live_paragraph_before_it()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta");
        var (a, b, c, d) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2), scene.Paragraph(3));
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b));
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, c));

        var inserted = await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, c, ParagraphKind.Operative, "After the gap"));

        Assert.Equal([a, inserted.ParagraphId, d], (await scene.NowAsync()).Paragraphs.Select(p => p.Id));
        var envelope = (await scene.NewEventsAsync())[^1];
        Assert.Equal(a, envelope.Json().GetProperty("afterParagraphId").GetGuid());
    }

    [Fact]
    public async Task Insert_after_a_deleted_first_paragraph_goes_to_the_top()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(0)));

        var inserted = await scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, scene.Paragraph(0), ParagraphKind.Operative, "New first"));

        Assert.Equal([inserted.ParagraphId, scene.Paragraph(1)], (await scene.NowAsync()).Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public async Task Edit_move_delete_status_and_comment_of_a_deleted_paragraph_are_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        var gone = scene.Paragraph(0);
        var deleted = await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, gone));
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, gone, deleted.Version, "Back from the dead")));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.MoveParagraphAsync(
            new MoveParagraphRequest(scene.Id, gone, scene.Paragraph(1))));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.DeleteParagraphAsync(
            new DeleteParagraphRequest(scene.Id, gone)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, gone, deleted.Version, ParagraphStatus.Draft)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.AddCommentAsync(
            new AddCommentRequest(scene.Id, gone, "Too late")));

        Assert.Equal(deleted.Version, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Comment_appears_in_the_document_view_with_its_author()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");

        var first = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(1), "Brazil prefers \"should\"."));
        var second = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(1), "Second thought"));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1), (first.Outcome, first.Version));
        var paragraph = (await scene.NowAsync()).Paragraphs[1];
        Assert.Equal([first.CommentId, second.CommentId], paragraph.Comments.Select(c => c.Id));
        var comment = paragraph.Comments[0];
        Assert.Equal("Brazil prefers \"should\".", comment.Text);
        Assert.Equal(new AuthorView(scene.Member.Id, scene.Member.View.Name, "Brazil"), comment.By);
        // A comment does not change the paragraph's text revision.
        Assert.Equal(scene.Document.Paragraphs[1].Revision, paragraph.Revision);
    }

    [Fact]
    public async Task Empty_comment_is_invalid_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "  ")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Every_write_of_an_observer_is_forbidden_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var observer = await app.JoinAsync(Role.Observer);
        await using var watcher = await observer.ConnectAsync();
        var p = scene.Paragraph(0);
        var v = scene.Document.Version;

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "x")));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, v, "x")));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, p, null)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, p)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, p, v, ParagraphStatus.Agreed)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.AddCommentAsync(new AddCommentRequest(scene.Id, p, "x")));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watcher.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1")));

        Assert.Empty(await scene.NewEventsAsync());
    }
}
