using System.Net;
using System.Text.RegularExpressions;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>The web client, built into wwwroot by the server's build, is served at every address it routes itself.</summary>
public sealed partial class WebClientTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/join/some-invite-code")]
    [InlineData("/documents/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/participants")]
    [InlineData("/questionnaires/0f8fad5b-d9cb-469f-a165-70867728950e")]
    public async Task Client_routes_serve_the_page_uncached_with_a_strict_content_security_policy(string path)
    {
        using var response = await app.Api().Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "the page must be revalidated, or a deployment would not reach open tabs");
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"app\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_s_hashed_assets_are_served_and_cached_for_a_year()
    {
        var html = await app.Api().Http.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = ModuleScript().Match(html);
        Assert.True(script.Success, "the page has no module script");

        using var response = await app.Api().Http.GetAsync(new Uri(script.Groups[1].Value, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("/hubs/drafting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_and_unknown_paths_are_never_answered_with_the_page()
    {
        await Problem.AssertAsync(await app.Api().Http.GetAsync(new Uri("/api/nothing-here", UriKind.Relative)), HttpStatusCode.NotFound, "not-found");
        using var other = await app.Api().Http.GetAsync(new Uri("/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [GeneratedRegex("""<script type="module" crossorigin src="(/assets/[^"]+\.js)">""")]
    private static partial Regex ModuleScript();
}
