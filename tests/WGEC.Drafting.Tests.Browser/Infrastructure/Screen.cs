using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WGEC.Drafting.Contracts;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// One person at the web client: a browser context of their own (so their own sessionStorage, hence
/// their own sign-in), one tab, and locators named after the client's selector contract.
/// </summary>
public sealed class Screen : IAsyncDisposable
{
    /// <summary>The longest any expectation waits: a reconnect after a restart backs off at most 3 s.</summary>
    public const float Timeout = 10_000;

    /// <summary>Keeps the live paragraphs apart from a snapshot's, which may carry the same ids.</summary>
    private const string Live = ":not(#snapshot *)";

    private readonly IBrowserContext context;
    private readonly List<string> scriptErrors = [];

    private Screen(IBrowserContext context, IPage page, DraftingApp app, Participant participant, string name)
    {
        (this.context, Page, App, Participant, Name) = (context, page, app, participant, name);
        page.PageError += (_, error) =>
        {
            lock (scriptErrors)
                scriptErrors.Add(error);
        };
    }

    public IPage Page { get; }
    public DraftingApp App { get; }
    public Participant Participant { get; }

    /// <summary>Names this screen's screenshots, e.g. <c>agree-member</c>.</summary>
    public string Name { get; }

    /// <summary>Opens the participant's invite link, as they would from an e-mail, and waits until it lands on <c>/</c> signed in.</summary>
    public static async Task<Screen> SignInAsync(Chromium chromium, DraftingApp app, Participant participant, string name)
    {
        SetDefaultExpectTimeout(Timeout);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(Timeout);
        var screen = new Screen(context, await context.NewPageAsync(), app, participant, name);
        await screen.Page.GotoAsync(new Uri(app.BaseAddress, "join/" + participant.InviteCode).ToString());
        await Expect(screen.Page).ToHaveURLAsync(app.BaseAddress.ToString());
        var me = screen.Page.Locator("header.topbar .me");
        await Expect(me).ToContainTextAsync(participant.View.Name);
        await Expect(me).ToContainTextAsync(participant.View.Delegation);
        await Expect(me).ToContainTextAsync(ProtocolJson.Name(participant.View.Role));
        await Expect(screen.Page.Locator("header.topbar button#sign-out")).ToBeVisibleAsync();
        return screen;
    }

    /// <summary>Opens a document (optionally with a query such as <c>?view=projector</c>) and waits for its live connection.</summary>
    public async Task OpenAsync(Guid documentId, string query = "")
    {
        await Page.GotoAsync(new Uri(App.BaseAddress, $"documents/{documentId}{query}").ToString());
        await Expect(Connection).ToHaveAttributeAsync("data-status", "connected");
    }

    public ILocator Connection => Page.Locator("#connection");

    public ILocator Version => Page.Locator("#version");

    /// <summary>The live document's paragraphs, in order (not those of a timeslider <c>#snapshot</c>).</summary>
    public ILocator Paragraphs => Page.Locator($"article.paragraph[data-paragraph-id]{Live}");

    /// <summary>Paragraphs with text not yet sent or not yet acknowledged.</summary>
    public ILocator Pending => Page.Locator($"article.paragraph[data-paragraph-id][data-pending]{Live}");

    public ILocator Paragraph(Guid id) => Page.Locator($"article.paragraph[data-paragraph-id=\"{id}\"]{Live}");

    public ILocator Number(Guid id) => Paragraph(id).Locator(".number");

    /// <summary>
    /// The server's display number as the client shows it: the number itself, with or without the
    /// full stop of UN operative paragraphs ("3" or "3."). The client never computes numbers.
    /// </summary>
    public static Regex DisplayNumber(string number) => new($"^\\s*{Regex.Escape(number)}\\.?\\s*$");

    public ILocator Text(Guid id) => Paragraph(id).Locator(".text");

    public ILocator Editor(Guid id) => Paragraph(id).Locator("textarea.editor");

    /// <summary>The paragraph's write button for <paramref name="action"/> (<c>agree</c>, <c>delete</c> …).</summary>
    public ILocator Action(Guid id, string action) => Paragraph(id).Locator($"button[data-action=\"{action}\"]");

    /// <summary>Clicks the paragraph's text and waits for its editor.</summary>
    public async Task<ILocator> EditAsync(Guid id)
    {
        await Text(id).ClickAsync();
        var editor = Editor(id);
        await Expect(editor).ToBeVisibleAsync();
        await Expect(editor).ToBeFocusedAsync();
        return editor;
    }

    /// <summary>
    /// Lets the page handle what was just done (a click, a key) before asserting that something did
    /// <em>not</em> happen: two animation frames and a task, no fixed sleep.
    /// </summary>
    public Task SettleAsync() => Page.EvaluateAsync(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))");

    /// <summary>Saves a full-page screenshot as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Chromium.ScreenshotFolder(), name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Uncaught exceptions in the page so far: a client that throws is broken even when the screen looks right.</summary>
    public IReadOnlyList<string> ScriptErrors
    {
        get
        {
            lock (scriptErrors)
                return [.. scriptErrors];
        }
    }

    /// <summary>Keeps the last state of every screen (in <c>last/</c>), so a failed run shows what each person saw.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScreenshotAsync(Path.Combine("last", Name));
        }
        catch (PlaywrightException)
        {
            // The page may be gone already; the screenshot is a courtesy, not part of the test.
        }
        await context.DisposeAsync();
    }
}
