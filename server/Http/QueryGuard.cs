using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Http;

/// <summary>
/// A control character in a query value of a REST call is <c>invalid</c> (PROTOCOL.md §5), before any endpoint
/// reads it: .NET's number parsing ignores trailing NULs, so <c>version=1%00</c> would otherwise read as version 1.
/// </summary>
public static class QueryGuard
{
    public static WebApplication UseQueryGuard(this WebApplication app)
    {
        app.Use((http, next) =>
            http.Request.QueryString.HasValue && http.Request.Path.StartsWithSegments("/api") && HasControlCharacter(http.Request.Query)
                ? Problems.WriteAsync(http, Refusal.Invalid("a query parameter contains a control character"))
                : next(http));
        return app;
    }

    private static bool HasControlCharacter(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (name.Any(char.IsControl) || values.Any(value => value?.Any(char.IsControl) == true))
                return true;
        }
        return false;
    }
}
