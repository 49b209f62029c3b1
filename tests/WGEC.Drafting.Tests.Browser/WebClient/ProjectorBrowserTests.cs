using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>The projector view on the wall of the room follows the paragraph the chair is on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectorBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_projector_view_marks_the_paragraph_the_chair_follows_and_moves_with_the_chair()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("On the wall", DocumentKind.Recommendations,
            "1. Recommends enhanced cooperation.\n\n2. Decides to meet again.\n\n3. Requests a report.");
        var p = document.Paragraphs.Select(x => x.Id).ToArray();
        var projector = await screens.JoinAsync(Role.Observer, "projector", "Room XX", "Secretariat screen");
        await projector.OpenAsync(document.Id, "?view=projector");
        await Expect(projector.Page.Locator("body")).ToContainClassAsync("projector");
        await Expect(projector.Paragraphs).ToHaveCountAsync(3);
        await Expect(projector.Page.Locator("article.paragraph.current")).ToHaveCountAsync(0);

        await using var hub = await chair.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        await hub.FollowMeAsync(new FollowMeRequest(document.Id, p[1]));

        await Expect(projector.Paragraph(p[1])).ToContainClassAsync("current");
        await Expect(projector.Page.Locator("article.paragraph.current")).ToHaveCountAsync(1);
        await projector.ScreenshotAsync("projector");

        await hub.FollowMeAsync(new FollowMeRequest(document.Id, p[2]));
        await Expect(projector.Paragraph(p[2])).ToContainClassAsync("current");
        await Expect(projector.Page.Locator("article.paragraph.current")).ToHaveCountAsync(1);
        Assert.Empty(projector.ScriptErrors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
