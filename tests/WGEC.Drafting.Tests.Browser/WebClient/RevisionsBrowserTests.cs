using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>The chair tags a revision from the console; everyone can then see what changed since it, and the progress over revisions.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevisionsBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_chair_tags_a_revision_in_the_prompt_and_a_member_sees_the_changes_since_it_marked()
    {
        var chair = await screens.JoinAsync(Role.Chair, "revisions-chair", "Chair", "WGEC");
        var document = await chair.Participant.Api.CreateDocumentAsync("Revised", DocumentKind.Recommendations,
            "1. Recommends all cooperation.\n\n2. Decides to meet again.");
        var paragraph = document.Paragraphs[0];
        var member = await screens.JoinAsync(Role.Member, "revisions-member");
        await chair.OpenAsync(document.Id);
        await member.OpenAsync(document.Id);

        await chair.Page.Locator("button[data-action=tag-revision]").ClickAsync();
        var prompt = chair.Page.Locator("dialog.prompt");
        await Expect(prompt).ToBeVisibleAsync();
        await prompt.Locator("input[name=label]").FillAsync("Rev.1");
        await prompt.Locator("button[value=confirm]").ClickAsync();
        await Expect(prompt).ToBeHiddenAsync();
        await Expect(member.Page.Locator("select#changes-since option[value=\"Rev.1\"]")).ToHaveCountAsync(1);
        Assert.Equal(["Rev.1"], (await member.Participant.Api.DocumentAsync(document.Id)).Revisions.Select(r => r.Label));

        var editor = await member.EditAsync(paragraph.Id);
        await editor.FillAsync("Recommends enhanced cooperation.");
        await editor.PressAsync("Escape");
        await Expect(member.Pending).ToHaveCountAsync(0);
        await member.Page.Locator("select#changes-since").SelectOptionAsync("Rev.1");

        var changes = member.Page.Locator("#changes");
        await Expect(changes.Locator("ins")).ToHaveTextAsync("enhanced");
        await Expect(changes.Locator("del")).ToHaveTextAsync("all");
        await Expect(changes).Not.ToContainTextAsync("Decides to meet again.");
        await member.ScreenshotAsync("changes-since");
        Assert.Empty(chair.ScriptErrors);
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task The_progress_chart_is_drawn_for_a_document_with_a_revision()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Progressing", DocumentKind.Recommendations,
            "1. Recommends cooperation.\n\n2. Decides to meet [again / soon].");
        await using (var hub = await chair.ConnectAsync())
        {
            var first = document.Paragraphs[0];
            await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, first.Id, first.Revision, ParagraphStatus.Agreed));
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        }
        var observer = await screens.JoinAsync(Role.Observer, "progress-observer");
        await observer.OpenAsync(document.Id);

        await Expect(observer.Page.Locator("#progress svg")).ToBeVisibleAsync();
        await observer.ScreenshotAsync("progress");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
