using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Storage;

/// <summary>The document streams in Marten: the one place that appends and reads them.</summary>
public sealed class DocumentStreams(IDocumentStore store)
{
    public IDocumentStore Store => store;

    /// <summary>
    /// Appends after <paramref name="expectedVersion"/>; throws <see cref="ConcurrencyException"/>
    /// when someone appended first (this node or another). The inline read model commits with them.
    /// </summary>
    public Task<IReadOnlyList<IEvent>> AppendAsync(Guid documentId, long expectedVersion, IReadOnlyList<DocumentEvent> events, CancellationToken ct) =>
        Guarded(async () =>
        {
            await using var session = store.LightweightSession();
            var action = expectedVersion == 0
                ? session.Events.StartStream(documentId, events.Cast<object>().ToArray())
                : session.Events.Append(documentId, expectedVersion + events.Count, events.Cast<object>().ToArray());
            await session.SaveChangesAsync(ct);
            return (IReadOnlyList<IEvent>)action.Events;
        });

    /// <summary>
    /// Starts a stream with a history brought from elsewhere, each event stamped with the time it first
    /// happened; refused when a document with this id is already here.
    /// </summary>
    public Task<IReadOnlyList<IEvent>> ImportAsync(Guid documentId, IReadOnlyList<Documents.Importing.ImportedEvent> events, CancellationToken ct) =>
        Guarded(async () =>
        {
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(documentId, ct) is not null)
                throw new RefusedException(Refusal.Invalid($"document {documentId} is already on this server; nothing was imported"));
            var action = session.Events.StartStream(documentId, events.Select(e => e.Event).Cast<object>().ToArray());
            for (var i = 0; i < events.Count; i++)
                action.Events[i].Timestamp = events[i].At;
            await session.SaveChangesAsync(ct);
            return (IReadOnlyList<IEvent>)action.Events;
        });

    /// <summary>
    /// Events with <c>from ≤ version ≤ to</c> (to = 0: up to now), or up to a time. Other streams share the events
    /// table (questionnaires): one that is not a document's reads as no document, so its id is <c>not-found</c> here.
    /// </summary>
    public Task<IReadOnlyList<IEvent>> ReadAsync(Guid documentId, long from = 1, long to = 0, DateTimeOffset? at = null, CancellationToken ct = default) =>
        Guarded(async () =>
        {
            await using var session = store.QuerySession();
            var events = await session.Events.FetchStreamAsync(documentId, version: to, timestamp: at, fromVersion: from, token: ct);
            return events.All(e => e.Data is DocumentEvent) ? events : [];
        });

    /// <summary>Database trouble becomes <c>unavailable</c>: nothing was changed, retry with the same clientOpId.</summary>
    public static async Task<T> Guarded<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not ConcurrencyException && IsDatabaseDown(e))
        {
            throw new RefusedException(new Refusal(ErrorCode.Unavailable, "the database cannot be reached; nothing was changed"));
        }
    }

    /// <summary>
    /// Only a database that cannot be reached is "unavailable". A statement the server rejected is
    /// a bug, not an outage: it must surface as one, not as a retryable 503.
    /// </summary>
    public static bool IsDatabaseDown(Exception e) => e switch
    {
        // 08: connection exception; 53: insufficient resources; 57P: shutdown, crash, cannot connect now.
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState.StartsWith("53", StringComparison.Ordinal)
            || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException => true,
        _ => e.InnerException is { } inner && IsDatabaseDown(inner),
    };
}
