using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Work item 4: <c>GET /documents/{id}/compare</c>, the printable "Rev.2 compared with Rev.1" page.</summary>
public sealed class RestCompareTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Compare_is_a_standalone_html_page_of_the_diff_between_two_revisions()
    {
        var (chair, document, hub) = await StartAsync("1. Recommends cooperation.\n\n2. Decides to meet.");
        await using var _ = hub;
        var first = document.Paragraphs[0];
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Recommends enhanced cooperation."));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, document.Paragraphs[1].Id));
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2"));

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/compare?from=Rev.1&to=Rev.2", chair.Api.Token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("default-src 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"symbol\">E/CN.16/2014/CRP.1</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Compared &amp; printed</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Rev.2 compared with Rev.1", html, StringComparison.Ordinal);
        Assert.Contains("<ins>enhanced </ins>", html, StringComparison.Ordinal);
        Assert.Contains("<del>Decides to meet.</del>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_role_may_read_it_and_to_defaults_to_now()
    {
        var (_, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "Alpha, edited."));
        var observer = await app.JoinAsync(Role.Observer);

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/compare?from=2", observer.Api.Token);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("version 3 (", html, StringComparison.Ordinal);
        Assert.Contains(" compared with version 2 (", html, StringComparison.Ordinal);
        Assert.Contains("<ins>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_it_is_refused()
    {
        var (_, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/compare?from=1", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?to=1", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?from=0", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?from=99", HttpStatusCode.NotFound, "not-found")]
    [InlineData("?from=Rev.9", HttpStatusCode.NotFound, "not-found")]
    [InlineData("?from=1&to=Rev.9", HttpStatusCode.NotFound, "not-found")]
    public async Task Bad_ends_are_refused_as_for_diff(string query, HttpStatusCode status, string code)
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/compare{query}", chair.Api.Token), status, code);
    }

    [Fact]
    public async Task An_unknown_document_is_not_found()
    {
        var chair = await app.JoinAsync(Role.Chair);

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{Guid.NewGuid()}/compare?from=1", chair.Api.Token), HttpStatusCode.NotFound, "not-found");
    }

    private async Task<(Participant Chair, DocumentView Document, DraftingConnection Hub)> StartAsync(string markdown)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Compared & printed", DocumentKind.Recommendations, markdown, "E/CN.16/2014/CRP.1");
        return (chair, document, await chair.ConnectAsync());
    }
}
