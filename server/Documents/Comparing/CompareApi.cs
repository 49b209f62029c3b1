using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Comparing;

/// <summary><c>GET /api/documents/{id}/compare?from=X&amp;to=Y</c>: the diff as a printable page (work item 4).</summary>
public static class CompareApi
{
    /// <summary>Same readers, selectors and refusals as <c>/diff</c>.</summary>
    public static async Task<ContentHttpResult> Compare(
        Guid id, string? from, string? to, HttpContext http, CurrentParticipant current, DocumentReader reader, DocumentDiffer differ)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var (before, after) = await reader.EndsAsync(id, from, to, http.RequestAborted);
        http.Response.Headers.ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy;
        return TypedResults.Content(ComparePage.Render(differ.Compare(before, after), before, after), "text/html; charset=utf-8");
    }
}
