using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary><c>GET /documents/{id}/export?format=docx</c>, plain and with <c>compareTo</c> (tracked changes by delegation).</summary>
public sealed class RestDocxExportTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const string Draft = "Recalling its resolution 67/195,\n\n1. Recommends [shall / should] cooperation.\n\n2. Decides to meet.";

    [Fact]
    public async Task A_docx_export_is_a_valid_word_attachment_named_after_the_symbol_and_version()
    {
        var (chair, document, hub) = await StartAsync(Draft);
        await using var _ = hub;

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=docx", chair.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"E-CN.16-2014-CRP.1_v{document.Version}.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var word = await OpenAsync(response);
        var texts = Texts(word);
        Assert.Equal(["E/CN.16/2014/CRP.1", "Exported & checked"], texts[..2]);
        Assert.StartsWith($"Version {document.Version}, ", texts[2], StringComparison.Ordinal);
        Assert.Equal(["Recalling its resolution 67/195,", "1.\tRecommends [shall / should] cooperation.", "2.\tDecides to meet."], texts[3..]);
    }

    [Fact]
    public async Task A_revision_is_exported_as_it_was_tagged()
    {
        var (chair, document, hub) = await StartAsync(Draft);
        await using var _ = hub;
        var operative = document.Paragraphs[1];
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, operative.Id, operative.Revision, "Recommends cooperation."));

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=docx&revision=Rev.1", chair.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-CN.16-2014-CRP.1_Rev.1.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var word = await OpenAsync(response);
        var texts = Texts(word);
        Assert.StartsWith("Rev.1, ", texts[2], StringComparison.Ordinal);
        Assert.Contains("1.\tRecommends [shall / should] cooperation.", texts);
    }

    [Fact]
    public async Task Compared_with_a_revision_each_change_is_tracked_under_the_delegation_that_made_it_at_its_time()
    {
        var (chair, document, hub) = await StartAsync(Draft);
        await using var _ = hub;
        var operative = document.Paragraphs[1];
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        var brazil = await app.JoinAsync(Role.Member, delegation: "Brazil");
        var isoc = await app.JoinAsync(Role.Member, delegation: "ISOC");
        await using var brazilHub = await brazil.ConnectAsync();
        await using var isocHub = await isoc.ConnectAsync();
        var first = await brazilHub.EditParagraphAsync(new EditParagraphRequest(document.Id, operative.Id, operative.Revision, "Recommends [shall / should] enhanced cooperation."));
        await isocHub.EditParagraphAsync(new EditParagraphRequest(document.Id, operative.Id, first.Revision, "Recommends [shall] enhanced cooperation."));
        var events = await chair.Api.EventsAsync(document.Id, after: first.Version - 1);

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=docx&compareTo=Rev.1", chair.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("_vs_Rev.1.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var word = await OpenAsync(response);
        var changes = word.MainDocumentPart!.Document!.Body!.Descendants<RunTrackChangeType>()
            .Select(c => (c.LocalName, c.Author?.Value, c.Date?.Value, Text: string.Concat(c.Descendants<OpenXmlLeafTextElement>().Select(t => t.Text))))
            .ToList();
        Assert.Equal(
            [
                ("del", "ISOC", Seconds(events[1].At), " / should"),
                ("ins", "Brazil", Seconds(events[0].At), "enhanced "),
            ],
            changes);
    }

    [Fact]
    public async Task An_observer_may_export_and_the_statuses_are_tagged_when_asked()
    {
        var (_, document, hub) = await StartAsync("1. Alpha.\n\n2. Beta.");
        await using var _ = hub;
        var alpha = document.Paragraphs[0];
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, alpha.Id, alpha.Revision, ParagraphStatus.AgreedAdRef));
        var observer = await app.JoinAsync(Role.Observer);

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=docx&statuses=true", observer.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var word = await OpenAsync(response);
        Assert.Equal(["1.\tAlpha. (agreed ad ref.)", "2.\tBeta."], Texts(word).Skip(3));
    }

    [Theory]
    [InlineData("?format=html&compareTo=1")]
    [InlineData("?format=markdown&compareTo=1")]
    [InlineData("?format=pdf")]
    [InlineData("")]
    public async Task CompareTo_with_another_format_and_an_unknown_format_are_invalid(string query)
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/export{query}", chair.Api.Token), HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task Without_a_token_it_is_refused()
    {
        var (_, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=docx", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static DateTime Seconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>The file, opened and validated: no error from the OpenXml validator.</summary>
    private static async Task<WordprocessingDocument> OpenAsync(HttpResponseMessage response)
    {
        var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Description} at {e.Path?.XPath}")));
        return word;
    }

    private static List<string> Texts(WordprocessingDocument word) =>
        [.. word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, TabChar => "\t", _ => "" })))];

    private async Task<(Participant Chair, DocumentView Document, DraftingConnection Hub)> StartAsync(string markdown)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Exported & checked", DocumentKind.Recommendations, markdown, "E/CN.16/2014/CRP.1");
        return (chair, document, await chair.ConnectAsync());
    }
}
