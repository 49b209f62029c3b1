using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Reliability.Fuzz;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// What a REST request names: the target document's ids, its history made over to a new document id (to import), a
/// participant to revoke, and a good invite code.
/// </summary>
internal sealed record RestIds(FuzzIds Document, string History, Guid NewDocument, Guid Participant, string InviteCode)
{
    /// <summary>A table annex with rows (<see cref="FixtureKind.Annex"/>), for the mapping table's calls (<c>{annex}</c> in a path).</summary>
    public Guid Annex { get; init; }
    /// <summary>The questionnaire the questionnaire calls name.</summary>
    public FuzzQuestionnaire Questionnaire { get; init; } = null!;

    /// <summary>The target document's history (<c>GET /events</c>) as the history of <paramref name="newDocument"/>.</summary>
    public static RestIds For(FuzzIds document, string history, Guid newDocument, Guid participant, string inviteCode) =>
        new(document, history.Replace(document.Document.ToString(), newDocument.ToString(), StringComparison.Ordinal), newDocument, participant, inviteCode);
}

/// <summary>How a REST call takes its input besides the path and query: none, a JSON object, a Word upload, a document's history, a questionnaire CSV file, a mapping-table CSV file.</summary>
internal enum RestBody { None, Json, Docx, History, Csv, RowsCsv }

/// <summary>A query parameter of a call, with its value in the valid request (null: the valid request leaves it out).</summary>
internal sealed record RestQuery(string Name, RestParam Kind, string? Valid = null);

/// <summary>
/// A REST call's valid request. <c>Key</c> is the endpoint as the server's endpoint data source names it, so a
/// call added to the server and not here fails <see cref="FuzzTests.Every_rest_call_has_fuzz_cases"/>.
/// </summary>
internal sealed record RestRequest(string Key, string Path, RestQuery[] Query, RestBody Body = RestBody.None, bool Anonymous = false)
{
    public HttpMethod Method => new(Key[..Key.IndexOf(' ', StringComparison.Ordinal)]);

    /// <summary>The JSON body's fields, for <see cref="RestBody.Json"/>.</summary>
    public Func<RestIds, FuzzField[]> Fields { get; init; } = _ => [];

    /// <summary>Whole query strings that are malformed although each parameter alone is not (two selectors, a required one missing).</summary>
    public (string Label, string Query, ErrorCode Expected)[] Combinations { get; init; } = [];

    /// <summary>The code for an empty or <c>null</c> body.</summary>
    public ErrorCode NoBody { get; init; } = ErrorCode.Invalid;
}

/// <summary>Every REST call of PROTOCOL.md §2 and the later work items, in its valid form.</summary>
internal static class FuzzRestRequests
{
    private static readonly RestQuery[] Selectors = [new("version", RestParam.Version), new("revision", RestParam.Revision), new("at", RestParam.At)];

    private static readonly (string, string, ErrorCode)[] TwoSelectors =
        [("two selectors", "version=1&revision=Rev.1", ErrorCode.Invalid), ("all three selectors", "version=1&revision=Rev.1&at=2030-01-01T00:00:00Z", ErrorCode.Invalid)];

