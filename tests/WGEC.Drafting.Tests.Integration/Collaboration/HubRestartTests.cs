using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>
/// A server restarted on the same port (DraftingApp.StopAsync/StartAsync): the data is all in the
/// database, so it is all there again, and hub clients at the old address can connect again.
/// </summary>
public sealed class HubRestartTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task A_restart_on_the_same_port_keeps_the_data_and_a_hub_connection_can_start_and_catch_up_again()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member);
        var document = await chair.Api.CreateDocumentAsync("Survivor", DocumentKind.Recommendations, "1. Alpha.\n\n2. Beta.");
        var (alpha, beta) = (document.Paragraphs[0], document.Paragraphs[1]);
        await using var hub = await member.ConnectAsync();
        var joined = await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, alpha.Id, alpha.Revision, "Alpha, before the restart."));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var (address, firstHost) = (app.BaseAddress, app.Services);

        await app.StopAsync();
        await closed.Task.WaitAsync(Wait.Timeout);
        await Assert.ThrowsAsync<HttpRequestException>(() => member.Api.DocumentsAsync());
        await app.StartAsync();

        Assert.Equal(address, app.BaseAddress);
        Assert.NotSame(firstHost, app.Services);
        var kept = await member.Api.DocumentAsync(document.Id);
        Assert.Equal(edited.Version, kept.Version);
        Assert.Equal(["Alpha, before the restart.", "Beta."], kept.Paragraphs.Select(p => p.Text));
        Assert.Equal(member.View, (await app.Api().SignInAsync(member.InviteCode)).Participant);

        // The connection the stop closed starts again at the same address and catches up from where it was.
        await hub.StartAsync();
        var rejoined = await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id, joined.Version));
        Assert.Equal(edited.Version, rejoined.Version);
        Assert.Equal([(edited.Version, EnvelopeTypes.ParagraphEdited)], rejoined.Events!.Select(e => (e.Version, e.Type)));

        // A connection opened after the restart writes, and the restarted one hears of it.
        await using var chairHub = await chair.ConnectAsync();
        await chairHub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var after = await chairHub.EditParagraphAsync(new EditParagraphRequest(document.Id, beta.Id, beta.Revision, "Beta, after the restart."));
        var heard = await hub.Applied.ForAsync(e => e.Version == after.Version);
        Assert.Equal(EnvelopeTypes.ParagraphEdited, heard.Type);
        Assert.Equal("Beta, after the restart.", (await member.Api.DocumentAsync(document.Id)).Paragraphs[1].Text);
    }
}
