using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// A screen-reader user hears what others change through the polite live region, a sentence every
/// few seconds at most, never once per keystroke, and never their own changes read back to them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnouncementsBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>
    /// Records every change of #announcer, and every real change of text in the page's other live
    /// regions (a region re-rendered with the same words says nothing new).
    /// </summary>
    private const string Record = """
        () => {
          window.__announced = [];
          window.__otherRegions = [];
          const announcer = document.querySelector("#announcer");
          new MutationObserver(() => window.__announced.push(announcer.textContent))
            .observe(announcer, { childList: true, characterData: true, subtree: true });
          const live = "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]";
          for (const region of document.querySelectorAll(live)) {
            if (region === announcer) continue;
            let last = region.textContent;
            new MutationObserver(() => {
              if (region.textContent === last) return;
              last = region.textContent;
              window.__otherRegions.push(`${region.id ? "#" + region.id : region.className}: ${last}`);
            }).observe(region, { childList: true, characterData: true, subtree: true });
          }
        }
        """;

    private const string Typed = "Encourages Member States to participate actively and fully in the work.";

    private static readonly string[] Burst = ["among", "all", "stakeholders", "including", "governments", "the", "private", "sector"];

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task A_burst_of_edits_by_another_delegation_is_announced_politely_once_or_twice_naming_the_paragraph_and_delegation()
    {
        var (document, ana, ben) = await OpenAsync("announce-burst");
        var first = document.Paragraphs[0];
        var announcer = ana.Page.Locator("#announcer");
        await Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(announcer).Not.ToHaveAttributeAsync("role", "alert");

        // Kenya types into the first paragraph: one edit per word, as fast as the hub takes them.
        await using var hub = await ben.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var (text, revision) = (first.Text, first.Revision);
        foreach (var word in Burst)
        {
            text += " " + word;
            revision = (await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, revision, text))).Revision;
        }
        await Expect(ana.Text(first.Id)).ToHaveTextAsync(text);
        await Expect(announcer).ToContainTextAsync("Kenya");

        // One more change, to another paragraph, marks the end: whatever the burst still had queued comes out before or with it.
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[2].Id, document.Paragraphs[2].Revision, "Decides to meet again soon."));
        var announced = await UntilAnnouncedAsync(ana, "Paragraph 3");
        await ana.ScreenshotAsync("announcements-burst");

        var burst = announced[..^1];
        Assert.True(burst.Length is >= 1 and <= 2, $"{Burst.Length} edits by Kenya gave {burst.Length} announcements: {string.Join(" | ", announced)}");
        Assert.All(burst, a => Assert.Contains("Paragraph 1", a, StringComparison.Ordinal));
        Assert.All(burst, a => Assert.Contains("Kenya", a, StringComparison.Ordinal));
        Assert.Equal("Paragraph 3 edited by Kenya", announced[^1]);
        var others = await OtherRegionsAsync(ana);
        Assert.True(others.Length == 0, $"other live regions spoke while Kenya edited: {string.Join(" | ", others)}");
        Assert.Empty(ana.ScriptErrors);
    }

    [Fact]
    public async Task A_persons_own_typing_is_announced_in_no_live_region()
    {
        var (document, ana, ben) = await OpenAsync("announce-own");
        var second = document.Paragraphs[1];

        // Ana types in three goes, each long enough a pause for the client to send what she typed.
        var editor = await ana.EditAsync(second.Id);
        await editor.PressAsync("Backspace");
        foreach (var words in new[] { " actively", " and fully", " in the work." })
        {
            await editor.PressSequentiallyAsync(words);
            await Expect(ana.Pending).ToHaveCountAsync(0);
        }
        await editor.PressAsync("Escape");
        await Wait.UntilAsync(async () => (await ben.Api.DocumentAsync(document.Id)).Paragraphs[1].Text == Typed);
        await Expect(ana.Version).ToHaveTextAsync((await ben.Api.DocumentAsync(document.Id)).Version.ToString());

        // A change by Kenya marks the end: had Ana's edits been queued, they would come out before or with it.
        await using var hub = await ben.ConnectAsync();
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[2].Id, document.Paragraphs[2].Revision, "Decides to meet again soon."));
        var announced = await UntilAnnouncedAsync(ana, "Paragraph 3");
        var path = await ana.ScreenshotAsync("announcements-own");

        Assert.Equal(["Paragraph 3 edited by Kenya"], announced);
        var others = await OtherRegionsAsync(ana);
        Assert.True(others.Length == 0, $"Ana's own typing was read out by other live regions, {others.Length} times ({path}): {string.Join(" | ", others)}");
        Assert.Empty(ana.ScriptErrors);
    }

    /// <summary>Three paragraphs, open at the screen of Ana (Brazil) with the live regions recorded; Ben (Kenya) edits from the hub.</summary>
    private async Task<(DocumentView Document, Screen Ana, Participant Ben)> OpenAsync(string name)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Announced " + name, DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation\n\n2. Encourages Member States to participate.\n\n3. Decides to meet again.");
        var ben = await app.JoinAsync(Role.Member, "Ben", "Kenya");
        var ana = await screens.JoinAsync(Role.Member, name, "Ana", "Brazil");
        await ana.OpenAsync(document.Id);
        await Expect(ana.Page.Locator($"#presence li[data-participant-id=\"{ana.Participant.Id}\"]")).ToHaveCountAsync(1);
        await ana.Page.EvaluateAsync(Record);
        return (document, ana, ben);
    }

    /// <summary>What #announcer said, once it has said something about <paramref name="paragraph"/>.</summary>
    private static async Task<string[]> UntilAnnouncedAsync(Screen screen, string paragraph)
    {
        string[] announced = [];
        await Wait.UntilAsync(async () =>
        {
            announced = await screen.Page.EvaluateAsync<string[]>("() => window.__announced");
            return announced.Any(a => a.Contains(paragraph, StringComparison.Ordinal));
        });
        return announced;
    }

    private static Task<string[]> OtherRegionsAsync(Screen screen) => screen.Page.EvaluateAsync<string[]>("() => window.__otherRegions");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
