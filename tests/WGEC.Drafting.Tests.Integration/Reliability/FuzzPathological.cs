using System.Diagnostics;
using System.Net;
using System.Text;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Worst cases for the Markdown renderer and the bracket parser that are valid texts (at most 20,000 characters, no
/// control character, no blank line): the server takes them and renders them, in every read that renders, in bounded
/// time. They go into a document of their own, apart from the documents whose streams must stay unchanged.
/// </summary>
internal static class FuzzPathological
{
    /// <summary>Far above the milliseconds these take; a quadratic walk of 20,000 characters, or a hang, takes longer.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static IEnumerable<(string Label, string Text)> Texts()
    {
        static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
        yield return ("20,000 [", new string('[', 20_000));
        yield return ("20,000 ]", new string(']', 20_000));
        yield return ("brackets nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000));
        yield return ("10,000 ][", Repeat("][", 10_000));
        yield return ("4,000 alternatives in open brackets", Repeat("[a / ", 4_000));
        yield return ("2,500 bracketed alternatives", Repeat("[x / y] ", 2_500));
        yield return ("block quotes nested 10,000 deep", Repeat("> ", 10_000));
        yield return ("20,000 >", new string('>', 20_000));
        yield return ("list items nested 10,000 deep", Repeat("- ", 10_000));
        yield return ("lists indented 130 deep", string.Join('\n', Enumerable.Range(0, 130).Select(i => new string(' ', 2 * i) + "- [a]")));
        yield return ("10,000 emphasis delimiters", Repeat("*_", 10_000));
        yield return ("5,000 unfinished links", Repeat("[a](", 5_000));
        yield return ("5,000 link definitions begun", Repeat("[a]:", 5_000));
        yield return ("10,000 images begun", Repeat("![", 10_000));
        yield return ("backtick runs of 1 to 198", string.Concat(Enumerable.Range(1, 198).Select(n => new string('`', n) + "[")));
        yield return ("20,000 <", new string('<', 20_000));
        yield return ("6,666 tags begun", Repeat("<a ", 6_666));
        yield return ("10,000 escaped brackets", Repeat("\\[", 10_000));
        yield return ("10,000 footnotes begun", Repeat("[^", 10_000));
    }

    /// <summary>Inserts every text into a new document, then reads it every way that renders; each call must succeed within <see cref="Bound"/>.</summary>
    public static async Task RunAsync(FuzzServer server, FuzzReport report)
    {
        var document = await server.Secretariat.CreateDocumentAsync("Fuzz pathological", Contracts.DocumentKind.Report, "Start.");
        await using var raw = await server.ConnectAsync();
        var count = 0;
        foreach (var (label, text) in Texts())
        {
            count++;
            if (text.Length > 20_000)
                throw new InvalidOperationException($"{label} is {text.Length} characters: not a valid paragraph");
            var clock = Stopwatch.StartNew();
            var answer = await raw.InvokeAsync("InsertParagraph", $"{{\"documentId\":\"{document.Id}\",\"kind\":\"text\",\"text\":{Fuzz.Quote(text)}}}");
            if (answer.Result is null)
                report.Fail($"pathological text ({label})", $"refused although valid: {answer}");
            else if (clock.Elapsed > Bound)
                report.Fail($"pathological text ({label})", $"took {clock.Elapsed.TotalSeconds:N1} s to insert");
        }
        report.ValidPathological = count;
        string[] reads =
        [
            "", "?version=2", "/events?limit=5000", "/timeline", "/diff?from=1", "/compare?from=1", "/progress", "/activity",
            "/export?format=html", "/export?format=markdown", "/export?format=docx", "/export?format=akn", "/export?format=docx&compareTo=1",
        ];
        foreach (var read in reads)
        {
            var clock = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/documents/{document.Id}{read}");
            request.Headers.Authorization = new("Bearer", server.Token);
            using var response = await server.Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
                report.Fail($"reading the pathological texts ({read})", $"{(int)response.StatusCode} {Fuzz.Clip(Encoding.UTF8.GetString(body))}");
            else if (clock.Elapsed > Bound)
                report.Fail($"reading the pathological texts ({read})", $"took {clock.Elapsed.TotalSeconds:N1} s");
        }
    }
}
