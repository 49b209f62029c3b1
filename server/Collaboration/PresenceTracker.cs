using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Who is on which paragraph, per document and connection. Changes are gathered and sent at most
/// once a second per document (PROTOCOL.md §3): members, chair and secretariat one entry per
/// connection; observers only counted.
/// </summary>
public sealed class PresenceTracker(IHubContext<DraftingHub, IDraftingClient> hub, ILogger<PresenceTracker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresenceEntry>> documents = new();
    private readonly ConcurrentDictionary<Guid, byte> changed = new();

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

    public PresenceView View(Guid documentId)
    {
        var entries = documents.TryGetValue(documentId, out var e) ? e.Values.ToList() : [];
        return new PresenceView(documentId, [.. entries.Where(p => p.Role != Role.Observer)], entries.Count(p => p.Role == Role.Observer));
    }

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
            foreach (var documentId in changed.Keys)
            {
                changed.TryRemove(documentId, out _);
                try
                {
                    await hub.Clients.Group(Broadcaster.Group(documentId)).Presence(View(documentId));
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Presence of {Document} not sent", documentId);
                }
            }
        }
    }
}
