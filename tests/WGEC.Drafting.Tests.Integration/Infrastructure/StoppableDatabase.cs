using Microsoft.Extensions.Logging.Abstractions;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own, which a test may stop and start again while a server uses it. It
/// comes back on the same port, so the server's connection string stays valid, as with a real database restart.
/// </summary>
public sealed class StoppableDatabase : IAsyncDisposable
{
    private readonly TemporaryFolder folder = TemporaryFolder.Create();
    private readonly EmbeddedPostgres postgres;

    public StoppableDatabase() =>
        postgres = new EmbeddedPostgres(
            new EmbeddedPostgresOptions { DataDirectory = folder.Path, Port = ServerProcess.FreePort() }, NullLogger<EmbeddedPostgres>.Instance);

    public Task<string> StartAsync() => postgres.StartAsync();

    /// <summary>A fast shutdown: open transactions are rolled back, connections closed.</summary>
    public Task StopAsync() => postgres.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await postgres.DisposeAsync();
        folder.Dispose();
    }
}
