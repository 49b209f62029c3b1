using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>PROTOCOL.md §2: POST /documents with a Word file (multipart/form-data) instead of JSON with Markdown.</summary>
public sealed class RestDocxImportTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private static byte[] Recommendations() => Word(
        [
            P(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), R("E/CN.16/2014/CRP.3")),
            Styled("Title", R("Draft recommendations", bold: true)),
            Styled("Heading1", R("Preamble")),
            P(R("Recalling", italic: true), R(" the Tunis Agenda,")),
            P(R("Noting the [significant divergence / diversity] of views,")),
            Listed(1, 0, R("Recommends that enhanced cooperation [be implemented];")),
            P(R("3 bis.\tAlso recommends "), new Hyperlink(R("the mapping")) { Id = "rMap" }, R(";")),
            Listed(1, 0, R("Decides"), new InsertedRun(R(" to transmit")) { Id = "1", Author = "Chair" },
                new DeletedRun(new Run(new DeletedText(" to hold"))) { Id = "2", Author = "Chair" }, R(" these recommendations.")),
        ],
        main =>
        {
            AddNumbering(main);
            main.AddHyperlinkRelationship(new Uri("https://unctad.org/wgec"), true, "rMap");
        });

    private async Task<HttpResponseMessage> UploadAsync(string? token, HttpContent form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/documents", UriKind.Relative)) { Content = form };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Api().Http.SendAsync(request);
    }

    [Theory]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Chair)]
    public async Task A_Word_upload_creates_the_document_with_its_paragraphs_numbers_and_kinds(Role role)
    {
        var caller = role == Role.Secretariat ? await app.SecretariatAsync() : await app.JoinAsync(role);

        using var response = await UploadAsync(caller.Api.Token,
            DraftingApi.DocxForm(new MemoryStream(Recommendations()), DocumentKind.Recommendations, symbol: "E/CN.16/2014/CRP.3"));
        var location = response.Headers.Location;
        var created = await response.ReadAsync<DocumentView>(HttpStatusCode.Created);

        Assert.Equal($"/api/documents/{created.Id}", location?.OriginalString);
        Assert.Equal(("Draft recommendations", DocumentKind.Recommendations, "E/CN.16/2014/CRP.3"), (created.Title, created.Kind, created.Symbol));
        Assert.Equal(
            [
                (ParagraphKind.Heading, "# Preamble", null),
                (ParagraphKind.Preambular, "*Recalling* the Tunis Agenda,", null),
                (ParagraphKind.Preambular, "Noting the [significant divergence / diversity] of views,", null),
                (ParagraphKind.Operative, "Recommends that enhanced cooperation [be implemented];", "1"),
                (ParagraphKind.Operative, "Also recommends [the mapping](https://unctad.org/wgec);", "2"),
                (ParagraphKind.Operative, "Decides to transmit these recommendations.", "3"),
            ],
            created.Paragraphs.Select(p => (p.Kind, p.Text, p.Number)));
        Assert.Equal([0, 0, 1, 1, 0, 0], created.Paragraphs.Select(p => p.OpenBrackets));
        Assert.Contains("<a href=\"https://unctad.org/wgec\">the mapping</a>", created.Paragraphs[4].Html, StringComparison.Ordinal);
        Assert.Equivalent(created, await caller.Api.DocumentAsync(created.Id), strict: true);
    }

    [Fact]
    public async Task The_client_uploads_a_Word_file_and_the_title_defaults_to_the_documents_own()
    {
        var chair = await app.JoinAsync(Role.Chair);

        var created = await chair.Api.CreateDocumentFromDocxAsync(new MemoryStream(Recommendations()), DocumentKind.Report);

        Assert.Equal(("Draft recommendations", (string?)null), (created.Title, created.Symbol));
        Assert.Equal("E/CN.16/2014/CRP.3", created.Paragraphs[0].Text); // no symbol was given, so the line is text
        Assert.Equal("# Preamble", created.Paragraphs[1].Text);
    }

    [Fact]
    public async Task A_POST_without_a_content_type_still_reaches_the_JSON_call()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/documents", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair.Api.Token);

        await Problem.AssertAsync(await app.Api().Http.SendAsync(request), HttpStatusCode.BadRequest, "invalid");
    }
}
