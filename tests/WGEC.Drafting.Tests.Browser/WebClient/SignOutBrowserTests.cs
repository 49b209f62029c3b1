using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>Signing out at a shared machine (a delegation's laptop, the room's screen) leaves nothing signed in behind.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>Every value in the tab's web storage, to look for the token in.</summary>
    private const string Stored = "() => [...Object.values(sessionStorage), ...Object.values(localStorage)]";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task Sign_out_returns_to_the_sign_in_page_forgets_the_token_and_a_reload_or_back_stays_signed_out()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Signed out", DocumentKind.Recommendations, "1. Recommends enhanced cooperation.");
        await using var hub = await chair.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var member = await screens.JoinAsync(Role.Member, "sign-out-member", "Ana", "Brazil");
        await member.OpenAsync(document.Id);
        await hub.Presence.ForAsync(p => p.Participants.Any(e => e.ParticipantId == member.Participant.Id));
        var token = await member.Page.EvaluateAsync<string?>(
            "() => Object.values(sessionStorage).map((v) => { try { return JSON.parse(v).token; } catch { return null; } }).find(Boolean) ?? null");
        Assert.False(string.IsNullOrEmpty(token), "the signed-in tab keeps no token in sessionStorage: nothing to check");

        await member.Page.Locator("header.topbar button#sign-out").ClickAsync();

        await Expect(member.Page).ToHaveURLAsync(app.BaseAddress.ToString());
        await AssertSignedOutAsync("after signing out");
        // The page left the document: the others no longer see this screen as present.
        await hub.Presence.ForAsync(p => p.Participants.All(e => e.ParticipantId != member.Participant.Id));

        await member.Page.ReloadAsync();
        await AssertSignedOutAsync("after a reload");

        await member.Page.GoBackAsync();
        await AssertSignedOutAsync("after going back");
        await member.ScreenshotAsync("signed-out");
        Assert.Empty(member.ScriptErrors);

        async Task AssertSignedOutAsync(string when)
        {
            await Expect(member.Page.Locator("form#sign-in")).ToBeVisibleAsync();
            await Expect(member.Page.Locator("header.topbar")).ToHaveCountAsync(0);
            await Expect(member.Page.Locator("#connection, article.paragraph")).ToHaveCountAsync(0);
            var stored = await member.Page.EvaluateAsync<string[]>(Stored);
            Assert.False(stored.Any(v => v.Contains(token!, StringComparison.Ordinal)), $"the token is still in web storage {when}");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
