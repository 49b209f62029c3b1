using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>The timeslider shows the document as it was at an earlier version, and goes back to live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimesliderBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task Moving_the_timeslider_back_shows_the_earlier_text_and_back_to_live_shows_the_current_one()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("With a past", DocumentKind.Recommendations,
            "1. Recommends cooperation.\n\n2. Decides to meet again.");
        var paragraph = document.Paragraphs[0];
        await using (var hub = await chair.ConnectAsync())
        {
            var second = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Recommends enhanced cooperation."));
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, second.Revision, "Recommends enhanced cooperation among all stakeholders."));
        }
        var (created, edited, now) = (document.Version, document.Version + 1, document.Version + 2);
        var member = await screens.JoinAsync(Role.Member, "timeslider-member");
        await member.OpenAsync(document.Id);
        var slider = member.Page.Locator("input#timeslider");
        var snapshot = member.Page.Locator("#snapshot");
        await Expect(slider).ToHaveAttributeAsync("type", "range");
        await Expect(slider).ToHaveAttributeAsync("min", "1");
        await Expect(slider).ToHaveAttributeAsync("max", now.ToString());
        await Expect(member.Version).ToHaveTextAsync(now.ToString());
        await Expect(snapshot).ToBeHiddenAsync();
        // Let the presence of this very screen arrive first: see the next test for what an update does to a moving slider.
        await Expect(member.Page.Locator($"#presence li[data-participant-id=\"{member.Participant.Id}\"]")).ToHaveCountAsync(1);

        await slider.FillAsync(created.ToString());

        await Expect(snapshot).ToBeVisibleAsync();
        await Expect(member.Page.Locator("#snapshot-label")).ToHaveTextAsync(new Regex($"^Version {created}\\b"));
        var snapshotTexts = member.Page.Locator("#snapshot article.paragraph .text");
        await Expect(snapshotTexts).ToHaveTextAsync(["Recommends cooperation.", "Decides to meet again."]);
        await Expect(member.Page.Locator("#back-to-live")).ToBeVisibleAsync();
        await member.ScreenshotAsync("timeslider");

        // One step forward with the keyboard, as a person using no mouse would.
        await slider.FocusAsync();
        await slider.PressAsync("ArrowRight");
        await Expect(member.Page.Locator("#snapshot-label")).ToHaveTextAsync(new Regex($"^Version {edited}\\b"));
        await Expect(snapshotTexts.First).ToHaveTextAsync("Recommends enhanced cooperation.");

        await member.Page.Locator("button#back-to-live").ClickAsync();
        await Expect(snapshot).ToBeHiddenAsync();
        await Expect(member.Text(paragraph.Id)).ToHaveTextAsync("Recommends enhanced cooperation among all stakeholders.");
        await Expect(member.Version).ToHaveTextAsync(now.ToString());
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task The_timeslider_stays_where_it_was_moved_when_a_live_change_arrives_at_that_moment()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Busy", DocumentKind.Recommendations,
            "1. Recommends cooperation.\n\n2. Decides to meet again.");
        var paragraph = document.Paragraphs[0];
        await using var hub = await chair.ConnectAsync();
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Recommends enhanced cooperation."));
        var member = await screens.JoinAsync(Role.Member, "timeslider-busy");
        await member.OpenAsync(document.Id);
        await Expect(member.Page.Locator($"#presence li[data-participant-id=\"{member.Participant.Id}\"]")).ToHaveCountAsync(1);
        var slider = member.Page.Locator("input#timeslider");

        // A meeting is busy: someone's edit arrives while the person is moving the slider.
        await slider.FillAsync(document.Version.ToString());
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[1].Id, document.Paragraphs[1].Revision, "Decides to meet again soon."));

        await Expect(member.Page.Locator("#snapshot")).ToBeVisibleAsync();
        await Expect(member.Page.Locator("#snapshot-label")).ToHaveTextAsync(new Regex($"^Version {document.Version}\\b"));
        await Expect(slider).ToHaveValueAsync(document.Version.ToString());
        await Expect(member.Page.Locator("#snapshot article.paragraph .text").First).ToHaveTextAsync("Recommends cooperation.");
        await Expect(member.Text(paragraph.Id)).ToHaveTextAsync("Recommends enhanced cooperation.");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
