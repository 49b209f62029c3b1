using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Closes the live connections of participants revoked elsewhere — on another node sharing the
/// database — within about a second: one query a second for everyone connected to this node.
/// (A revocation on this node closes them at once, in the revoking call.)
/// </summary>
public sealed class RevocationSweep(Connections connections, ParticipantDirectory directory, ILogger<RevocationSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ParticipantDirectory.Freshness);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var connected = connections.Participants;
            if (connected.Count == 0)
                continue;
            try
            {
                var current = await directory.ReadAsync(connected, stoppingToken);
                foreach (var id in connected.Where(id => current.GetValueOrDefault(id) is not { IsActive: true }))
                    connections.CloseAll(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Revocation sweep skipped a round");
            }
        }
    }
}
