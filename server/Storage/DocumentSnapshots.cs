using Marten;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Storage;

/// <summary>
/// Stored <see cref="DocumentSnapshot"/>s, and the one question time travel asks the event table
/// directly. Snapshots are an optimisation: writing one is best effort and never fails a caller.
/// </summary>
public sealed class DocumentSnapshots(IDocumentStore store, ILogger<DocumentSnapshots> log)
{
    /// <summary>The latest snapshot at or before <paramref name="atOrBefore"/> (0: the latest of all), in the current format.</summary>
    public Task<DocumentSnapshot?> NearestAsync(Guid documentId, long atOrBefore, CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            IQueryable<DocumentSnapshotRow> rows = session.Query<DocumentSnapshotRow>()
                .Where(r => r.DocumentId == documentId && r.Format == DocumentSnapshot.CurrentFormat);
            if (atOrBefore > 0)
                rows = rows.Where(r => r.Version <= atOrBefore);
            var row = await rows.OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
            return row?.Snapshot;
        });

    /// <summary>
    /// The version the document was at, at <paramref name="time"/>: the last event at or before it
    /// (null: the document did not exist yet). One indexed query; no event is read into memory.
    /// </summary>
    public Task<long?> VersionAtAsync(Guid documentId, DateTimeOffset time, CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            var last = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == documentId && e.Timestamp <= time)
                .OrderByDescending(e => e.Version)
                .Take(1)
                .ToListAsync(ct);
            return last.Count == 0 ? (long?)null : last[0].Version;
        });

    /// <summary>Stores snapshots; a failure is logged, not thrown (the next read that folds too far makes them again).</summary>
    public async Task TrySaveAsync(IReadOnlyCollection<DocumentSnapshot> snapshots, CancellationToken ct)
    {
        if (snapshots.Count == 0)
            return;
        try
        {
            await using var session = store.LightweightSession();
            foreach (var snapshot in snapshots)
                session.Store(DocumentSnapshotRow.Of(snapshot));
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning(e, "Could not store {Count} snapshot(s) of {Document} (versions {Versions}); reads fold from an earlier one",
                snapshots.Count, snapshots.First().Id, string.Join(", ", snapshots.Select(s => s.Version)));
        }
    }
}