    public static readonly RestRequest[] All =
    [
        new("POST /api/auth/token", "api/auth/token", [], RestBody.Json, Anonymous: true)
        {
            Fields = ids => [new("inviteCode", FieldKind.InviteCode, Quote(ids.InviteCode))],
            NoBody = ErrorCode.Unauthorized,
        },
        new("POST /api/auth/refresh", "api/auth/refresh", []),
        new("GET /api/participants/", "api/participants", []),
        new("POST /api/participants/", "api/participants", [], RestBody.Json)
        {
            Fields = _ =>
            [
                new("name", FieldKind.Line, "\"Fuzz delegate\"", 300), new("delegation", FieldKind.Line, "\"Chile\"", 300),
                new("role", FieldKind.Enum, "\"observer\""),
            ],
        },
        new("DELETE /api/participants/{id:guid}", "api/participants/{participant}", []),
        new("GET /api/documents/", "api/documents", []),
        new("POST /api/documents/", "api/documents", [], RestBody.Json)
        {
            Fields = _ =>
            [
                new("title", FieldKind.Line, "\"Fuzz created\"", 300), new("kind", FieldKind.Enum, "\"report\""),
                new("symbol", FieldKind.OptionalLine, "\"FUZZ/2\"", 300), new("markdown", FieldKind.Markdown, Quote("# Title\n\nOne [text].\n\nTwo."), 20_000),
            ],
        },
        new("POST /api/documents/ [multipart]", "api/documents", [], RestBody.Docx),
        new("GET /api/documents/{id:guid}", "api/documents/{id}", Selectors) { Combinations = TwoSelectors },
        new("GET /api/documents/{id:guid}/events", "api/documents/{id}/events", [new("after", RestParam.After, "1"), new("limit", RestParam.Limit, "10")]),
        new("POST /api/documents/{id:guid}/events", "api/documents/{new}/events", [], RestBody.History),
        new("GET /api/documents/{id:guid}/diff", "api/documents/{id}/diff", [new("from", RestParam.Point, "1"), new("to", RestParam.Point, "Rev.1")])
        {
            Combinations = [("no from", "to=2", ErrorCode.Invalid)],
        },
        new("GET /api/documents/{id:guid}/compare", "api/documents/{id}/compare", [new("from", RestParam.Point, "1"), new("to", RestParam.Point, "Rev.1")])
        {
            Combinations = [("no from", "to=2", ErrorCode.Invalid)],
        },
        new("GET /api/documents/{id:guid}/meetings", "api/documents/{id}/meetings", []),
        new("GET /api/documents/{id:guid}/revisions/{label}/concordance", "api/documents/{id}/revisions/{label}/concordance", []),
        new("POST /api/documents/{id:guid}/rows", "api/documents/{annex}/rows", [new("clientOpId", RestParam.OpId)], RestBody.RowsCsv)
        {
            // No op id in the valid request: with one, every variant would be a retry of it, answered as it was (PROTOCOL.md §3).
            Combinations = [("an unknown parameter", "clientOpId=fuzz-import&colour=red", ErrorCode.Invalid), ("clientOpId twice", "clientOpId=a&clientOpId=b", ErrorCode.Invalid)],
        },
        new("GET /api/documents/{id:guid}/rows", "api/documents/{annex}/rows",
            [
                new("issue", RestParam.Filter, "spam"), new("category", RestParam.Filter), new("grouping", RestParam.Filter),
                new("activities", RestParam.Filter), new("status", RestParam.Filter), new("q", RestParam.Filter, "cyber"),
                new("sort", RestParam.Sort, "category,-issue"), .. Selectors,
            ])
        {
            Combinations =
            [
                .. TwoSelectors, ("an unknown parameter", "colour=red", ErrorCode.Invalid), ("issue twice", "issue=a&issue=b", ErrorCode.Invalid),
            ],
        },
        new("GET /api/documents/{id:guid}/export", "api/documents/{id}/export",
            [new("format", RestParam.Format, "docx"), new("compareTo", RestParam.Point, "1"), new("statuses", RestParam.Flag, "true"), .. Selectors])
        {
            Combinations =
            [
                .. TwoSelectors, ("no format", "version=1", ErrorCode.Invalid),
                ("compareTo with markdown", "format=markdown&compareTo=1", ErrorCode.Invalid),
                ("compareTo after the text exported", "format=docx&version=1&compareTo=2", ErrorCode.Invalid),
                ("csv of a document that is no table annex", "format=csv", ErrorCode.Invalid),
            ],
        },
        new("GET /api/documents/{id:guid}/timeline", "api/documents/{id}/timeline", [new("after", RestParam.After, "1"), new("limit", RestParam.Limit, "10")]),
        new("GET /api/documents/{id:guid}/paragraphs/{pid:guid}/history", "api/documents/{id}/paragraphs/{pid}/history", []),
        new("GET /api/documents/{id:guid}/progress", "api/documents/{id}/progress", []),
        new("GET /api/documents/{id:guid}/activity", "api/documents/{id}/activity", []),
        new("GET /api/questionnaires/", "api/questionnaires", []),
        new("POST /api/questionnaires/", "api/questionnaires", [], RestBody.Json)
        {
            Fields = _ => [new("title", FieldKind.Line, "\"Fuzz questionnaire\"", 300), new("deadline", FieldKind.OptionalDate, "\"2026-03-15\"")],
        },
        new("GET /api/questionnaires/{id:guid}", "api/questionnaires/{qid}", []),
        new("POST /api/questionnaires/{id:guid}/questions", "api/questionnaires/{qid}/questions", [], RestBody.Json)
        {
            Fields = _ =>
            [
                new("number", FieldKind.QuestionNumber, "2"), new("group", FieldKind.Line, "\"B\"", 300),
                new("text", FieldKind.CommentText, Quote("Who takes part?\n\nAnd how?"), 20_000),
            ],
        },
        new("POST /api/questionnaires/{id:guid}/respondents", "api/questionnaires/{qid}/respondents", [], RestBody.Json)
        {
            Fields = _ =>
            [
                new("name", FieldKind.Line, "\"Fuzz respondent\"", 300), new("stakeholderType", FieldKind.Enum, "\"civil-society\""),
                new("country", FieldKind.OptionalLine, "\"Chile\"", 300),
            ],
        },
        new("POST /api/questionnaires/{id:guid}/contributions", "api/questionnaires/{qid}/contributions", [], RestBody.Json)
        {
            Fields = ids =>
            [
                new("respondentId", FieldKind.ItemRef, Quote(ids.Questionnaire.Respondent.ToString())),
                new("questionId", FieldKind.ItemRef, Quote(ids.Questionnaire.Question.ToString())),
                new("text", FieldKind.CommentText, Quote("A revised [answer].\n\nWith a second paragraph."), 20_000),
                new("receivedAt", FieldKind.OptionalTime, "\"2026-03-16T09:00:00Z\""),
            ],
        },
        new("GET /api/questionnaires/{id:guid}/contributions/{contributionId:guid}", "api/questionnaires/{qid}/contributions/{cid}", []),
        new("POST /api/questionnaires/{id:guid}/import", "api/questionnaires/{qid}/import", [], RestBody.Csv),
        new("GET /api/questionnaires/{id:guid}/by-question", "api/questionnaires/{qid}/by-question", []),
        new("GET /api/questionnaires/{id:guid}/by-respondent", "api/questionnaires/{qid}/by-respondent", []),
        new("GET /api/questionnaires/{id:guid}/export", "api/questionnaires/{qid}/export", [new("format", RestParam.Format, "docx"), new("by", RestParam.Grouping, "respondent")])
        {
            Combinations = [("no format", "by=question", ErrorCode.Invalid), ("markdown, which the annex has not", "format=markdown", ErrorCode.Invalid)],
        },
    ];

    /// <summary>The label the target documents were tagged with.</summary>
    public const string Revision = "Rev.1";
}
