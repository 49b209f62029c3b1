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

    /// <summary>The §4 code for an HTTP status, for problems the framework raises itself (e.g. an unknown route).</summary>
    public static ErrorCode? Code(int status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType => ErrorCode.Invalid,
        StatusCodes.Status401Unauthorized => ErrorCode.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCode.Forbidden,
        StatusCodes.Status404NotFound => ErrorCode.NotFound,
        StatusCodes.Status409Conflict => ErrorCode.Locked,
        StatusCodes.Status413PayloadTooLarge => ErrorCode.TooLarge,
        StatusCodes.Status429TooManyRequests => ErrorCode.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCode.Unavailable,
        _ => null,
    };

    /// <summary>Gives every problem a <c>type</c> ending in its §4 code, when it has none of ours yet.</summary>
    public static void Complete(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true || problem.Status is not { } status || Code(status) is not { } code)
            return;
        problem.Type = TypePrefix + ProtocolJson.Name(code);
        problem.Title = ProtocolJson.Name(code);
        problem.Detail ??= code == ErrorCode.NotFound ? "no such resource" : "the request cannot be served as sent";
    }

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
