namespace WGEC.Drafting.Storage;

/// <summary>
/// Runs the PostgreSQL tools against one cluster. PostgreSQL refuses to run as root, so when this
/// process is root the tools run as the <c>postgres</c> system user (<c>runuser -u postgres --</c>)
/// and the folders they write are handed to that user; an ordinary user runs them directly.
/// </summary>
internal sealed class ClusterTools(PostgresBinaries binaries, string workingDirectory)
{
    public const string ServiceUser = "postgres";

    private readonly bool asServiceUser = RunningAsRoot();

    public static bool RunningAsRoot()
    {
        if (OperatingSystem.IsWindows())
            return false;
        // "Uid:\treal\teffective\tsaved\tfs" on Linux; the user name is the portable fallback.
        if (File.Exists("/proc/self/status"))
        {
            var uid = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:"));
            var fields = uid?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields is { Length: > 2 })
                return fields[2] == "0";
        }
        return Environment.UserName == "root";
    }

    public Task<ChildProcess.Result> InitDbAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        RunAsync(binaries.InitDb, arguments, ct);

    public Task<ChildProcess.Result> PgCtlAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        RunAsync(binaries.PgCtl, arguments, ct);

    /// <summary>Gives a file or (empty) folder to the user the server runs as; a no-op unless root.</summary>
    public async Task HandOverAsync(string path, CancellationToken ct)
    {
        if (!asServiceUser)
            return;
        var result = await ChildProcess.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", path], workingDirectory, ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Could not give '{path}' to the '{ServiceUser}' user: {result.Output}");
    }

    /// <summary>
    /// Fails with a clear message when the service user cannot reach the data folder (e.g. it is
    /// under /root), instead of an obscure error from initdb or pg_ctl later.
    /// </summary>
    public async Task EnsureReachableAsync(string folder, CancellationToken ct)
    {
        if (!asServiceUser)
            return;
        var result = await ChildProcess.RunAsync(RunUser, ["-u", ServiceUser, "--", "test", "-x", folder], "/", ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The '{ServiceUser}' user cannot reach '{folder}' ({result.Output.ReplaceLineEndings(" ")}): "
                + "choose a data folder it can traverse, outside root's home (e.g. /var/lib/wgec-drafting).");
        }
    }

    private Task<ChildProcess.Result> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct) =>
        asServiceUser
            ? ChildProcess.RunAsync(RunUser, ["-u", ServiceUser, "--", tool, .. arguments], workingDirectory, ct)
            : ChildProcess.RunAsync(tool, arguments, workingDirectory, ct);

    private static string RunUser { get; } =
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";
}
