using Microsoft.Extensions.Hosting;

namespace WGEC.Drafting.Storage;

/// <summary>
/// Ties the embedded cluster to the host's lifetime. Starting is usually already done (the
/// composition root awaits <see cref="EmbeddedPostgres.StartAsync"/> to configure Marten), so the
/// main job here is the fast shutdown on Ctrl+C / SIGTERM.
/// </summary>
/// <remarks>
/// Hosted services stop in reverse order of registration: register this one before anything that
/// uses the database, so the database stops last.
/// </remarks>
public sealed class EmbeddedPostgresHostedService(EmbeddedPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => postgres.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync(cancellationToken);
}
