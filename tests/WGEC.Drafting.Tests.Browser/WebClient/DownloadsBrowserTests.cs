using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>Work item 6 in the browser: the text downloaded as Word (also tracked against a revision), and a Word file imported.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DownloadsBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_chair_downloads_Word_as_tracked_changes_against_a_revision()
    {
        var chair = await screens.JoinAsync(Role.Chair, "downloads-chair", "Chair", "WGEC");
        var document = await chair.Participant.Api.CreateDocumentAsync("Downloaded", DocumentKind.Recommendations,
            "1. Recommends cooperation.\n\n2. Decides to meet again.", "E/CN.16/2026/CRP.9");
        await using (var hub = await chair.Participant.ConnectAsync())
        {
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
            var first = document.Paragraphs[0];
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Recommends enhanced cooperation."));
        }
        await chair.OpenAsync(document.Id);
        await Expect(chair.Page.Locator("select#export-against option[value=\"Rev.1\"]")).ToHaveCountAsync(1);
        await chair.Page.Locator("select#export-format").SelectOptionAsync("docx");
        await chair.Page.Locator("select#export-against").SelectOptionAsync("Rev.1");

        var download = await chair.Page.RunAndWaitForDownloadAsync(() => chair.Page.Locator("button[data-action=download]").ClickAsync());

        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("CRP.9", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Chromium.ScreenshotFolder(), "download-tracked.docx");
        await download.SaveAsAsync(path);
        using var word = WordprocessingDocument.Open(path, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Contains("enhanced", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.InsertedRun>().Select(r => r.InnerText.Trim()));
        Assert.Empty(chair.ScriptErrors);
    }

    [Fact]
    public async Task The_chair_imports_a_Word_file_from_the_new_document_form()
    {
        var chair = await screens.JoinAsync(Role.Chair, "import-chair", "Chair", "WGEC");
        var source = await chair.Participant.Api.CreateDocumentAsync("Source", DocumentKind.Recommendations,
            "Recalling the Tunis Agenda,\n\n1. Recommends [enhanced / strengthened] cooperation.\n\n2. Decides to meet again.");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/documents/{source.Id}/export?format=docx");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair.Participant.Api.Token);
        using var exported = await chair.Participant.Api.Http.SendAsync(request);
        exported.EnsureSuccessStatusCode();
        var file = Path.Combine(Chromium.ScreenshotFolder(), "import-source.docx");
        await File.WriteAllBytesAsync(file, await exported.Content.ReadAsByteArrayAsync());

        var form = chair.Page.Locator("form#create-document");
        await form.Locator("input[name=title]").FillAsync("Imported from Word");
        await form.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(form.Locator("textarea[name=markdown]")).ToBeDisabledAsync();
        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(chair.Page.Locator("h1.title")).ToHaveTextAsync("Imported from Word");
        await Expect(chair.Paragraphs).ToHaveCountAsync(3);
        await Expect(chair.Paragraphs.Nth(1).Locator(".text")).ToHaveTextAsync("Recommends [enhanced / strengthened] cooperation.");
        await Expect(chair.Paragraphs.Nth(2).Locator(".number")).ToHaveTextAsync(Screen.DisplayNumber("2"));
        await chair.ScreenshotAsync("imported-from-word");
        Assert.Empty(chair.ScriptErrors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
