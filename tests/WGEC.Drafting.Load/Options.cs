using System.Globalization;

namespace WGEC.Drafting.Load;

public sealed record Options(
    int Editors, int[] Observers, int Seconds, double Rate, int Paragraphs, Uri? Url, string? Invite, string? Database, string Out, int Documents = 1)
{
    /// <summary>--history N: only the time-travel read measurement (HistoryRun.cs), on an N-event document.</summary>
    public int? History { get; init; }

    public const string Help = """
        WGEC.Drafting load tool: baselines (bare PostgreSQL insert, bare SignalR echo) then edits under load.

          --editors N        editing members, of varied delegations (default 20)
          --observers M[,M]  observers; a comma list runs one load per value with the same editors (default 0)
          --seconds S        length of each load (default 10)
          --rate R           edits a second per editor (default 2); 0 = as fast as the answers come (throughput)
          --documents D      editor i edits document i mod D; observers follow the first (default 1)
          --paragraphs P     paragraphs edited; a few are hot so that edits meet and merge (default 20)
          --url URL --invite CODE
                             a running server and its secretariat invite code; it must run with
                             Drafting:Diagnostics=true for the echo baseline. Add --database CONNSTRING
                             (its database) for the insert baseline, and the CPU/memory figures are skipped.
          --history N        instead of the load: a document with an N-event history, then reads at random
                             versions over REST against a bare snapshot + events read (HistoryRun.cs)
          --out DIR          where results.md, samples.csv and latency-vs-observers.svg go (default ./load-results)

        Without --url the tool starts everything itself: a private PostgreSQL cluster under /var/tmp (as the
        postgres user when root, like the server's own), then the server as a child process on it with
        Drafting:Diagnostics=true and a fixed secretariat invite code. The server binary is the
        WGEC.Drafting.Server.dll built beside this tool (a project reference): `dotnet run -c Release --project
        tests/WGEC.Drafting.Load` builds both in Release first.
        """;

    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h" || !args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                return null;
            values[args[i][2..]] = args[++i];
        }
        string? Get(string key) => values.GetValueOrDefault(key);
        int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Int("editors", 20),
            (Get("observers") ?? "0").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
            Int("seconds", 10),
            Get("rate") is { } r ? double.Parse(r, CultureInfo.InvariantCulture) : 2,
            Int("paragraphs", 20),
            Get("url") is { } u ? new Uri(u.EndsWith('/') ? u : u + "/") : null,
            Get("invite"),
            Get("database"),
            Get("out") ?? "load-results",
            Int("documents", 1))
        { History = Get("history") is { } h ? int.Parse(h, CultureInfo.InvariantCulture) : null };
    }
}
