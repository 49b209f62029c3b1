using System.Globalization;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What a REST path segment or query parameter holds, which decides the values outside its domain.</summary>
internal enum RestParam
{
    /// <summary>
    /// A document, paragraph or participant id in the path (<c>{id:guid}</c>): anything else matches no route, <c>not-found</c>.
    /// (A NUL in the path never reaches the application: Kestrel refuses the request line, see <see cref="FuzzRestRun.TransportLimitsAsync"/>.)
    /// </summary>
    DocumentId,
    ParagraphId,
    ParticipantId,

    /// <summary>The id of a document to import (<c>{new}</c>): one already on the server is <c>invalid</c>.</summary>
    NewDocumentId,

    /// <summary>A revision label in the path: one the document does not have is <c>not-found</c>.</summary>
    Label,

    /// <summary><c>after</c>: a whole number ≥ 0.</summary>
    After,

    /// <summary><c>limit</c>: 1 to 5,000.</summary>
    Limit,

    /// <summary>The <c>version</c> selector: a version of the document, 1 to now.</summary>
    Version,

    /// <summary>The <c>revision</c> selector: a label of the document.</summary>
    Revision,

    /// <summary>The <c>at</c> selector: an ISO-8601 time at which the document existed.</summary>
    At,

    /// <summary>A diff end (<c>from</c>, <c>to</c>, <c>compareTo</c>): a version, an ISO time or a revision label of the document.</summary>
    Point,

    /// <summary>The export <c>format</c>.</summary>
    Format,

    /// <summary>A boolean (<c>statuses</c>).</summary>
    Flag,

    /// <summary>A row filter (<c>issue</c>, <c>q</c> …): any one line of text up to a field's length.</summary>
    Filter,

    /// <summary>Row sort keys: <c>number|issue|category|grouping|activities|status</c>, each maybe after a <c>-</c>, separated by commas.</summary>
    Sort,

    /// <summary>A <c>clientOpId</c> in a query: text of at most 200 characters.</summary>
    OpId,
    /// <summary>A questionnaire id in the path (<c>{qid}</c>); a document's is not one.</summary>
    QuestionnaireId,

    /// <summary>A contribution id in the path (<c>{cid}</c>).</summary>
    ContributionId,

    /// <summary>The annex's <c>by</c>: question or respondent.</summary>
    Grouping,
}

/// <summary>A malformed value for a path segment or a query parameter, already percent-encoded as it goes on the wire.</summary>
internal sealed record RestValue(string Label, string Encoded, ErrorCode[] Expected);

/// <summary>Malformed path segments and query values. Empty query values are not among them: an empty selector is no selector.</summary>
internal static class FuzzRestValues
{
    /// <summary>Long, but the request line stays under Kestrel's 8 KB limit (the one request over it is sent on purpose).</summary>
    public const int LongLength = 6_000;

    private static readonly ErrorCode[] Invalid = [ErrorCode.Invalid];
    private static readonly ErrorCode[] NotFound = [ErrorCode.NotFound];

    public static IEnumerable<RestValue> Path(RestParam kind, FuzzIds ids, Random random)
    {
        // A segment that is no GUID matches no route: not-found, as for any unknown address.
        yield return new("not a GUID", "not-a-guid", NotFound);
        yield return new($"{LongLength:N0} characters", new string('a', LongLength), NotFound);
        yield return new("a UTF-8-encoded surrogate", "a%ED%A0%80b", NotFound);
        yield return new("the byte 0xFF", "a%FFb", NotFound);
        yield return new("2,000 brackets", string.Concat(Enumerable.Repeat("%5B", 2_000)), NotFound);
        if (kind == RestParam.NewDocumentId)
        {
            yield return new("a document already on the server", ids.Document.ToString(), [ErrorCode.Invalid]);
            yield break;
        }
        if (kind == RestParam.Label)
        {
            yield return new("a label the document does not have", "Rev.404", NotFound);
            yield return new("a version number", "1", NotFound);
            yield break;
        }
        yield return new("an unknown id", Fuzz.NewGuid(random).ToString(), NotFound);
        yield return new("the empty id", Guid.Empty.ToString(), NotFound);
        yield return new("the id of something else", (kind == RestParam.DocumentId ? ids.Paragraph : ids.Document).ToString(), NotFound);
    }

