using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>PROTOCOL.md §2: creating, importing, listing and reading documents.</summary>
public sealed class RestDocumentsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Chair)]
    public async Task Secretariat_and_chair_create_documents(Role role)
    {
        var caller = role == Role.Secretariat ? await app.SecretariatAsync() : await app.JoinAsync(role);

        using var response = await app.Api().Http.SendAsync(HttpMethod.Post, "api/documents", caller.Api.Token,
            new CreateDocumentRequest("Draft report", DocumentKind.Report, "E/CN.16/2025/1", null));
        var location = response.Headers.Location;
        var created = await response.ReadAsync<DocumentView>(HttpStatusCode.Created);

        Assert.Equal($"/api/documents/{created.Id}", location?.OriginalString);
        Assert.Equal(("Draft report", DocumentKind.Report, "E/CN.16/2025/1", 1L), (created.Title, created.Kind, created.Symbol, created.Version));
        Assert.Empty(created.Paragraphs);
        Assert.Empty(created.Revisions);
        Assert.Null(created.Meeting);
        Assert.Equivalent(created, await caller.Api.DocumentAsync(created.Id), strict: true);
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Members_and_observers_may_not_create_documents(Role role)
    {
        var caller = await app.JoinAsync(role);
        var before = await caller.Api.DocumentsAsync();

        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Post, "api/documents", caller.Api.Token, new CreateDocumentRequest("Mine", DocumentKind.Report, null, "text")),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before.Length, (await caller.Api.DocumentsAsync()).Length);
    }

    [Fact]
    public async Task Markdown_import_splits_the_sample_into_numbered_paragraphs_with_brackets()
    {
        var chair = await app.JoinAsync(Role.Chair);

        var document = await chair.Api.CreateDocumentAsync("Recommendations", DocumentKind.Recommendations, Samples.Read("recommendations.md"));

        var kinds = document.Paragraphs.Select(p => p.Kind).ToList();
        Assert.Equal(ParagraphKind.Heading, kinds[0]);
        Assert.Equal([.. Enumerable.Repeat(ParagraphKind.Preambular, 6)], kinds[1..7]);
        Assert.Equal([.. Enumerable.Repeat(ParagraphKind.Operative, 10)], kinds[7..]);
        var operative = document.Paragraphs.Where(p => p.Kind == ParagraphKind.Operative).ToList();
        Assert.Equal([.. Enumerable.Range(1, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], operative.Select(p => p.Number));
        Assert.Equal([.. Enumerable.Range(1, 10).Select(n => $"OP{n}")], operative.Select(p => p.Label));
        Assert.All(document.Paragraphs.Where(p => p.Kind != ParagraphKind.Operative), p => Assert.Null(p.Number));
        Assert.StartsWith("Recommends that enhanced cooperation [be implemented", operative[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, operative[6].OpenBrackets);
        Assert.Equal(1, operative[3].OpenBrackets); // nested brackets count once at the top level
        Assert.Equal(10, document.Paragraphs.Sum(p => p.OpenBrackets));
        Assert.Contains("<span class=\"bracket", operative[0].Html, StringComparison.Ordinal);
        Assert.All(document.Paragraphs, p => Assert.Equal(ParagraphStatus.Draft, p.Status));
        Assert.Equal(document.Version, 1 + document.Paragraphs.Count);

        var summary = Assert.Single(await chair.Api.DocumentsAsync(), d => d.Id == document.Id);
        Assert.Equal(new DocumentSummary(document.Id, "Recommendations", DocumentKind.Recommendations, null, document.Version, 17, 0, 10), summary);
    }

    public static TheoryData<string, HttpStatusCode, string> InvalidDocuments() => new()
    {
        { """{ "kind": "report" }""", HttpStatusCode.BadRequest, "invalid" },
        { """{ "title": "", "kind": "report" }""", HttpStatusCode.BadRequest, "invalid" },
        { """{ "title": "two\nlines", "kind": "report" }""", HttpStatusCode.BadRequest, "invalid" },
        { $$"""{ "title": "{{new string('t', 301)}}", "kind": "report" }""", HttpStatusCode.RequestEntityTooLarge, "too-large" },
        { """{ "title": "Novel", "kind": "novel" }""", HttpStatusCode.BadRequest, "invalid" },
        { """{ "title": "No kind" }""", HttpStatusCode.BadRequest, "invalid" },
        { """{ "title": "Bad text", "kind": "report", "markdown": "fine\n\nnot \u0000 fine" }""", HttpStatusCode.BadRequest, "invalid" },
        { """{ "title": "Bad control", "kind": "report", "markdown": "bell \u0007" }""", HttpStatusCode.BadRequest, "invalid" },
        { $$"""{ "title": "Huge", "kind": "report", "markdown": "{{new string('p', 20_001)}}" }""", HttpStatusCode.RequestEntityTooLarge, "too-large" },
        { """{ "title": "Broken JSON", """, HttpStatusCode.BadRequest, "invalid" },
        { "", HttpStatusCode.BadRequest, "invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task Invalid_documents_are_refused_and_nothing_is_created(string body, HttpStatusCode status, string code)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();

        await Problem.AssertAsync(await app.Api().Http.PostRawAsync("api/documents", chair.Api.Token, body), status, code);

        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Fact]
    public async Task The_title_limit_is_300_characters()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync(new string('t', 300), DocumentKind.Annex);
        Assert.Equal(300, document.Title.Length);
    }

    [Fact]
    public async Task The_list_summarises_each_document_from_its_paragraphs()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Summarised", DocumentKind.Recommendations,
            "Noting [this],\n\n1. Requests [that] and [this;\n\n2. Decides.", symbol: "WG/1");
        await using var hub = await chair.ConnectAsync();
        var decides = document.Paragraphs[2];
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, decides.Id, decides.Revision, ParagraphStatus.Agreed));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, ParagraphStatus.Draft));

        var now = await chair.Api.DocumentAsync(document.Id);
        var summary = Assert.Single(await chair.Api.DocumentsAsync(), d => d.Id == document.Id);

        Assert.Equal(new DocumentSummary(document.Id, "Summarised", DocumentKind.Recommendations, "WG/1", now.Version, 3, 1, 3), summary);
        Assert.Equal(now.Paragraphs.Sum(p => p.OpenBrackets), summary.OpenBrackets);
    }

    [Fact]
    public async Task Every_role_reads_the_current_document()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var observer = await app.JoinAsync(Role.Observer);
        var document = await chair.Api.CreateDocumentAsync("Readable", DocumentKind.Report, "First *text*.\n\nSecond <b>text</b>.");

        var read = await observer.Api.DocumentAsync(document.Id);

        Assert.Equivalent(document, read, strict: true);
        Assert.Equal(["First *text*.", "Second <b>text</b>."], read.Paragraphs.Select(p => p.Text));
        Assert.Contains("<em>text</em>", read.Paragraphs[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", read.Paragraphs[1].Html, StringComparison.Ordinal);
        Assert.All(read.Paragraphs, p => Assert.Null(p.Label)); // text paragraphs have neither number nor label
    }

    [Fact]
    public async Task An_unknown_document_is_not_found()
    {
        var member = await app.JoinAsync(Role.Member);
        foreach (var path in new[] { "", "?version=1", "/events", "/diff?from=1", $"/paragraphs/{Guid.NewGuid()}/history" })
        {
            await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{Guid.NewGuid()}{path}", member.Api.Token), HttpStatusCode.NotFound, "not-found");
        }
    }
}
