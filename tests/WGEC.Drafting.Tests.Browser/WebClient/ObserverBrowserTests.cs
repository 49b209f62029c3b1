using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>An observer follows the negotiation live and has nothing to write with (PROTOCOL.md §1: read only).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ObserverBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>Every write the selector contract names (paragraph buttons for editors and the chair, the chair's toolbar), and the client's own Edit button.</summary>
    private const string WriteButtons =
        "button[data-action=edit], button[data-action=insert-after], button[data-action=move-up], button[data-action=move-down], button[data-action=delete], " +
        "button[data-action=agree], button[data-action=agree-ad-ref], button[data-action=reopen], " +
        "button[data-action=open-meeting], button[data-action=close-meeting], button[data-action=tag-revision], button[data-action=follow-me]";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task An_observer_sees_edits_and_insertions_live_and_no_click_or_key_opens_an_editor()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, delegation: "Brazil");
        var document = await chair.Api.CreateDocumentAsync("Observed", DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation.\n\n2. Decides to meet again.");
        var (first, second) = (document.Paragraphs[0], document.Paragraphs[1]);
        var observer = await screens.JoinAsync(Role.Observer, "observer", "Observer", "Holy See");
        await Expect(observer.Page.Locator("form#create-document")).ToHaveCountAsync(0);
        await observer.OpenAsync(document.Id);
        await Expect(observer.Text(first.Id)).ToHaveTextAsync("Recommends enhanced cooperation.");

        await using var hub = await member.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Recommends enhanced cooperation among all stakeholders."));
        var inserted = await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, first.Id, ParagraphKind.Operative, "Welcomes the progress made."));

        await Expect(observer.Text(first.Id)).ToHaveTextAsync("Recommends enhanced cooperation among all stakeholders.");
        await Expect(observer.Paragraphs).ToHaveCountAsync(3);
        await Expect(observer.Paragraphs.Nth(1)).ToHaveAttributeAsync("data-paragraph-id", inserted.ParagraphId.ToString());
        await Expect(observer.Number(inserted.ParagraphId)).ToHaveTextAsync(Screen.DisplayNumber("2"));
        await Expect(observer.Number(second.Id)).ToHaveTextAsync(Screen.DisplayNumber("3"));
        await Expect(observer.Version).ToHaveTextAsync(inserted.Version.ToString());
        await Expect(observer.Page.Locator($"#presence li[data-participant-id=\"{member.Id}\"]")).ToHaveCountAsync(1);
        await Expect(observer.Page.Locator("#announcer")).ToHaveAttributeAsync("aria-live", "polite");

        await observer.Text(first.Id).ClickAsync();
        await observer.Paragraph(second.Id).FocusAsync();
        await observer.Paragraph(second.Id).PressAsync("Enter");
        await observer.SettleAsync();
        await Expect(observer.Page.Locator("textarea, [contenteditable=true]")).ToHaveCountAsync(0);
        await Expect(observer.Page.Locator(WriteButtons)).ToHaveCountAsync(0);
        await observer.ScreenshotAsync("observer");
        Assert.Empty(observer.ScriptErrors);
    }

    [Fact]
    public async Task The_same_click_and_key_open_an_editor_for_a_member_and_the_write_buttons_are_there()
    {
        // The counterpart of the observer test: the same gestures and selectors find an editor and buttons for a member.
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Edited", DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation.\n\n2. Decides to meet again.");
        var (first, second) = (document.Paragraphs[0].Id, document.Paragraphs[1].Id);
        var member = await screens.JoinAsync(Role.Member, "member-gestures");
        await member.OpenAsync(document.Id);

        await member.Text(first).ClickAsync();
        await Expect(member.Editor(first)).ToBeVisibleAsync();
        await member.Editor(first).PressAsync("Escape");
        await Expect(member.Editor(first)).ToHaveCountAsync(0);
        await member.Paragraph(second).FocusAsync();
        await member.Paragraph(second).PressAsync("Enter");
        await Expect(member.Editor(second)).ToBeVisibleAsync();

        foreach (var action in new[] { "insert-after", "move-down", "delete" })
            await Expect(member.Action(first, action)).ToHaveCountAsync(1);
        await Expect(member.Action(second, "move-up")).ToHaveCountAsync(1);
        foreach (var action in new[] { "agree", "agree-ad-ref", "reopen" })
            await Expect(member.Action(first, action)).ToHaveCountAsync(0);
        Assert.Empty(member.ScriptErrors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