    public static IEnumerable<RestValue> Query(RestParam kind, Random random)
    {
        var longDigits = new string('9', LongLength);
        var longText = new string('q', LongLength);
        IEnumerable<RestValue> values = kind switch
        {
            RestParam.After =>
            [
                new("-1", "-1", Invalid), new("a word", "abc", Invalid), new("a fraction", "1.5", Invalid),
                new("20 digits", "99999999999999999999", Invalid), new($"{LongLength:N0} digits", longDigits, Invalid),
            ],
            RestParam.Limit =>
            [
                new("0", "0", Invalid), new("-1", "-1", Invalid), new("5,001", "5001", Invalid), new("a word", "abc", Invalid),
                new("int.MaxValue + 1", "2147483648", Invalid), new($"{LongLength:N0} digits", longDigits, Invalid),
            ],
            RestParam.Version =>
            [
                new("0", "0", Invalid), new("-1", "-1", Invalid), new("a word", "abc", Invalid), new("a fraction", "1.5", Invalid),
                new("20 digits", "99999999999999999999", Invalid), new($"{LongLength:N0} digits", longDigits, Invalid),
                new("a version after now", "999999", NotFound),
            ],
            RestParam.Revision =>
            [
                new("a label the document does not have", "Rev.404", NotFound), new($"{LongLength:N0} characters", longText, NotFound),
            ],
            RestParam.At =>
            [
                new("a word", "yesterday", Invalid), new("month 13", "2020-13-45T00:00:00Z", Invalid),
                new($"{LongLength:N0} characters", longText, Invalid), new("before the document", "1900-01-01T00:00:00Z", NotFound),
            ],
            RestParam.Point =>
            [
                new("version 0", "0", Invalid), new("a label the document does not have", "Rev.404", NotFound),
                new("a version after now", "999999", NotFound), new("before the document", "1900-01-01T00:00:00Z", NotFound),
                new($"{LongLength:N0} characters", longText, NotFound),
            ],
            RestParam.Format =>
            [
                new("an unknown format", "pdf", Invalid), new($"{LongLength:N0} characters", longText, Invalid),
                new("%00", "%00", Invalid),
            ],
            RestParam.Flag => [new("a word", "maybe", Invalid), new("2", "2", Invalid), new($"{LongLength:N0} characters", longText, Invalid)],
            RestParam.Filter => [new($"{LongLength:N0} characters", longText, [ErrorCode.TooLarge]), new("the noncharacter U+FFFE", "a%EF%BF%BEb", Invalid)],
            RestParam.Sort =>
            [
                new("an unknown key", "colour", Invalid), new("an empty key", "issue,,status", Invalid), new("a minus alone", "-", Invalid),
                new("two minuses", "--issue", Invalid), new($"{LongLength:N0} characters", longText, Invalid),
            ],
            RestParam.OpId => [new("201 characters", new string('o', 201), Invalid), new("the noncharacter U+FFFF", "a%EF%BF%BF", Invalid)],
            RestParam.Grouping => [new("an unknown grouping", "country", Invalid), new($"{LongLength:N0} characters", longText, Invalid)],
            _ => [],
        };
        foreach (var value in values)
            yield return value;
        if (kind is not (RestParam.Format or RestParam.Flag))
        {
            // Control characters are invalid in any query value (after "1": .NET's number parsing would ignore a trailing NUL).
            var control = random.Next(1, 32);
            yield return new("%00", "1%00", Invalid);
            yield return new($"U+{control:X4}", "1%" + control.ToString("X2", CultureInfo.InvariantCulture), Invalid);
            // Bytes that are not UTF-8 decode to U+FFFD, as browsers do: a label that names nothing, a number that is none;
            // for a filter or an op id, text like any other.
            if (kind is not (RestParam.Filter or RestParam.OpId))
                yield return new("a UTF-8-encoded surrogate", "1%ED%A0%80", kind is RestParam.Revision or RestParam.Point ? NotFound : Invalid);
        }
    }

    /// <summary>Authorization headers that are no valid token: every call but sign-in answers them unauthorized.</summary>
    public static IEnumerable<(string Label, string? Header)> BadTokens(Guid someone)
    {
        static string Base64Url(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
            Base64Url($"{{\"sub\":\"{someone}\",\"exp\":4102444800}}") + ".";
        yield return ("no token", null);
        yield return ("a token that is no JWT", "Bearer garbage");
        yield return ("three empty JWT parts", "Bearer ..");
        yield return ("an unsigned JWT (alg none)", "Bearer " + unsigned);
        yield return ($"a {LongLength:N0}-character token", "Bearer " + new string('t', LongLength));
        yield return ("another scheme", "Basic dXNlcjpwYXNz");
        yield return ("the scheme alone", "Bearer");
    }
}
