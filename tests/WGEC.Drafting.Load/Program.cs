using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Load;

if (Options.Parse(args) is not { } options)
{
    Console.WriteLine(Options.Help);
    return args is ["--help"] or ["-h"] ? 0 : 2;
}
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

await using var target = await Target.StartAsync(options);
Console.WriteLine($"server at {target.Address}{(target.ProcessId is { } pid ? $" (pid {pid}, started by the tool)" : "")}");
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
var cast = new Cast(target.Address, handler);
var secretariat = await cast.SecretariatAsync(target.Invite);
if (options.History is { } history)
    return await HistoryRun.RunAsync(history, target, secretariat, cast);
var editors = await cast.InviteAsync(secretariat.Api, options.Editors, Role.Member);
var observers = await cast.InviteAsync(secretariat.Api, options.Observers.Max(), Role.Observer);
var markdown = await File.ReadAllTextAsync(SamplesFolder.Find("recommendations.md"));

// A short untimed load first: the server's first edits pay for JIT and pools, which no figure should include.
await new LoadRun(options with { Seconds = 2 }, target, secretariat, markdown).RunAsync(editors, []);

// Baselines next, in the same run, on an idle (warm) server.
Samples? insert = null;
double? insertPerSecond = null;
if (target.ConnectionString is { } database)
{
    (insert, insertPerSecond) = await Baselines.InsertAsync(database, options.Editors);
    Console.WriteLine($"insert p50 {Samples.F(insert.Percentile(50))} p99 {Samples.F(insert.Percentile(99))} ms; {Samples.F(insertPerSecond.Value, "0")}/s with {options.Editors} writers");
}
var echo = await Baselines.EchoAsync(target.Address);
Console.WriteLine($"echo p50 {Samples.F(echo.Percentile(50))} p99 {Samples.F(echo.Percentile(99))} ms");

var runs = new List<RunResult>();
foreach (var count in options.Observers)
{
    var run = await new LoadRun(options, target, secretariat, markdown).RunAsync(editors, observers[..count]);
    runs.Add(run);
    Console.WriteLine($"{count} observers: ack p99 {Samples.F(run.Ack.Percentile(99))} ms, fan-out p99 {Samples.F(run.FanOut.Percentile(99))} ms, lost {run.Lost}");
}

Directory.CreateDirectory(options.Out);
var markdownReport = Report.Markdown(options, insert, insertPerSecond, echo, runs);
await File.WriteAllTextAsync(Path.Combine(options.Out, "results.md"), markdownReport);
await File.WriteAllTextAsync(Path.Combine(options.Out, "samples.csv"),
    Report.Csv(new[] { insert, echo }.OfType<Samples>().Concat(runs.SelectMany(r => new[] { r.Ack, r.FanOut }))));
if (runs.Count > 1)
    await File.WriteAllTextAsync(Path.Combine(options.Out, "latency-vs-observers.svg"), Report.Svg(runs, (insert?.Percentile(99) ?? double.NaN) + echo.Percentile(99)));
Console.WriteLine();
Console.WriteLine(markdownReport);

// The last line sums up the last (usually the largest) load; lost counts every load.
var final = runs[^1];
Console.WriteLine($"ack p99 / (insert p99 + echo p99) = {Samples.F(Report.Ratio(final, insert, echo))}; fan-out p99 = {Samples.F(final.FanOut.Percentile(99), "0")} ms; lost = {runs.Sum(r => r.Lost)}");
return runs.Sum(r => r.Lost) == 0 ? 0 : 1;
