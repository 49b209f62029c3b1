using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Who is on which paragraph, per document and connection. Changes are gathered and sent at most
/// once a second per document (PROTOCOL.md §3): members, chair and secretariat one entry per
/// connection; observers only counted. Each node tells its own connections, and counts in the other
/// nodes' entries through the <see cref="IPresenceExchange"/> (nothing to count without Redis).
/// </summary>
public sealed class PresenceTracker(IHubContext<DraftingHub, IDraftingClient> hub, IPresenceExchange exchange, ILogger<PresenceTracker> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresenceEntry>> documents = new();
    private readonly ConcurrentDictionary<Guid, byte> changed = new();
    /// <summary>Per document, the view last sent and the connections that have it.</summary>
    private readonly Dictionary<Guid, (string View, HashSet<string> Told)> sent = [];

    public void Join(Guid documentId, string connectionId, Actor actor) =>
        Set(documentId, connectionId, new PresenceEntry(actor.ParticipantId, actor.Name, actor.Delegation, actor.Role, null));

    public void Focus(Guid documentId, string connectionId, Guid? paragraphId)
    {
        if (documents.TryGetValue(documentId, out var entries) && entries.TryGetValue(connectionId, out var entry))
            Set(documentId, connectionId, entry with { ParagraphId = paragraphId });
    }

    public bool IsJoined(Guid documentId, string connectionId) =>
        documents.TryGetValue(documentId, out var entries) && entries.ContainsKey(connectionId);

    public void Leave(Guid documentId, string connectionId)
    {
        if (documents.TryGetValue(documentId, out var entries) && entries.TryRemove(connectionId, out _))
            changed[documentId] = 0;
    }

    public void LeaveAll(string connectionId)
    {
        foreach (var documentId in documents.Keys)
            Leave(documentId, connectionId);
    }

    private static PresenceView View(Guid documentId, IReadOnlyList<PresenceEntry> entries) =>
        new(documentId, [.. entries.Where(p => p.Role != Role.Observer)], entries.Count(p => p.Role == Role.Observer));

    private void Set(Guid documentId, string connectionId, PresenceEntry entry)
    {
        documents.GetOrAdd(documentId, _ => new())[connectionId] = entry;
        changed[documentId] = 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Every document someone here follows (the other nodes may have changed), and those just left.
            foreach (var documentId in documents.Where(d => !d.Value.IsEmpty).Select(d => d.Key).Union(changed.Keys).ToList())
            {
                changed.TryRemove(documentId, out _);
                try
                {
                    await TellAsync(documentId);
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Presence of {Document} not sent", documentId);
                }
            }
        }
    }

    /// <summary>
    /// Sends this node's connections the document's presence on every node: all of them when it changed, else only
    /// those that joined since (one that replaced an identical connection, as a page reload does, leaves it unchanged).
    /// </summary>
    private async Task TellAsync(Guid documentId)
    {
        var here = documents.TryGetValue(documentId, out var entries) ? entries.ToArray() : [];
        PresenceEntry[] local = [.. here.Select(e => e.Value)];
        var others = await exchange.ExchangeAsync(documentId, local);
        if (here.Length == 0)
        {
            sent.Remove(documentId);
            return;
        }
        var view = View(documentId, [.. local, .. others]);
        var json = System.Text.Json.JsonSerializer.Serialize(view, ProtocolJson.Options);
        var connections = here.Select(e => e.Key).ToHashSet();
        var to = sent.TryGetValue(documentId, out var last) && last.View == json ? [.. connections.Except(last.Told)] : connections.ToList();
        sent[documentId] = (json, connections);
        if (to.Count > 0)
            await hub.Clients.Clients(to).Presence(view);
    }
}
