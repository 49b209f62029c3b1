using System.Collections.Concurrent;
using System.Threading.Channels;
using JasperFx.Events;
using Microsoft.AspNetCore.SignalR;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Citing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Writing;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Sends committed events to everyone who joined the document, in version order, from one queue
/// per document: the writer only enqueues, so an editor's answer never waits for slow observers.
/// </summary>
public sealed class Broadcaster(
    IHubContext<DraftingHub, IDraftingClient> hub, Envelopes envelopes, Operations.DraftingMetrics metrics, ILogger<Broadcaster> log) : ICommittedEvents
{
    private readonly ConcurrentDictionary<Guid, Channel<(IEvent Event, long CommittedAt)>> queues = new();

    public static string Group(Guid documentId) => $"document:{documentId:N}";

    public void Publish(Guid documentId, IReadOnlyList<IEvent> events)
    {
        var queue = queues.GetOrAdd(documentId, id =>
        {
            var channel = Channel.CreateUnbounded<(IEvent, long)>(new UnboundedChannelOptions { SingleReader = true });
            _ = Task.Run(() => PumpAsync(id, channel.Reader));
            return channel;
        });
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var e in events)
            queue.Writer.TryWrite((e, now));
    }

    private async Task PumpAsync(Guid documentId, ChannelReader<(IEvent Event, long CommittedAt)> reader)
    {
        var group = hub.Clients.Group(Broadcaster.Group(documentId));
        await foreach (var (e, committedAt) in reader.ReadAllAsync())
        {
            // Not awaited: a group send completes only when its slowest connection has taken the
            // message, and one connection that stopped reading must not freeze everyone's live view.
            // SignalR queues writes per connection in order, and drops a connection whose client
            // stops answering (its client timeout); clients that miss an envelope see the gap and
            // fetch it with GET /events?after=.
            var send = group.Applied(envelopes.From(e));
            metrics.HandedOver(committedAt);
            if (!send.IsCompletedSuccessfully)
                _ = LogFailureAsync(send, "Broadcast", documentId, e.Version);
            // A citation changes the cited annex's rows too (their citedBy), though not its stream:
            // those following the annex hear of it, in the same order as the citing document's events.
            if (CitedNotice.For(e.Data) is { } cited)
            {
                var notice = hub.Clients.Group(Group(cited.DocumentId)).Cited(cited);
                if (!notice.IsCompletedSuccessfully)
                    _ = LogFailureAsync(notice, "Citation notice", documentId, e.Version);
            }
        }
    }

    private async Task LogFailureAsync(Task send, string what, Guid documentId, long version)
    {
        try
        {
            await send;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "{What} of {Document} v{Version} failed", what, documentId, version);
        }
    }
}
