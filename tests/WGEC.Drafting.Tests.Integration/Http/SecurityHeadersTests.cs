using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>Every answer carries the security headers, whatever made it; no other origin is let in unless configured.</summary>
public sealed class SecurityHeadersTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    public const string Elsewhere = "https://elsewhere.example";

    [Theory]
    [InlineData("health", false, false)]
    [InlineData("api/documents", true, false)]
    [InlineData("api/documents", false, false)] // 401 problem
    [InlineData("api/nothing-here", true, false)] // 404 problem
    [InlineData("openapi/v1.json", false, false)]
    [InlineData("", false, true)] // the web client's page: its own policy
    public async Task Every_kind_of_answer_carries_the_security_headers(string path, bool signedIn, bool page)
    {
        var token = signedIn ? (await app.JoinAsync(Role.Observer)).Api.Token : null;
        using var response = await app.Api().Http.GetAsync(path, token);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains(page ? "script-src 'self'" : "default-src 'none'", policy, StringComparison.Ordinal);
        if (path.StartsWith("api/", StringComparison.Ordinal))
            Assert.True(response.Headers.CacheControl?.NoStore, "API answers hold tokens and unpublished text: never stored");
    }

    [Fact]
    public async Task A_printable_page_keeps_its_own_policy()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Printable", DocumentKind.Report, "Text.");

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/export?format=html", chair.Api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("style-src 'unsafe-inline'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("api/documents")]
    [InlineData("hubs/drafting/negotiate?negotiateVersion=1")]
    public async Task Without_configuration_no_other_origin_is_let_in(string path)
    {
        var observer = await app.JoinAsync(Role.Observer);

        using var preflight = await app.Api().Http.SendAsync(Preflight(path, Elsewhere));
        using var call = await app.Api().Http.SendAsync(WithOrigin(HttpMethod.Get, "api/documents", Elsewhere, observer.Api.Token));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(call.Headers.Contains("Access-Control-Allow-Origin"));
    }

    public static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    public static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");
}

public sealed class CrossOriginApp : DraftingApp
{
    public const string Portal = "https://portal.example.org";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Drafting:CorsOrigins"] = Portal + "/" };
}

/// <summary><c>Drafting:CorsOrigins</c>: the origins named there may call the API and the hub from their pages; no others.</summary>
public sealed class CrossOriginTests(CrossOriginApp app) : IClassFixture<CrossOriginApp>
{
    [Theory]
    [InlineData("api/documents")]
    [InlineData("hubs/drafting/negotiate?negotiateVersion=1")]
    public async Task A_configured_origin_may_call_and_another_may_not(string path)
    {
        var observer = await app.JoinAsync(Role.Observer);

        using var allowed = await app.Api().Http.SendAsync(SecurityHeadersTests.Preflight(path, CrossOriginApp.Portal));
        using var refused = await app.Api().Http.SendAsync(SecurityHeadersTests.Preflight(path, SecurityHeadersTests.Elsewhere));
        using var call = await app.Api().Http.SendAsync(SecurityHeadersTests.WithOrigin(HttpMethod.Get, "api/documents", CrossOriginApp.Portal, observer.Api.Token));

        Assert.Equal(CrossOriginApp.Portal, SecurityHeadersTests.Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", SecurityHeadersTests.Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal(CrossOriginApp.Portal, SecurityHeadersTests.Header(call, "Access-Control-Allow-Origin"));
    }
}
