using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Word uploads that are refused: who may not, and files that are hostile or malformed. Nothing is ever half-created.</summary>
public sealed class RestDocxRefusalTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    public static TheoryData<string> HostileUploads() =>
        ["not a zip", "a zip that is not Word", "macro-enabled", "attached template", "zip bomb", "nested too deep", "paragraph too long", "no file", "unknown kind", "no title"];

    /// <summary>The upload for each case, and the answer it must get.</summary>
    private static (MultipartFormDataContent Form, HttpStatusCode Status, string Code) Upload(string hostile)
    {
        var (file, status, code, kind) = hostile switch
        {
            "not a zip" => (Encoding.UTF8.GetBytes("# Draft\n\n1. Recommends."), HttpStatusCode.BadRequest, "invalid", "report"),
            "a zip that is not Word" => (Zip(("notes.txt", Encoding.UTF8.GetBytes("hello"))), HttpStatusCode.BadRequest, "invalid", "report"),
            "macro-enabled" => (Word([P("Text.")], type: WordprocessingDocumentType.MacroEnabledDocument), HttpStatusCode.BadRequest, "invalid", "report"),
            "attached template" => (Word([P("Text.")], main => main.AddNewPart<DocumentSettingsPart>().AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("https://example.org/t.dotm"))),
                HttpStatusCode.BadRequest, "invalid", "report"),
            "zip bomb" => (WithPadding(Word(P("Text.")), 40L * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge, "too-large", "report"),
            "nested too deep" => (WithDocumentXml("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""" +
                string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", 10_000)) + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", 10_000)) + "</w:body></w:document>"),
                HttpStatusCode.BadRequest, "invalid", "report"),
            "paragraph too long" => (Word(P("Fine."), P(new string('p', 20_001))), HttpStatusCode.RequestEntityTooLarge, "too-large", "report"),
            "unknown kind" => (Word(P("Text.")), HttpStatusCode.BadRequest, "invalid", "novel"),
            "no title" => (Word(P("Text.")), HttpStatusCode.BadRequest, "invalid", "report"),
            _ => (Word(P("Text.")), HttpStatusCode.BadRequest, "invalid", "report"),
        };
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        if (hostile != "no title")
            form.Add(new StringContent("Hostile"), "title");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(DocxType);
        form.Add(part, hostile == "no file" ? "notes" : "file", "upload.docx");
        if (hostile == "no file")
            form.Add(new ByteArrayContent(file), "more", "other.docx");
        return (form, status, code);
    }

    private Task<HttpResponseMessage> PostAsync(string? token, HttpContent form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/documents", UriKind.Relative)) { Content = form };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Api().Http.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Hostile_or_malformed_uploads_are_refused_and_nothing_is_created(string hostile)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();
        var (form, status, code) = Upload(hostile);

        await Problem.AssertAsync(await PostAsync(chair.Api.Token, form), status, code);

        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Theory]
    [InlineData("multipart/form-data", "--wgec\r\n")]
    [InlineData("multipart/form-data; boundary=wgec", "not multipart at all")]
    [InlineData("multipart/form-data; boundary=wgec", "--wgec\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\ncut short")]
    public async Task A_malformed_multipart_body_is_invalid(string contentType, string body)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        await Problem.AssertAsync(await PostAsync(chair.Api.Token, content), HttpStatusCode.BadRequest, "invalid");

        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Members_and_observers_may_not_upload(Role role)
    {
        var caller = await app.JoinAsync(role);
        var before = await caller.Api.DocumentsAsync();

        await Problem.AssertAsync(await PostAsync(caller.Api.Token, Upload("valid").Form), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(before, await caller.Api.DocumentsAsync());
    }

    [Fact]
    public async Task An_upload_without_a_token_is_unauthorized()
    {
        var secretariat = await app.SecretariatAsync();
        var before = await secretariat.Api.DocumentsAsync();

        await Problem.AssertAsync(await PostAsync(null, Upload("valid").Form), HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(before, await secretariat.Api.DocumentsAsync());
    }

    [Fact]
    public async Task The_valid_upload_of_these_tests_is_accepted()
    {
        var chair = await app.JoinAsync(Role.Chair);

        using var response = await PostAsync(chair.Api.Token, Upload("valid").Form);

        Assert.Equal(["Text."], (await response.ReadAsync<DocumentView>(HttpStatusCode.Created)).Paragraphs.Select(p => p.Text));
    }
}
