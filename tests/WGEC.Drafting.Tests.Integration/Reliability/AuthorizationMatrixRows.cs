using System.Net.Http.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What a caller gets: the call succeeds, or a refusal with its §4 code.</summary>
public enum Answer { Ok, Forbidden, Unauthorized }

/// <summary>The matrix's columns, in the order its rows list them.</summary>
public enum Caller { Secretariat, Chair, Member, Observer, NoToken, ExpiredToken, RevokedParticipant }

/// <summary>A hub method, the answer each caller gets, and the request a caller allowed to call it sends.</summary>
public sealed record HubRow(string Call, IReadOnlyDictionary<Caller, Answer> Answers, Func<MatrixStage, MatrixCaller, Task<object>> Request);

/// <summary>
/// A REST endpoint as <c>METHOD /route-template</c>, with the body's media type where the endpoint declares
/// one (two endpoints share <c>POST /api/documents</c>); the answer each caller gets; the request to send.
/// </summary>
public sealed record RestRow(
    string Call, string Method, string Route, string? ContentType,
    IReadOnlyDictionary<Caller, Answer> Answers, Func<MatrixStage, MatrixCaller, Task<HttpRequestMessage>> Request);

/// <summary>How a row is written: its cells as <c>"ok ok ok 403 | 401 401 401"</c>, and small request builders.</summary>
public static class MatrixRows
{
    public static HubRow Hub(string method, string cells, Func<MatrixStage, MatrixCaller, object> request) =>
        new(method, Cells(method, cells), (s, c) => Task.FromResult(request(s, c)));

    public static HubRow Hub(string method, string cells, Func<MatrixStage, MatrixCaller, Task<object>> request) =>
        new(method, Cells(method, cells), request);

    public static RestRow Rest(string call, string cells, Func<MatrixStage, MatrixCaller, HttpRequestMessage> request) =>
        Rest(call, cells, (s, c) => Task.FromResult(request(s, c)));

    public static RestRow Rest(string call, string cells, Func<MatrixStage, MatrixCaller, Task<HttpRequestMessage>> request)
    {
        var parts = call.Split(' ', 3);
        if (parts.Length < 2 || !parts[1].StartsWith('/'))
            throw new ArgumentException($"'{call}' is not 'METHOD /route' or 'METHOD /route (media/type)'", nameof(call));
        var contentType = parts.Length == 3 ? parts[2].Trim('(', ')') : null;
        return new RestRow(call, parts[0], parts[1], contentType, Cells(call, cells), request);
    }

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    public static HttpRequestMessage Delete(string path) => new(HttpMethod.Delete, new Uri(path, UriKind.Relative));

    public static HttpRequestMessage Post(string path, object? json = null) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = json is null ? null : JsonContent.Create(json, options: ProtocolJson.Options) };

    /// <summary>The shortest history another server could send: a document created, under an id new here.</summary>
    public static HttpRequestMessage MovedHistory(Guid documentId) => Post($"api/documents/{documentId}/events", new[]
    {
        new Envelope(documentId, 1, EnvelopeTypes.DocumentCreated, new DocumentCreatedData("Moved here", DocumentKind.Report, null),
            new Actor(Guid.NewGuid(), "Ana Silva", "Brazil", Role.Chair), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), null),
    });

    public static HttpRequestMessage Csv(string path, string csv) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") };

    public static HttpRequestMessage Upload(string path, MultipartFormDataContent form) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };

    public static string Name(Caller caller) => caller switch
    {
        Caller.NoToken => "no token",
        Caller.ExpiredToken => "expired token",
        Caller.RevokedParticipant => "revoked participant",
        _ => caller.ToString().ToLowerInvariant(),
    };

    public static string Cell(Answer answer) => answer switch
    {
        Answer.Ok => "ok",
        Answer.Forbidden => "403 forbidden",
        _ => "401 unauthorized",
    };

    private static Dictionary<Caller, Answer> Cells(string call, string cells)
    {
        var answers = cells.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(cell => cell != "|").Select(cell => cell switch
        {
            "ok" => Answer.Ok,
            "403" => Answer.Forbidden,
            "401" => Answer.Unauthorized,
            _ => throw new ArgumentException($"row '{call}': '{cell}' is not ok, 403 or 401", nameof(cells)),
        }).ToList();
        var callers = Enum.GetValues<Caller>();
        if (answers.Count != callers.Length)
            throw new ArgumentException($"row '{call}' has {answers.Count} cells, not {callers.Length}", nameof(cells));
        return callers.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second);
    }
}
