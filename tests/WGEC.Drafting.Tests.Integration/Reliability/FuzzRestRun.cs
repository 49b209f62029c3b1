using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>Sends REST inputs as raw HTTP and judges each answer against PROTOCOL.md §2 and §4.</summary>
internal sealed class FuzzRestRun(FuzzServer server, FuzzReport report)
{
    /// <summary>The HTTP status §4 gives each code.</summary>
    private static readonly Dictionary<ErrorCode, HttpStatusCode> Statuses = new()
    {
        [ErrorCode.Unauthorized] = HttpStatusCode.Unauthorized,
        [ErrorCode.Forbidden] = HttpStatusCode.Forbidden,
        [ErrorCode.NotFound] = HttpStatusCode.NotFound,
        [ErrorCode.Invalid] = HttpStatusCode.BadRequest,
        [ErrorCode.Locked] = HttpStatusCode.Conflict,
        [ErrorCode.TooLarge] = HttpStatusCode.RequestEntityTooLarge,
        [ErrorCode.RateLimited] = HttpStatusCode.TooManyRequests,
        [ErrorCode.Unavailable] = HttpStatusCode.ServiceUnavailable,
    };

    /// <summary>Every call's valid request answers 2xx, so each malformed variant of it has exactly one fault.</summary>
    public async Task CheckValidRequestsAsync(RestIds ids)
    {
        foreach (var request in FuzzRestRequests.All)
        {
            var valid = FuzzRestCases.Valid(request, ids, server.Token);
            using var response = await SendAsync(valid);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"the valid request of {request.Key} ({valid.PathAndQuery}) is refused, so its variants prove nothing: " +
                    $"{(int)response.StatusCode} {Fuzz.Clip(await response.Content.ReadAsStringAsync())}");
        }
    }

    public async Task RunAsync(IEnumerable<RestCase> cases)
    {
        foreach (var input in cases)
        {
            report.SentToRest(input.PathAndQuery.Length + (input.Body?.Length ?? 0));
            try
            {
                using var response = await SendAsync(input);
                if (await JudgeAsync(response, input.Expected) is { } problem)
                    report.Fail($"{input.Key} ({input.Label})", problem);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                report.Fail($"{input.Key} ({input.Label})", $"no answer: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Requests Kestrel refuses before the application sees them, so with its own bare answer and no problem
    /// body: a request line over its 8 KB limit (414) and a NUL in the path (400). The server must go on.
    /// </summary>
    public async Task<IReadOnlyList<(string Label, HttpStatusCode Status)>> TransportLimitsAsync()
    {
        var answers = new List<(string, HttpStatusCode)>();
        foreach (var (label, path) in new[] { ("a 20,000-character query", "api/documents?x=" + new string('x', 20_000)), ("a NUL in the path", "api/documents/a%00b") })
        {
            report.SentToRest(path.Length);
            using var response = await SendAsync(new RestCase("GET", label, path, "Bearer " + server.Token, null, null, []));
            answers.Add((label, response.StatusCode));
        }
        return answers;
    }

    private Task<HttpResponseMessage> SendAsync(RestCase input)
    {
        var request = new HttpRequestMessage(input.Method, new Uri(input.PathAndQuery, UriKind.Relative));
        if (input.Authorization is { } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (input.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            if (input.ContentType is { } type)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }
        return server.Http.SendAsync(request);
    }

    /// <summary>Why an answer is wrong, or null for a problem+json refusal whose type ends in an expected code, with that code's status.</summary>
    private static async Task<string?> JudgeAsync(HttpResponseMessage response, IReadOnlyCollection<ErrorCode> expected)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var answer = $"{status} {Fuzz.Clip(body)}";
        if (response.IsSuccessStatusCode)
            return "a malformed input succeeded: " + answer;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"not application/problem+json ({response.Content.Headers.ContentType}): {answer}";
        string? type;
        int? declared;
        try
        {
            using var json = JsonDocument.Parse(body);
            type = json.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            declared = json.RootElement.TryGetProperty("status", out var s) ? s.GetInt32() : null;
        }
        catch (JsonException)
        {
            return "the problem is not JSON: " + answer;
        }
        var slash = type?.LastIndexOf('/') ?? -1;
        var code = slash >= 0 ? ProtocolJson.Parse<ErrorCode>(type![(slash + 1)..]) : ErrorCode.Unknown;
        if (code == ErrorCode.Unknown)
            return "the problem's type does not end in a §4 code: " + answer;
        // invalid keeps HTTP's more precise 405 (wrong method) and 415 (wrong content type), as RestHttpTests has it.
        var allowed = code == ErrorCode.Invalid ? [HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed, HttpStatusCode.UnsupportedMediaType] : new[] { Statuses[code] };
        if (!allowed.Contains(response.StatusCode) || declared != status)
            return $"{ProtocolJson.Name(code)} with status {status} (problem says {declared}), §4 gives {(int)Statuses[code]}: {answer}";
        return expected.Contains(code) ? null : $"code {ProtocolJson.Name(code)}, expected {string.Join(" or ", expected.Select(ProtocolJson.Name))}: {answer}";
    }
}
