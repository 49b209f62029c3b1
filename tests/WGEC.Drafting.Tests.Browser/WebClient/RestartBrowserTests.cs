using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// The server goes down mid-session and comes back on the same address: the pages keep their
/// origin, reconnect by themselves, and what was typed while it was down is not lost.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RestartBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private const string Typed = "Recommends enhanced cooperation among all stakeholders";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task An_edit_typed_while_the_server_is_down_is_kept_pending_and_arrives_when_it_is_back()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Through a restart", DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation\n\n2. Decides to meet again");
        var paragraph = document.Paragraphs[0].Id;
        var ana = await screens.JoinAsync(Role.Member, "restart-ana", "Ana", "Brazil");
        var ben = await screens.JoinAsync(Role.Member, "restart-ben", "Ben", "Kenya");
        await ana.OpenAsync(document.Id);
        await ben.OpenAsync(document.Id);

        await app.StopAsync();
        try
        {
            await Expect(ana.Connection).ToHaveAttributeAsync("data-status", NotConnected());
            await Expect(ben.Connection).ToHaveAttributeAsync("data-status", NotConnected());
            var editor = await ana.EditAsync(paragraph);
            await editor.PressAsync("Control+End");
            await editor.PressSequentiallyAsync(" among all stakeholders");
            await editor.PressAsync("Escape");
            await Expect(editor).ToHaveCountAsync(0);
            await Expect(ana.Pending).ToHaveAttributeAsync("data-paragraph-id", paragraph.ToString());
            await ana.ScreenshotAsync("restart-server-down");
            await Expect(ana.Connection).ToHaveAttributeAsync("data-status", NotConnected());
        }
        finally
        {
            await app.StartAsync();
        }

        await Expect(ana.Connection).ToHaveAttributeAsync("data-status", "connected");
        await Expect(ben.Connection).ToHaveAttributeAsync("data-status", "connected");
        await Expect(ana.Pending).ToHaveCountAsync(0);
        await Wait.UntilAsync(async () => await TextOnServerAsync() == Typed);
        await Expect(ben.Text(paragraph)).ToHaveTextAsync(Typed);
        await Expect(ana.Text(paragraph)).ToHaveTextAsync(Typed);
        var version = (await chair.Api.DocumentAsync(document.Id)).Version;
        Assert.Equal(document.Version + 1, version);
        await Expect(ana.Version).ToHaveTextAsync(version.ToString());
        await Expect(ben.Version).ToHaveTextAsync(version.ToString());
        Assert.Empty(ana.ScriptErrors);
        Assert.Empty(ben.ScriptErrors);

        async Task<string> TextOnServerAsync() => (await chair.Api.DocumentAsync(document.Id)).Paragraphs[0].Text;
    }

    /// <summary>What the banner may say while the server is down: the contract's statuses short of connected (and not signed out).</summary>
    [GeneratedRegex("^(connecting|reconnecting|offline)$")]
    private static partial Regex NotConnected();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
