using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// Everything works from the keyboard: a member edits and moves paragraphs and the chair agrees one
/// with Tab, Shift+Tab, Enter, typing, Escape and Alt+Arrow only. No test here clicks.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private const string Participate = "Encourages Member States to participate.";
    private const string Actively = "Encourages Member States to participate actively.";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task A_member_edits_and_moves_and_the_chair_agrees_with_the_keyboard_alone_and_the_server_has_it_all()
    {
        var (document, member, chair) = await OpenAsync("keyboard");
        var (first, second, third) = (document.Paragraphs[0].Id, document.Paragraphs[1].Id, document.Paragraphs[2].Id);

        // The member reaches the second paragraph with Tab, sees where focus is, and edits it.
        await member.TabToAsync(Card(second));
        await Expect(member.Paragraph(second)).ToHaveCSSAsync("outline-style", "solid");
        await member.Page.Keyboard.PressAsync("Enter");
        await Expect(member.Editor(second)).ToBeFocusedAsync();
        await member.Page.Keyboard.PressAsync("Backspace");
        await member.Page.Keyboard.TypeAsync(" actively.");
        await member.ScreenshotAsync("keyboard-member-typing");
        await member.Page.Keyboard.PressAsync("Escape");
        await Expect(member.Editor(second)).ToHaveCountAsync(0);
        await Expect(member.Paragraph(second)).ToBeFocusedAsync();
        await Wait.UntilAsync(async () => (await ServerAsync()).Paragraphs[1].Text == Actively);
        await Expect(member.Text(second)).ToHaveTextAsync(Actively);

        // Back to the first paragraph with Shift+Tab, and down one place with Alt+↓.
        await member.TabToAsync(Card(first), backwards: true);
        await member.Page.Keyboard.PressAsync("Alt+ArrowDown");
        await Wait.UntilAsync(async () => (await ServerAsync()).Paragraphs.Select(p => p.Id).SequenceEqual([second, first, third]));
        await Expect(member.Paragraphs.Nth(1)).ToHaveAttributeAsync("data-paragraph-id", first.ToString());
        await Expect(member.Number(first)).ToHaveTextAsync(Screen.DisplayNumber("2"));
        await Expect(member.Paragraph(first)).ToBeFocusedAsync();
        await member.ScreenshotAsync("keyboard-member-moved");

        // The chair tabs to Agree on the third paragraph; the confirmation takes focus and is confirmed by keyboard.
        await chair.TabToAsync($"{Card(third)} button[data-action=agree]");
        await chair.Page.Keyboard.PressAsync("Enter");
        var dialog = chair.Page.Locator("dialog.confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        await chair.TabToAsync("dialog.confirm button[value=confirm]");
        await chair.ScreenshotAsync("keyboard-chair-confirm");
        await chair.Page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Wait.UntilAsync(async () => (await ServerAsync()).Paragraphs[2].Status == ParagraphStatus.Agreed);
        await Expect(member.Paragraph(third)).ToHaveAttributeAsync("data-status", "agreed");
        Assert.Equal([Actively], (await ServerAsync()).Paragraphs.Where(p => p.Id == second).Select(p => p.Text));
        Assert.Empty(member.ScriptErrors);
        Assert.Empty(chair.ScriptErrors);

        Task<DocumentView> ServerAsync() => member.Participant.Api.DocumentAsync(document.Id);
    }

    [Fact]
    public async Task After_agreeing_by_keyboard_focus_is_still_on_that_paragraph_so_the_chair_goes_on_from_there()
    {
        var (document, _, chair) = await OpenAsync("keyboard-focus");
        var (second, third) = (document.Paragraphs[1].Id, document.Paragraphs[2].Id);

        await chair.TabToAsync($"{Card(second)} button[data-action=agree]");
        await chair.Page.Keyboard.PressAsync("Enter");
        await chair.TabToAsync("dialog.confirm button[value=confirm]");
        await chair.Page.Keyboard.PressAsync("Enter");
        await Expect(chair.Paragraph(second)).ToHaveAttributeAsync("data-status", "agreed");
        await chair.SettleAsync();

        // Its buttons change (Agree becomes Reopen): focus must not fall back to the top of the page.
        var focused = await chair.FocusedAsync();
        var path = await chair.ScreenshotAsync("keyboard-chair-after-agree");
        Assert.True(await chair.Page.EvaluateAsync<bool>("card => !!document.activeElement?.closest(card)", Card(second)),
            $"after agreeing, focus is on {focused}, not in the agreed paragraph ({path})");
        await chair.TabToAsync(Card(third));
        Assert.Empty(chair.ScriptErrors);
    }

    private static string Card(Guid paragraphId) => $"article.paragraph[data-paragraph-id=\"{paragraphId}\"]";

    /// <summary>Three operative paragraphs, open at a member's screen (Brazil) and the chair's.</summary>
    private async Task<(DocumentView Document, Screen Member, Screen Chair)> OpenAsync(string name)
    {
        var chair = await screens.JoinAsync(Role.Chair, name + "-chair", "Chair", "WGEC");
        var document = await chair.Participant.Api.CreateDocumentAsync("Keyboard " + name, DocumentKind.Recommendations,
            $"1. Recommends enhanced cooperation.\n\n2. {Participate}\n\n3. Decides to meet again.");
        var member = await screens.JoinAsync(Role.Member, name + "-member", "Ana", "Brazil");
        await member.OpenAsync(document.Id);
        await chair.OpenAsync(document.Id);
        await Expect(member.Paragraphs).ToHaveCountAsync(3);
        await Expect(chair.Paragraphs).ToHaveCountAsync(3);
        return (document, member, chair);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
