using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>The chair agrees a paragraph from the console, after a confirmation; every member's copy locks at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreeingBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_chair_agrees_a_paragraph_after_confirming_and_members_see_it_locked_with_no_editor()
    {
        var chair = await screens.JoinAsync(Role.Chair, "agree-chair", "Chair", "WGEC");
        var document = await chair.Participant.Api.CreateDocumentAsync("To agree", DocumentKind.Recommendations,
            "Recalling the Tunis Agenda,\n\n1. Recommends enhanced cooperation.\n\n2. Decides to meet again.");
        var (agreed, open) = (document.Paragraphs[1].Id, document.Paragraphs[2].Id);
        var member = await screens.JoinAsync(Role.Member, "agree-member");
        await chair.OpenAsync(document.Id);
        await member.OpenAsync(document.Id);
        foreach (var action in new[] { "open-meeting", "tag-revision", "follow-me" })
            await Expect(chair.Page.Locator($"button[data-action=\"{action}\"]")).ToHaveCountAsync(1);
        // No meeting is open, so there is none to close: the toolbar offers one or the other.
        await Expect(chair.Page.Locator("button[data-action=close-meeting]")).ToHaveCountAsync(0);
        await Expect(member.Page.Locator("button[data-action=agree]")).ToHaveCountAsync(0);

        // Cancelling the confirmation changes nothing.
        var dialog = chair.Page.Locator("dialog.confirm");
        await chair.Action(agreed, "agree").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await chair.ScreenshotAsync("chair-confirm");
        await dialog.Locator("button[value=cancel]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await chair.SettleAsync();
        await Expect(chair.Paragraph(agreed)).ToHaveAttributeAsync("data-status", "draft");
        Assert.Equal(ParagraphStatus.Draft, (await member.Participant.Api.DocumentAsync(document.Id)).Paragraphs[1].Status);

        await chair.Action(agreed, "agree").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("button[value=confirm]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(chair.Paragraph(agreed)).ToHaveAttributeAsync("data-status", "agreed");
        await Expect(member.Paragraph(agreed)).ToHaveAttributeAsync("data-status", "agreed");
        await Expect(member.Page.Locator($"article.paragraph[data-paragraph-id=\"{agreed}\"][data-locked]")).ToHaveCountAsync(1);
        await Expect(member.Page.Locator($"article.paragraph[data-paragraph-id=\"{open}\"][data-locked]")).ToHaveCountAsync(0);
        await Expect(member.Paragraph(open)).ToHaveAttributeAsync("data-status", "draft");
        Assert.Equal(ParagraphStatus.Agreed, (await member.Participant.Api.DocumentAsync(document.Id)).Paragraphs[1].Status);
        // One status change only: the cancelled confirmation sent nothing.
        Assert.Equal([EnvelopeTypes.ParagraphStatusChanged], (await member.Participant.Api.EventsAsync(document.Id, document.Version)).Select(e => e.Type));

        await member.Text(agreed).ClickAsync();
        await member.Paragraph(agreed).FocusAsync();
        await member.Paragraph(agreed).PressAsync("Enter");
        await member.SettleAsync();
        await Expect(member.Page.Locator("textarea.editor")).ToHaveCountAsync(0);
        // The same gesture on the paragraph still in draft does open an editor.
        await member.Text(open).ClickAsync();
        await Expect(member.Editor(open)).ToBeVisibleAsync();
        await member.Editor(open).PressAsync("Escape");
        await chair.ScreenshotAsync("chair-console");
        Assert.Empty(chair.ScriptErrors);
        Assert.Empty(member.ScriptErrors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
