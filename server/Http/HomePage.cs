using System.Net;

namespace WGEC.Drafting.Http;

/// <summary>Until the web client exists: a plain page that says where the API is and how to sign in.</summary>
public static class HomePage
{
    public static string Html(string? inviteCode)
    {
        var signIn = inviteCode is null
            ? "<p>Sign in with <code>POST /api/auth/token</code> and your invite code.</p>"
            : $"<p>Your invite code is <code>{WebUtility.HtmlEncode(inviteCode)}</code>. Exchange it for a token with " +
              $"<code>POST /api/auth/token</code> and the body <code>{{ \"inviteCode\": \"{WebUtility.HtmlEncode(inviteCode)}\" }}</code>.</p>";
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>WGEC.Drafting</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}code{background:#eef}</style>
            </head><body>
            <h1>WGEC.Drafting</h1>
            <p>A drafting server for negotiating a text to consensus. The web client is not built yet; the API is ready.</p>
            {{signIn}}
            <ul>
            <li>REST API: <code>/api/…</code> (OpenAPI description at <a href="/openapi/v1.json">/openapi/v1.json</a>)</li>
            <li>Live editing: SignalR hub at <code>/hubs/drafting</code></li>
            <li>Health: <a href="/health">/health</a></li>
            </ul>
            </body></html>
            """;
    }
}
