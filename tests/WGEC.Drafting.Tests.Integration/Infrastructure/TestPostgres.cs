using Microsoft.Extensions.Logging.Abstractions;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test process, started on first use and deleted
/// at process exit. Test classes share it and isolate themselves by schema.
/// </summary>
/// <remarks>
/// VSTest kills the test host about 100 ms after the run, usually mid clean-up: the stop signal is
/// sent by then, so the server goes down, but the folder may stay. The next run removes it; set
/// VSTEST_TESTHOST_SHUTDOWN_TIMEOUT=10000 (ms) to let the clean-up finish in the same run.
/// </remarks>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Started.Value;

    private static async Task<string> StartAsync()
    {
        await RemoveLeftoversAsync();
        var folder = TemporaryFolder.Create();
        var postgres = new EmbeddedPostgres(
            new EmbeddedPostgresOptions { DataDirectory = folder.Path }, NullLogger<EmbeddedPostgres>.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                postgres.StopAsync().Wait(TimeSpan.FromSeconds(30));
            }
            finally
            {
                folder.Dispose();
            }
        };
        return await postgres.StartAsync();
    }

    // A killed test run leaves its cluster running: take each one over, stop it, delete its folder.
    private static async Task RemoveLeftoversAsync()
    {
        foreach (var leftover in TemporaryFolder.Leftovers())
        {
            try
            {
                if (File.Exists(Path.Combine(leftover, "postgres", "postmaster.pid")))
                {
                    await using var postgres = new EmbeddedPostgres(
                        new EmbeddedPostgresOptions { DataDirectory = leftover }, NullLogger<EmbeddedPostgres>.Instance);
                    await postgres.StartAsync();
                }
                Directory.Delete(leftover, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Best effort: a leftover we cannot clean must not fail this run.
            }
        }
    }
}
