using Microsoft.AspNetCore.Http.Connections;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

public sealed class EditingTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Insert_and_edit_reach_every_joined_client_after_commit(HttpTransportType transport)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, delegation: "Brazil");
        var observer = await app.JoinAsync(Role.Observer);
        var document = await chair.Api.CreateDocumentAsync("Draft", DocumentKind.Recommendations);

        await using var editor = await member.ConnectAsync(transport);
        await using var watcher = await observer.ConnectAsync(transport);
        var joined = await editor.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        await watcher.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        Assert.Equal(document.Version, joined.Version);
        Assert.NotNull(joined.Document);

        var inserted = await editor.InsertParagraphAsync(
            new InsertParagraphRequest(document.Id, null, ParagraphKind.Operative, "Recommends that [all] stakeholders participate;", ClientOpId: "op-1"));
        Assert.Equal(Outcome.Applied, inserted.Outcome);
        var edited = await editor.EditParagraphAsync(
            new EditParagraphRequest(document.Id, inserted.ParagraphId, inserted.Version, "Recommends that all stakeholders participate fully;"));
        Assert.Equal(Outcome.Applied, edited.Outcome);
        Assert.Equal(edited.Version, edited.Revision);

        var seen = await watcher.Applied.ForAsync(e => e.Version == edited.Version);
        Assert.Equal(EnvelopeTypes.ParagraphEdited, seen.Type);
        Assert.Equal(member.Id, seen.Actor.ParticipantId);
        Assert.Equal("Brazil", seen.Actor.Delegation);

        var now = await observer.Api.DocumentAsync(document.Id);
        var paragraph = Assert.Single(now.Paragraphs);
        Assert.Equal("Recommends that all stakeholders participate fully;", paragraph.Text);
        Assert.Equal("1", paragraph.Number);
        Assert.Equal(edited.Version, paragraph.Revision);
    }

    [Fact]
    public async Task A_client_op_id_reused_for_another_kind_of_call_is_invalid_and_appends_nothing()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Draft", DocumentKind.Recommendations, "1. Recommends action;");
        await using var hub = await chair.ConnectAsync();
        var inserted = await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, null, ParagraphKind.Text, "x", ClientOpId: "op-7"));

        var refused = await Assert.ThrowsAsync<DraftingException>(() => hub.EditParagraphAsync(
            new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Version, "Recommends inaction;", "op-7")));

        Assert.Equal(ErrorCode.Invalid, refused.Code);
        Assert.Equal(inserted.Version, (await chair.Api.DocumentAsync(document.Id)).Version);
        Assert.Equal(inserted, await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, null, ParagraphKind.Text, "x", ClientOpId: "op-7")));
    }

    [Fact]
    public async Task Observer_edit_is_refused_with_forbidden()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var observer = await app.JoinAsync(Role.Observer);
        var document = await chair.Api.CreateDocumentAsync("Draft", DocumentKind.Recommendations);
        await using var watcher = await observer.ConnectAsync();

        var refused = await Assert.ThrowsAsync<DraftingException>(() => watcher.InsertParagraphAsync(
            new InsertParagraphRequest(document.Id, null, ParagraphKind.Text, "Sneaky text")));

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
        Assert.StartsWith("forbidden: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(document.Version, (await chair.Api.DocumentAsync(document.Id)).Version);
    }
}
