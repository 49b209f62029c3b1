using System.Collections.Concurrent;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Writing;

/// <summary>
/// Each document's decision state, kept in memory on this node and brought up to date from the
/// stream when it may be stale. The per-document gate is an in-process queue: an optimisation
/// that spares needless concurrency conflicts; the stream's expected version stays the arbiter.
/// </summary>
public sealed class DocumentCache(DocumentStreams streams)
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>How many documents have an entry on this node (for tests).</summary>
    internal int Count => entries.Count;

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DocumentState? State;
    }

    /// <summary>Runs <paramref name="work"/> alone for this document on this node, with its state caught up to the stream.</summary>
    public async Task<T> WithStateAsync<T>(Guid documentId, Func<DocumentState, Func<Task<DocumentState>>, Task<T>> work, CancellationToken ct)
    {
        var entry = entries.GetOrAdd(documentId, _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            var state = await CatchUpAsync(entry, documentId, ct);
            return await work(state, async () => await CatchUpAsync(entry, documentId, CancellationToken.None));
        }
        catch (Exception e) when (e is not RefusedException { Refusal.Code: not Contracts.ErrorCode.Unavailable })
        {
            // After a failure we cannot tell what the database has: rebuild from the stream next time.
            entry.State = null;
            throw;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<DocumentState> CatchUpAsync(Entry entry, Guid documentId, CancellationToken ct)
    {
        var state = entry.State ?? new DocumentState();
        foreach (var e in await streams.ReadAsync(documentId, from: state.Version + 1, ct: ct))
            state.Apply((DocumentEvent)e.Data, e.Version, Timestamps.Trim(e.Timestamp));
        if (state.Version == 0)
        {
            // No entry stays behind for an id that names no document: a client sending made-up ids would grow the cache for ever.
            entries.TryRemove(KeyValuePair.Create(documentId, entry));
            throw new RefusedException(Refusal.NotFound($"document {documentId} does not exist"));
        }
        entry.State = state;
        return state;
    }
}
