using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace WGEC.Drafting.Collaboration;

/// <summary>Live hub connections per participant, so a revocation can close them at once.</summary>
public sealed class Connections(Operations.DraftingMetrics metrics)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byParticipant = new();

    /// <summary>The participants that have at least one live connection on this node.</summary>
    public IReadOnlyCollection<Guid> Participants => [.. byParticipant.Where(p => !p.Value.IsEmpty).Select(p => p.Key)];

    public void Add(Guid participantId, HubCallerContext context)
    {
        if (byParticipant.GetOrAdd(participantId, _ => new()).TryAdd(context.ConnectionId, context))
            metrics.Connected();
    }

    public void Remove(Guid participantId, string connectionId)
    {
        if (byParticipant.TryGetValue(participantId, out var contexts) && contexts.TryRemove(connectionId, out _))
            metrics.Disconnected();
    }

    public void CloseAll(Guid participantId)
    {
        if (!byParticipant.TryRemove(participantId, out var contexts))
            return;
        foreach (var context in contexts.Values)
        {
            metrics.Disconnected(); // its OnDisconnected will find it gone
            context.Abort();
        }
    }
}
