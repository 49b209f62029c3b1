using Microsoft.Net.Http.Headers;

namespace WGEC.Drafting.Http;

/// <summary>
/// The headers every answer carries, whatever made it: no sniffing, no framing, no referrer (join links
/// hold invite codes), no sharing with other origins' windows, and API answers never cached (they hold
/// tokens and unpublished text). A page that sets its own content-security policy (the web client, the
/// compare page, HTML exports) keeps it; everything else gets one that allows nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string NothingAllowed = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            headers.ContentSecurityPolicy = NothingAllowed;
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            headers.CacheControl = "no-store";
    }
}
