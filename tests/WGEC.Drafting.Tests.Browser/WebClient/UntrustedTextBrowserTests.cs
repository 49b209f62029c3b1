using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// What people type is shown as text, never parsed as HTML (STYLE.md 8): markup in a paragraph, a
/// comment, an amendment, a title or a name runs nowhere and makes no element, on any screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UntrustedTextBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private const string Img = "<img src=x onerror=\"window.__pwned=1\">";
    private const string Script = "<script>window.__pwned=2</script>";
    private const string Paragraph = $"Recommends {Img} enhanced {Script} cooperation.";
    private const string Comment = $"Brazil objects: {Img} {Script}";
    private const string Amendment = $"Decides to meet {Img} again {Script}.";
    private const string Note = $"On behalf of {Script}";
    private const string Title = $"Draft {Img}";
    private const string Name = "Ana <img src=x onerror=\"window.__pwned=3\">";
    private const string Delegation = "Brazil<script>window.__pwned=4</script>";

    /// <summary>Whatever markup made it into the page: an element, an inline handler, or a script that ran.</summary>
    private const string Injected = """
        () => ({
          pwned: window.__pwned === undefined ? null : String(window.__pwned),
          inParagraphs: document.querySelectorAll("article.paragraph img, article.paragraph script").length,
          inApp: [...document.querySelectorAll("#app img, #app script, [onerror]")].map((el) => el.outerHTML.slice(0, 80)),
        })
        """;

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task Markup_typed_by_a_member_shows_as_text_and_runs_nowhere_for_the_member_or_an_observer()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync(Title, DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation.\n\n2. Decides to meet again.");
        var (first, second) = (document.Paragraphs[0].Id, document.Paragraphs[1].Id);
        await using (var hub = await chair.ConnectAsync())
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        var member = await screens.JoinAsync(Role.Member, "untrusted-member", Name, Delegation);
        var observer = await screens.JoinAsync(Role.Observer, "untrusted-observer", "Observer", "Holy See");
        await member.OpenAsync(document.Id);
        await observer.OpenAsync(document.Id);

        // The member writes markup into a paragraph, a comment and a tabled amendment.
        var editor = await member.EditAsync(first);
        await editor.FillAsync(Paragraph);
        await editor.PressAsync("Escape");
        await Wait.UntilAsync(async () => (await chair.Api.DocumentAsync(document.Id)).Paragraphs[0].Text == Paragraph);
        var edited = (await chair.Api.DocumentAsync(document.Id)).Version;

        await member.Paragraph(first).Locator("details.comments > summary").ClickAsync();
        await member.Paragraph(first).Locator("form.add-comment textarea").FillAsync(Comment);
        await member.Paragraph(first).Locator("button[data-action=add-comment]").ClickAsync();
        await Expect(member.Paragraph(first).Locator(".comment-text")).ToHaveTextAsync(Comment);

        await member.Paragraph(second).Locator("details.proposals > summary").ClickAsync();
        await member.Paragraph(second).Locator("button[data-action=table-proposal]").ClickAsync();
        var dialog = member.Page.Locator("dialog.amendment");
        await dialog.Locator("textarea[name=text]").FillAsync(Amendment);
        await dialog.Locator("textarea[name=note]").FillAsync(Note);
        await dialog.Locator("button[value=confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(member.Paragraph(second).Locator(".proposed-text")).ToHaveTextAsync(Amendment);
        Assert.Equal([Amendment], (await chair.Api.DocumentAsync(document.Id)).Paragraphs[1].Proposals.Select(p => p.Text));

        // The observer opens all of it, the changes since Rev.1, and the version with the markup on the timeslider.
        await Expect(observer.Paragraph(first).Locator("details.comments > summary")).ToHaveTextAsync("Comments (1)");
        await observer.Paragraph(first).Locator("details.comments > summary").ClickAsync();
        await observer.Paragraph(second).Locator("details.proposals > summary").ClickAsync();
        await observer.Page.Locator("select#changes-since").SelectOptionAsync("Rev.1");
        await Expect(observer.Page.Locator("#changes article.diff")).Not.ToHaveCountAsync(0);

        foreach (var screen in new[] { member, observer })
        {
            await Expect(screen.Page.Locator("h1.title")).ToHaveTextAsync(Title);
            await Expect(screen.Text(first)).ToContainTextAsync(Img);
            await Expect(screen.Text(first)).ToContainTextAsync(Script);
            await Expect(screen.Paragraph(first).Locator(".comment-text")).ToHaveTextAsync(Comment);
            await Expect(screen.Paragraph(first).Locator(".comment-meta .name")).ToHaveTextAsync(Name);
            await Expect(screen.Paragraph(first).Locator(".comment-meta .delegation")).ToHaveTextAsync(Delegation);
            await Expect(screen.Paragraph(second).Locator(".proposed-text")).ToHaveTextAsync(Amendment);
            await Expect(screen.Paragraph(second).Locator(".proposal-note")).ToContainTextAsync(Note);
            await Expect(screen.Page.Locator($"#presence li[data-participant-id=\"{member.Participant.Id}\"]")).ToContainTextAsync(Name);
            await AssertNothingInjectedAsync(screen, screen.Name);
        }
        await Expect(observer.Page.Locator("#changes")).ToContainTextAsync("enhanced");

        await observer.Page.Locator("input#timeslider").FillAsync(edited.ToString());
        await Expect(observer.Page.Locator("#snapshot article.paragraph .text").First).ToContainTextAsync(Img);
        await AssertNothingInjectedAsync(observer, "untrusted-observer-snapshot");
        Assert.Empty(member.ScriptErrors);
        Assert.Empty(observer.ScriptErrors);
    }

    private static async Task AssertNothingInjectedAsync(Screen screen, string name)
    {
        await screen.SettleAsync();
        var path = await screen.ScreenshotAsync(name);
        var found = await screen.Page.EvaluateAsync<InjectedMarkup>(Injected);
        Assert.True(found.Pwned is null, $"{name}: injected script ran, window.__pwned = {found.Pwned} ({path})");
        Assert.True(found.InParagraphs == 0, $"{name}: {found.InParagraphs} img/script elements inside article.paragraph ({path})");
        Assert.True(found.InApp.Length == 0, $"{name}: markup became elements ({path}):\n  {string.Join("\n  ", found.InApp)}");
    }

    /// <summary>Filled by Playwright, which needs a parameterless constructor.</summary>
    private sealed class InjectedMarkup
    {
        public string? Pwned { get; set; }
        public int InParagraphs { get; set; }
        public string[] InApp { get; set; } = [];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
