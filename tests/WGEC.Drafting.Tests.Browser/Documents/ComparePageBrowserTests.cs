using System.Text.Json;
using Microsoft.Playwright;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Work item 4, done when: the compare page renders in Chromium, with its insertions and deletions marked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparePageBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>
{
    private sealed record Mark(string Text, string Decoration, int Weight);

    [Fact]
    public async Task Rev2_compared_with_Rev1_shows_insertions_underlined_bold_and_deletions_struck_through()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations on enhanced cooperation", DocumentKind.Recommendations,
            "Recalling the Tunis Agenda,\n\n" +
            "1. Recommends cooperation among all stakeholders.\n\n2. Decides to meet again in Geneva.\n\n" +
            "3. Invites the secretariat to report.\n\n4. Notes the questionnaire responses.\n\n5. Requests further consultations.",
            "E/CN.16/2014/CRP.2");
        var p = document.Paragraphs;
        await using (var hub = await chair.ConnectAsync())
        {
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, p[1].Id, p[1].Revision, "Recommends enhanced cooperation among relevant stakeholders."));
            await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, p[2].Id));
            await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, p[3].Id, ParagraphKind.Operative, "Welcomes the progress made."));
            await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, p[5].Id, p[0].Id));
            await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, p[4].Id, p[4].Revision, ParagraphStatus.Agreed));
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2"));
        }

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + chair.Api.Token },
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        var url = new Uri(app.BaseAddress, $"api/documents/{document.Id}/compare?from=Rev.1&to=Rev.2");

        var response = await page.GotoAsync(url.ToString());
        var screenshot = Path.Combine(Chromium.ScreenshotFolder(), "compare-rev2-rev1.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.Equal(200, response?.Status);
        Assert.Equal([url.ToString()], requests);
        Assert.Equal("E/CN.16/2014/CRP.2", await page.Locator(".symbol").InnerTextAsync());
        Assert.Equal("Draft recommendations on enhanced cooperation", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Rev.2 compared with Rev.1", await page.Locator(".compared").InnerTextAsync());

        var inserted = await MarksAsync(page, "main ins");
        var deleted = await MarksAsync(page, "main del");
        Assert.Equal(["enhanced", "relevant", "Welcomes the progress made."], inserted.Select(m => m.Text.Trim()));
        Assert.Equal(["all", "Decides to meet again in Geneva."], deleted.Select(m => m.Text.Trim()));
        Assert.All(inserted, m => Assert.Contains("underline", m.Decoration, StringComparison.Ordinal));
        Assert.All(inserted, m => Assert.True(m.Weight >= 700, $"'{m.Text}' has weight {m.Weight}"));
        Assert.All(deleted, m => Assert.Contains("line-through", m.Decoration, StringComparison.Ordinal));
        Assert.All(deleted, m => Assert.True(m.Weight < 700, $"'{m.Text}' has weight {m.Weight}"));

        var moved = page.Locator(".paragraph.moved");
        Assert.Equal(1, await moved.CountAsync());
        Assert.Contains("Requests further consultations.", await moved.Locator(".text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("moved from 5", await moved.Locator(".note").InnerTextAsync());
        var agreed = page.Locator(".paragraph.status-changed .status");
        Assert.Equal("draft → agreed", await agreed.InnerTextAsync());
        Assert.Equal(1, await page.Locator(".paragraph.deleted").CountAsync());

        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, $"screenshot is only {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    /// <summary>Each marked run's text and its computed decoration and weight, in document order.</summary>
    private static async Task<List<Mark>> MarksAsync(IPage page, string selector)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            selector => [...document.querySelectorAll(selector)].map(e => {
                const style = getComputedStyle(e);
                return { text: e.textContent, decoration: style.textDecorationLine, weight: parseInt(style.fontWeight, 10) };
            })
            """, selector);
        return [.. json.EnumerateArray().Select(m => new Mark(
            m.GetProperty("text").GetString()!, m.GetProperty("decoration").GetString()!, m.GetProperty("weight").GetInt32()))];
    }
}
