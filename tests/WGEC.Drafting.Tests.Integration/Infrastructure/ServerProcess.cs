using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// The server as a user starts it: its own process, configured only through the environment, with
/// the address and the secretariat's sign-in link read from what it prints.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<(Uri Address, string? Code)> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? printedCode;

    private ServerProcess(IReadOnlyDictionary<string, string> environment, int port = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "WGEC.Drafting.Server.dll"),
                "--urls", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ConnectionStrings__Drafting");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Read(line.Data);
        process.ErrorDataReceived += (_, line) => Read(line.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"server exited ({process.ExitCode}):\n{Output}"));
    }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The code of the printed sign-in link, when one was printed.</summary>
    public string? InviteCode { get; private set; }

    /// <summary>The operating system's id of the server process.</summary>
    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The server process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Starts the server on <paramref name="port"/> (0: any free one), e.g. the port of a server that was killed.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int port = 0)
    {
        var server = new ServerProcess(environment, port);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        (server.Address, server.InviteCode) = await server.ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Runs the server to its exit, for start-up failures: the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var server = new ServerProcess(environment);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        server.process.WaitForExit();
        return (server.process.ExitCode, server.Output);
    }

    /// <summary>Stops it the way a service manager does (SIGTERM) and waits for a clean exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        return process.ExitCode;
    }

    /// <summary>
    /// Kills the server process the way <c>kill -9</c> does: no shutdown of any kind. Its children (the
    /// embedded PostgreSQL) are left running, as they would be after a real crash.
    /// </summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A REST client of this server, signed in when given a token.</summary>
    public WGEC.Drafting.Client.DraftingApi Api(string? token = null) => new(new HttpClient { BaseAddress = Address }) { Token = token };

    /// <summary>What <c>GET /health</c> answers now (no token).</summary>
    public async Task<System.Net.HttpStatusCode> HealthAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>A loopback port nobody listens on now, for a server that must come back on the same address.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Read(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
        // The link, when there is one, comes first; the ready line always comes last.
        if (LinkLine().Match(line) is { Success: true } l)
            printedCode = l.Groups[2].Value;
        if (ReadyLine().Match(line) is { Success: true } r)
            ready.TrySetResult((new Uri(r.Groups[1].Value + "/"), printedCode));
    }

    [GeneratedRegex(@"is ready at (http://\S+)")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"sign-in: (http://[^/\s]+)/join/(\S+)$")]
    private static partial Regex LinkLine();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
