using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Http;

/// <summary>
/// Serves the web client (../client, built into wwwroot by the build): its hashed assets for a year,
/// and its page, never cached, at every address the client routes itself.
/// </summary>
public static class WebClient
{
    /// <summary>Only the page's own scripts, styles and server; nothing inline, nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] Routes = ["/", "/join/{code}", "/documents/{**rest}", "/participants", "/questionnaires/{**rest}"];

    public static WebApplication UseWebClientAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebClient(this IEndpointRouteBuilder app)
    {
        foreach (var route in Routes)
            app.MapGet(route, Page).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext context, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!page.Exists || page.PhysicalPath is null)
            return Problems.For(new Refusal(ErrorCode.Unavailable,
                "the web client is not built: build the server with Node.js and npm on PATH (dotnet build builds it into wwwroot)"));
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        // nosniff, no framing and no referrer (the join URL holds the invite code) come with every answer (SecurityHeaders).
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
