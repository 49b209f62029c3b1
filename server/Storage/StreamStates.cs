using System.Collections.Concurrent;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Storage;

/// <summary>
/// Each stream's folded state, kept in memory on this node and brought up to date from the stream before use. The
/// per-stream gate is an in-process queue: an optimisation that spares needless concurrency conflicts; the stream's
/// expected version stays the arbiter. Documents and questionnaires both keep their states here.
/// </summary>
/// <param name="catchUp">Folds the events after the kept state (null: none yet) into it; null when the id names no such stream.</param>
/// <param name="missing">The refusal for an id that names no such stream.</param>
public sealed class StreamStates<TState>(Func<Guid, TState?, CancellationToken, Task<TState?>> catchUp, Func<Guid, Refusal> missing)
    where TState : class
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>How many streams have an entry on this node (for tests).</summary>
    internal int Count => entries.Count;

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public TState? State;
    }

    /// <summary>
    /// Runs <paramref name="work"/> alone for this stream on this node, with its state caught up; <paramref name="work"/>
    /// may ask for the state caught up again (after another node appended first).
    /// </summary>
    public async Task<T> WithStateAsync<T>(Guid id, Func<TState, Func<Task<TState>>, Task<T>> work, CancellationToken ct)
    {
        var entry = entries.GetOrAdd(id, _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            var state = await CatchUpAsync(entry, id, ct);
            return await work(state, async () => await CatchUpAsync(entry, id, CancellationToken.None));
        }
        catch (Exception e) when (e is not RefusedException { Refusal.Code: not ErrorCode.Unavailable })
        {
            // After a failure we cannot tell what the database has: fold again from the stream next time.
            entry.State = null;
            throw;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<TState> CatchUpAsync(Entry entry, Guid id, CancellationToken ct)
    {
        if (await catchUp(id, entry.State, ct) is not { } state)
        {
            // No entry stays behind for an id that names nothing: a client sending made-up ids would grow the cache for ever.
            entries.TryRemove(KeyValuePair.Create(id, entry));
            throw new RefusedException(missing(id));
        }
        entry.State = state;
        return state;
    }
}
