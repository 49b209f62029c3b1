using System.Net;
using System.Xml.Linq;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary><c>GET /documents/{id}/export?format=markdown|html|akn</c>: the files, their headers, the selectors, who may export.</summary>
public sealed class RestTextExportTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const string Symbol = "E/CN.16/2014/CRP.1";
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    [Theory]
    [InlineData("markdown", "text/markdown", "md")]
    [InlineData("html", "text/html", "html")]
    [InlineData("akn", "application/akn+xml", "akn.xml")]
    public async Task Each_format_is_an_utf8_attachment_named_by_symbol_and_version(string format, string mediaType, string extension)
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format={format}", chair.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal($"E-CN.16-2014-CRP.1_v{document.Version}.{extension}", disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
        Assert.Contains("Decides to meet again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_has_the_title_block_and_numbered_operative_paragraphs()
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;

        var markdown = await ReadAsync($"api/documents/{document.Id}/export?format=markdown", chair.Api.Token);

        Assert.StartsWith($"# Exported & checked\n\n{Symbol} · Version {document.Version} · ", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\nRecalling the Tunis Agenda,\n\n1. Recommends [enhanced / closer] cooperation.\n\n2. Decides to meet again.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_is_a_standalone_page_with_statuses_when_asked()
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=html&statuses=true", chair.Api.Token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Exported &amp; checked</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"number\">2.</div>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"bracket bracket-depth-0\">[enhanced / closer]</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"status\">draft</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Akn_is_a_recommendations_doc_whose_eIds_are_the_paragraph_ids()
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;

        var xml = XDocument.Parse(await ReadAsync($"api/documents/{document.Id}/export?format=akn", chair.Api.Token), LoadOptions.PreserveWhitespace);

        var doc = xml.Root!.Element(Akn + "doc")!;
        Assert.Equal("recommendations", (string?)doc.Attribute("name"));
        Assert.Equal(Symbol, doc.Descendants(Akn + "docNumber").Single().Value);
        Assert.Equal("para_" + document.Paragraphs[0].Id.ToString("N"), (string?)doc.Descendants(Akn + "recital").Single().Attribute("eId"));
        var operative = doc.Element(Akn + "mainBody")!.Elements(Akn + "paragraph").ToList();
        Assert.Equal(["1.", "2."], operative.Select(p => p.Element(Akn + "num")!.Value));
        Assert.Equal(document.Paragraphs.Skip(1).Select(p => "para_" + p.Id.ToString("N")), operative.Select(p => (string?)p.Attribute("eId")));
    }

    [Fact]
    public async Task A_revision_selector_exports_the_text_as_it_was_at_that_revision()
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;
        var first = document.Paragraphs[1];
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Recommends cooperation."));

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=markdown&revision=Rev.1", chair.Api.Token);
        var markdown = await response.Content.ReadAsStringAsync();
        var now = await ReadAsync($"api/documents/{document.Id}/export?format=akn", chair.Api.Token);
        var atRev1 = await ReadAsync($"api/documents/{document.Id}/export?format=akn&revision=Rev.1", chair.Api.Token);

        Assert.Contains($"{Symbol} · Rev.1 · ", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n1. Recommends [enhanced / closer] cooperation.\n", markdown, StringComparison.Ordinal);
        Assert.Equal("E-CN.16-2014-CRP.1_Rev.1.md", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("<FRBRversionNumber value=\"Rev.1\" />", atRev1, StringComparison.Ordinal);
        Assert.Contains("Recommends <inline name=\"bracket\"", atRev1, StringComparison.Ordinal);
        Assert.Contains("<p>Recommends cooperation.</p>", now, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommends cooperation.", atRev1, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("akn")]
    public async Task An_observer_may_export_and_no_token_is_refused(string format)
    {
        var (_, document, hub) = await StartAsync();
        await using var _ = hub;
        var observer = await app.JoinAsync(Role.Observer);

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format={format}", observer.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format={format}", token: null), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("?format=pdf")]
    [InlineData("")]
    public async Task An_unknown_or_missing_format_is_invalid(string query)
    {
        var (chair, document, hub) = await StartAsync();
        await using var _ = hub;

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/export{query}", chair.Api.Token), HttpStatusCode.BadRequest, "invalid");
    }

    private async Task<string> ReadAsync(string path, string? token)
    {
        using var response = await app.Api().Http.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(Participant Chair, DocumentView Document, DraftingConnection Hub)> StartAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Exported & checked", DocumentKind.Recommendations,
            "Recalling the Tunis Agenda,\n\n1. Recommends [enhanced / closer] cooperation.\n\n2. Decides to meet again.", Symbol);
        return (chair, document, await chair.ConnectAsync());
    }
}
