using System.Globalization;
using System.Text;

namespace WGEC.Drafting.Load;

/// <summary>results.md, samples.csv and, for several observer counts, latency-vs-observers.svg.</summary>
public static class Report
{
    public static string Markdown(Options options, Samples? insert, double? insertPerSecond, Samples echo, IReadOnlyList<RunResult> runs)
    {
        static string Row(string what, Samples? s) => s is null
            ? $"| {what} | n/a | n/a | n/a | n/a | 0 |"
            : $"| {what} | {Samples.F(s.Percentile(50))} | {Samples.F(s.Percentile(95))} | {Samples.F(s.Percentile(99))} | {Samples.F(s.Percentile(100))} | {s.Count} |";
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{options.Editors} editors at {Samples.F(options.Rate, "0.##")} edits/s each, {options.Paragraphs} paragraphs, {options.Seconds} s per load, observers {string.Join(", ", options.Observers)}.");
        md.AppendLine();
        md.AppendLine("| latency (ms) | p50 | p95 | p99 | max | samples |");
        md.AppendLine("|---|---|---|---|---|---|");
        md.AppendLine(Row("bare insert + commit", insert));
        md.AppendLine(Row("bare echo round trip", echo));
        foreach (var run in runs)
        {
            md.AppendLine(Row($"ack, {run.Observers} observers", run.Ack));
            md.AppendLine(Row($"fan-out, {run.Observers} observers", run.FanOut));
        }
        md.AppendLine();
        md.AppendLine("| observers | applied | merged | conflict | refused | acked/s | bare insert/s | ack p99 / (insert p99 + echo p99) | server CPU s | server RSS MB | KB per connection | lost | duplicated |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Observers} | {r.Applied} | {r.Merged} | {r.Conflict} | {r.Refused} | {Samples.F(r.Throughput, "0.0")} | {Opt(insertPerSecond, "0")} | {Samples.F(Ratio(r, insert, echo))} | {Opt(r.CpuSeconds)} | {Opt(r.RssMb, "0")} | {Opt(r.KbPerConnection, "0")} | {r.Lost} | {r.Duplicated} |");
        md.AppendLine();
        md.AppendLine("ack = EditParagraph sent → its result; fan-out = sent → the last observer (the last editor when there are none) has the version's Applied; lost = versions after its join a receiver never got; CPU over the load only; KB per connection = server RSS growth while connecting ÷ connections.");
        return md.ToString();
    }

    public static double Ratio(RunResult run, Samples? insert, Samples echo) =>
        run.Ack.Percentile(99) / ((insert?.Percentile(99) ?? double.NaN) + echo.Percentile(99));

    private static string Opt(double? value, string format = "0.00") => value is { } v ? Samples.F(v, format) : "n/a";

    public static string Csv(IEnumerable<Samples> all)
    {
        var csv = new StringBuilder("kind,ms\n");
        foreach (var samples in all)
            foreach (var ms in samples.Values)
                csv.Append(samples.Kind).Append(',').AppendLine(Samples.F(ms, "0.###"));
        return csv.ToString();
    }

    /// <summary>p50 and p99 of ack and fan-out against the observer count; a plain polyline chart.</summary>
    public static string Svg(IReadOnlyList<RunResult> runs, double floor)
    {
        const int w = 640, h = 400, left = 60, bottom = 40, top = 20, right = 160;
        var series = new (string Name, string Color, Func<RunResult, double> Value)[]
        {
            ("ack p50", "#1f77b4", r => r.Ack.Percentile(50)), ("ack p99", "#aec7e8", r => r.Ack.Percentile(99)),
            ("fan-out p50", "#d62728", r => r.FanOut.Percentile(50)), ("fan-out p99", "#ff9896", r => r.FanOut.Percentile(99)),
        };
        var maxY = Math.Max(1, runs.SelectMany(r => series.Select(s => s.Value(r))).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max()) * 1.1;
        var maxX = Math.Max(1, runs.Max(r => r.Observers));
        string X(double v) => Samples.F(left + (v / maxX * (w - left - right)), "0.#");
        string Y(double v) => Samples.F(h - bottom - (v / maxY * (h - top - bottom)), "0.#");
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - right}\" y2=\"{h - bottom}\" stroke=\"black\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{h - bottom}\" stroke=\"black\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{(w - right) / 2}\" y=\"{h - 8}\">observers</text><text x=\"4\" y=\"{top}\">ms</text><text x=\"4\" y=\"{top + 14}\">{Samples.F(maxY, "0")}</text>");
        if (!double.IsNaN(floor)) // insert p99 + echo p99: the floor an edit cannot go below
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(floor)}\" x2=\"{w - right}\" y2=\"{Y(floor)}\" stroke=\"gray\" stroke-dasharray=\"4 4\"/><text x=\"{w - right + 10}\" y=\"{Y(floor)}\" fill=\"gray\">insert+echo p99</text>");
        foreach (var r in runs)
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{X(r.Observers)}\" y=\"{h - bottom + 14}\">{r.Observers}</text>");
        for (var i = 0; i < series.Length; i++)
        {
            var (name, color, value) = series[i];
            var points = string.Join(' ', runs.Where(r => !double.IsNaN(value(r))).Select(r => $"{X(r.Observers)},{Y(value(r))}"));
            svg.AppendLine(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{w - right + 10}\" y=\"{top + 20 + (i * 16)}\" fill=\"{color}\">{name}</text>");
        }
        return svg.Append("</svg>\n").ToString();
    }
}
