using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using WGEC.Drafting.Storage;

// Linux only: the cluster runs as the postgres user and the server figures come from /proc.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace WGEC.Drafting.Load;

/// <summary>
/// The server under load: either one already running (--url), or a private PostgreSQL cluster and the
/// server binary as a child process on it. Owning the database gives the insert baseline the very
/// database the server writes to, without the server ever printing its connection string.
/// </summary>
public sealed partial class Target : IAsyncDisposable
{
    private const string InviteCode = "load-tool-secretariat-invite-code";
    private readonly StringBuilder output = new();
    private Process? process;
    private EmbeddedPostgres? postgres;
    private string? folder;

    public Uri Address { get; private set; } = null!;
    public string Invite { get; private set; } = "";
    public string? ConnectionString { get; private set; }

    /// <summary>The server's process id when the tool started it (for /proc figures), else null.</summary>
    public int? ProcessId => process?.Id;

    public static async Task<Target> StartAsync(Options options)
    {
        var target = new Target();
        if (options.Url is { } url)
        {
            target.Address = url;
            target.Invite = options.Invite ?? throw new ArgumentException("--url needs --invite CODE");
            target.ConnectionString = options.Database;
            return target;
        }
        await target.StartOwnAsync();
        return target;
    }

    private async Task StartOwnAsync()
    {
        // Under /var/tmp, world-traversable: as root the cluster runs as postgres, which must reach it.
        folder = Path.Combine("/var/tmp", $"wgec-load-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(folder, (UnixFileMode)0b111_101_101);
        postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(folder, "db") }, NullLogger<EmbeddedPostgres>.Instance);
        ConnectionString = await postgres.StartAsync();
        Invite = InviteCode;

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "WGEC.Drafting.Server.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Drafting"] = ConnectionString;
        start.Environment["Drafting__DataDirectory"] = Path.Combine(folder, "data");
        start.Environment["Drafting__SecretariatInviteCode"] = InviteCode;
        start.Environment["Drafting__Diagnostics"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler read = (_, line) =>
        {
            if (line.Data is null)
                return;
            lock (output)
                output.AppendLine(line.Data);
            if (ReadyLine().Match(line.Data) is { Success: true } r)
                ready.TrySetResult(new Uri(r.Groups[1].Value + "/"));
        };
        process.OutputDataReceived += read;
        process.ErrorDataReceived += read;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"server exited:\n{output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Address = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Total CPU time (user + system) and resident memory of the server process, from /proc.</summary>
    public (TimeSpan Cpu, long RssBytes)? Usage()
    {
        if (process is null || process.HasExited)
            return null;
        // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssLine = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        // Linux reports in USER_HZ, 100 on every platform .NET runs on.
        return (TimeSpan.FromMilliseconds(ticks * 10), kb * 1024);
    }

    [GeneratedRegex(@"is ready at (http://\S+)")]
    private static partial Regex ReadyLine();

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        if (postgres is not null)
            await postgres.StopAsync();
        if (folder is not null)
            Directory.Delete(folder, recursive: true);
    }
}
