using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WGEC.Drafting.Storage;

/// <summary>
/// A private PostgreSQL cluster run with the machine's binaries: created on first start in
/// <c>{DataDirectory}/postgres</c>, reused (data kept) on later starts, listening on a free loopback
/// port with password authentication, stopped with a fast shutdown.
/// </summary>
/// <remarks>
/// <see cref="StartAsync"/> is idempotent and thread-safe, so the composition root can await it
/// early (to hand the connection string to Marten) and the hosted service can call it again.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The database the application uses inside the cluster.</summary>
    public const string DatabaseName = "drafting";

    private const string SuperUser = "postgres";
    private const int BindAttempts = 3;

    private readonly EmbeddedPostgresOptions options;
    private readonly ILogger<EmbeddedPostgres> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? connectionString;
    private RunningServer? running;

    public EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger<EmbeddedPostgres> logger)
    {
        this.options = options;
        this.logger = logger;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>The Npgsql connection string of the running cluster; null when stopped.</summary>
    public string? ConnectionString => Volatile.Read(ref connectionString);

    private string DataDirectory { get; }

    private string ClusterDirectory => Path.Combine(DataDirectory, "postgres");

    private string PasswordFile => Path.Combine(DataDirectory, "postgres.password");

    private string LogFile => Path.Combine(ClusterDirectory, "server.log");

    /// <summary>
    /// A per-user folder that survives restarts. As root it is under /var/lib, because root's home
    /// cannot be traversed by the postgres user the cluster runs as.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        const string name = "wgec-drafting";
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), name);
        if (ClusterTools.RunningAsRoot())
            return Path.Combine("/var/lib", name);
        var xdgDataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.IsPathFullyQualified(xdgDataHome ?? "")
            ? Path.Combine(xdgDataHome!, name)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", name);
    }

    /// <summary>Starts the cluster (creating it the first time) and returns its connection string.</summary>
    /// <exception cref="PostgresNotInstalledException">No PostgreSQL server binaries were found.</exception>
    public async Task<string> StartAsync(CancellationToken ct = default)
    {
        if (ConnectionString is { } running)
            return running;
        await gate.WaitAsync(ct);
        try
        {
            return ConnectionString ?? await StartLockedAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the cluster this instance started (fast shutdown); does nothing if it is not running.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await StopLockedAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<string> StartLockedAsync(CancellationToken ct)
    {
        var binaries = await PostgresBinaries.LocateAsync(options.BinDirectory, ct);
        Directory.CreateDirectory(DataDirectory);
        var tools = new ClusterTools(binaries, DataDirectory);
        await tools.EnsureReachableAsync(DataDirectory, ct);

        await new ClusterInitializer(tools, ClusterDirectory, PasswordFile, SuperUser, logger).EnsureCreatedAsync(ct);
        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        await StopStaleServerAsync(tools, ct);

        var port = await StartServerAsync(tools, ct);
        running = new RunningServer(tools, PostmasterPidFile.ReadPid(ClusterDirectory));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            var server = new NpgsqlConnectionStringBuilder
            {
                Host = IPAddress.Loopback.ToString(),
                Port = port,
                Username = SuperUser,
                Password = password,
                Database = "postgres",
            };
            await EnsureDatabaseAsync(server, ct);
            server.Database = DatabaseName;
            logger.LogInformation("Embedded PostgreSQL ({Bin}) serving {Cluster} on 127.0.0.1:{Port}",
                binaries.BinDirectory, ClusterDirectory, port);
            Volatile.Write(ref connectionString, server.ConnectionString);
            return server.ConnectionString;
        }
        catch
        {
            await StopLockedAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task StopStaleServerAsync(ClusterTools tools, CancellationToken ct)
    {
        RemovePidFileOfExitedServer();
        // 0: running, 3: not running (a stale postmaster.pid of a dead process is cleared by the server itself).
        var status = await tools.PgCtlAsync(["status", "-D", ClusterDirectory], ct);
        if (status.ExitCode != 0)
            return;
        logger.LogWarning("A PostgreSQL server left running on {Cluster} (e.g. by a killed process): stopping it", ClusterDirectory);
        await PgCtlStopAsync(tools, ct);
    }

    private async Task<int> StartServerAsync(ClusterTools tools, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port > 0 ? options.Port : FreeLoopbackPort();
            var logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            // Durability is forced here, not left to postgresql.conf: acknowledged must mean durable.
            string[] serverOptions =
            [
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c fsync=on",
                "-c synchronous_commit=on",
                "-c full_page_writes=on",
            ];
            var result = await tools.PgCtlAsync(
                ["start", "-D", ClusterDirectory, "-w", "-t", "60", "-l", LogFile, "-o", string.Join(' ', serverOptions)], ct);
            if (result.ExitCode == 0)
                return port;

            var log = ReadLogTail(logStart);
            // The port was free when picked but another process may have taken it since.
            if (options.Port == 0 && attempt < BindAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                continue;
            throw new InvalidOperationException(
                $"PostgreSQL did not start on {ClusterDirectory} (pg_ctl exit {result.ExitCode}): {result.Output}{Environment.NewLine}{LogFile}:{Environment.NewLine}{log}");
        }
    }

    private async Task StopLockedAsync(CancellationToken ct)
    {
        if (running is not { } ours)
            return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Volatile.Write(ref connectionString, null);
        running = null;
        // Another instance may have taken the cluster over since: its server is not ours to stop.
        if (PostmasterPidFile.ReadPid(ClusterDirectory) != ours.Pid)
        {
            logger.LogInformation("Embedded PostgreSQL on {Cluster} was already stopped or taken over", ClusterDirectory);
            return;
        }
        await PgCtlStopAsync(ours.Tools, ct);
        logger.LogInformation("Embedded PostgreSQL on {Cluster} stopped", ClusterDirectory);
    }

    private async Task PgCtlStopAsync(ClusterTools tools, CancellationToken ct)
    {
        var result = await tools.PgCtlAsync(["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL on {ClusterDirectory} did not stop (pg_ctl exit {result.ExitCode}): {result.Output}");
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder server, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
        if (await exists.ExecuteScalarAsync(ct) is not null)
            return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    // Removing a zombie's pid file is safe: since PostgreSQL 12 the shared memory interlock (keyed by
    // the data folder) still refuses to start while any backend of the old server survives.
    private void RemovePidFileOfExitedServer()
    {
        if (PostmasterPidFile.ReadPid(ClusterDirectory) is not { } pid || !PostmasterPidFile.IsZombie(pid))
            return;
        logger.LogWarning("PostgreSQL server {Pid} on {Cluster} has exited without cleaning up: removing its pid file", pid, ClusterDirectory);
        File.Delete(PostmasterPidFile.PathIn(ClusterDirectory));
    }

    private string ReadLogTail(long from)
    {
        try
        {
            using var log = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            log.Seek(Math.Max(from, log.Length - 8192), SeekOrigin.Begin);
            return new StreamReader(log).ReadToEnd().TrimEnd();
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Best effort for a normal exit that bypasses host shutdown; a killed process is handled by the
    // stale-server take-over on the next start.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            StopAsync().Wait(TimeSpan.FromSeconds(30));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not stop embedded PostgreSQL at process exit");
        }
    }

    /// <summary>The server this instance started, identified by its postmaster's process id.</summary>
    private sealed record RunningServer(ClusterTools Tools, int? Pid);
}
