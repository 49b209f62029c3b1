using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Http;

/// <summary>Refusals as RFC 7807 problem details: <c>type</c> ends in the §4 code, the status is the code's.</summary>
public static class Problems
{
    public const string TypePrefix = "/errors/";

    public static int Status(ErrorCode code) => code switch
    {
        ErrorCode.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Locked => StatusCodes.Status409Conflict,
        ErrorCode.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult For(Refusal refusal) =>
        TypedResults.Problem(
            detail: refusal.Message,
            statusCode: Status(refusal.Code),
            title: ProtocolJson.Name(refusal.Code),
            type: TypePrefix + ProtocolJson.Name(refusal.Code));

    public static Task WriteAsync(HttpContext http, Refusal refusal) => For(refusal).ExecuteAsync(http);
}

/// <summary>Turns refusals thrown anywhere in a request, and unreadable request bodies, into problem details.</summary>
public sealed class RefusalExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var refusal = exception switch
        {
            RefusedException r => r.Refusal,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Refusal.TooLarge("the request body is too large"),
            BadHttpRequestException b => Refusal.Invalid($"malformed request: {b.Message}"),
            _ => null,
        };
        if (refusal is null)
            return false;
        await Problems.WriteAsync(httpContext, refusal);
        return true;
    }
}
