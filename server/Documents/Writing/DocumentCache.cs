using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Writing;

/// <summary>
/// Each document's decision state, kept in memory on this node (<see cref="StreamStates{TState}"/>) and brought up to
/// date from the stream when it may be stale.
/// </summary>
public sealed class DocumentCache(DocumentStreams streams)
{
    private readonly StreamStates<DocumentState> states = new(
        async (id, kept, ct) =>
        {
            var state = kept ?? new DocumentState();
            foreach (var e in await streams.ReadAsync(id, from: state.Version + 1, ct: ct))
                state.Apply((DocumentEvent)e.Data, e.Version, Timestamps.Trim(e.Timestamp));
            return state.Version == 0 ? null : state;
        },
        id => Refusal.NotFound($"document {id} does not exist"));

    /// <summary>How many documents have an entry on this node (for tests).</summary>
    internal int Count => states.Count;

    /// <summary>Runs <paramref name="work"/> alone for this document on this node, with its state caught up to the stream.</summary>
    public Task<T> WithStateAsync<T>(Guid documentId, Func<DocumentState, Func<Task<DocumentState>>, Task<T>> work, CancellationToken ct) =>
        states.WithStateAsync(documentId, work, ct);
}
