using System.Text;
using System.Text.Json.Nodes;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Reliability.Fuzz;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Malformed histories for <c>POST /api/documents/{id}/events</c>, made from a real one (the target document's
/// <c>GET /events</c>): the fields of its first two envelopes replaced one at a time, the texts inside their data too.
/// </summary>
internal static class FuzzRestHistory
{
    private const string Placeholder = "fuzz-placeholder-7f3a";
    private static readonly ErrorCode[] Invalid = [ErrorCode.Invalid];

    public static IEnumerable<(string Label, byte[] Body, ErrorCode[] Expected)> Bodies(string history, FuzzIds ids, Random random)
    {
        var envelope = new (string Label, string Json)[]
        {
            ("a number", "42"), ("a string", "\"x\""), ("an array", "[]"), ("null", "null"), ("an array of 50,000 numbers", HugeJsonArray),
            ("arrays nested 10,000 deep", DeepJsonArray),
        };
        var fields = new Dictionary<string, (string Label, string Json)[]>
        {
            ["documentId"] = [.. envelope, ("not a GUID", "\"not-a-guid\""), ("another document's id", Quote(ids.Document.ToString()))],
            // Not "1" in quotes: REST reads JSON with ASP.NET's web defaults, which take a number written as a string.
            ["version"] = [.. envelope, ("0", "0"), ("-1", "-1"), ("2 (a gap)", "2"), ("a fraction", "1.5"), ("a word", "\"one\"")],
            ["type"] = [.. envelope, ("an unknown type", "\"bogus\""), ("another event's type", "\"paragraph-edited\""), ($"{HugeLength:N0} characters", Quote(Huge))],
            ["data"] = [.. envelope, ("an empty object", "{}"), ($"{HugeLength:N0} characters", Quote(Huge)), ("objects nested 5,000 deep", DeepJsonObject)],
            ["actor"] = [.. envelope, ("an empty object", "{}"), ("a name of 301 characters", $"{{\"participantId\":\"{Guid.Empty}\",\"name\":{Quote(new string('n', 301))},\"delegation\":\"x\",\"role\":\"chair\"}}")],
            ["at"] = [.. envelope, ("not a time", "\"yesterday\""), ("month 13", "\"2020-13-01T00:00:00Z\"")],
        };
        foreach (var (field, values) in fields)
        {
            foreach (var (label, json) in values)
                yield return ($"event 1 {field}: {label}", Replace(history, 0, [field], Encoding.UTF8.GetBytes(json)), Invalid);
        }
        var opId = new FuzzField("clientOpId", FieldKind.OpId, "null");
        foreach (var value in Values(opId, ids, random))
        {
            // Over 200 characters the import says too-large (a limit), where a write says invalid.
            ErrorCode[] expected = value.Label.EndsWith("characters", StringComparison.Ordinal) ? [ErrorCode.Invalid, ErrorCode.TooLarge] : value.Expected;
            yield return ($"event 1 clientOpId: {value.Label}", Replace(history, 0, ["clientOpId"], value.Json), expected);
        }
        foreach (var value in Values(new FuzzField("title", FieldKind.Line, "null", 300), ids, random))
            yield return ($"event 1 data.title: {value.Label}", Replace(history, 0, ["data", "title"], value.Json), value.Expected);
        foreach (var value in Values(new FuzzField("text", FieldKind.ParagraphText, "null", 20_000), ids, random))
            yield return ($"event 2 data.text: {value.Label}", Replace(history, 1, ["data", "text"], value.Json), value.Expected);
        yield return ("event 2 removed (a gap)", Remove(history, 1), Invalid);
        yield return ("event 1 twice", Duplicate(history, 0), Invalid);
        yield return ("[null]", "[null]"u8.ToArray(), Invalid);
    }

    /// <summary>The history with one value (raw JSON bytes) at <paramref name="path"/> in envelope <paramref name="index"/>.</summary>
    private static byte[] Replace(string history, int index, string[] path, byte[] value)
    {
        var events = JsonNode.Parse(history)!.AsArray();
        var node = events[index]!;
        foreach (var step in path[..^1])
            node = node[step]!;
        node[path[^1]] = Placeholder;
        var json = events.ToJsonString();
        var at = json.IndexOf($"\"{Placeholder}\"", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. value, .. Encoding.UTF8.GetBytes(json[(at + Placeholder.Length + 2)..])];
    }

    private static byte[] Remove(string history, int index)
    {
        var events = JsonNode.Parse(history)!.AsArray();
        events.RemoveAt(index);
        return Encoding.UTF8.GetBytes(events.ToJsonString());
    }

    private static byte[] Duplicate(string history, int index)
    {
        var events = JsonNode.Parse(history)!.AsArray();
        events.Insert(index, events[index]!.DeepClone());
        return Encoding.UTF8.GetBytes(events.ToJsonString());
    }
}
