using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>
/// Reads: the current document from the inline read model (readers never queue behind writers),
/// any earlier state from the nearest snapshot and the events after it, and envelopes from the stream itself.
/// </summary>
public sealed class DocumentReader(DocumentStreams streams, DocumentSnapshots snapshots, DocumentViews views, Envelopes envelopes)
{
    public const int DefaultPage = 500;
    public const int MaxPage = 5000;

    private IDocumentStore Store => streams.Store;

    /// <summary>The current document, read in one serializable snapshot so its version and paragraphs agree.</summary>
    public Task<DocumentView> NowAsync(Guid documentId, CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = await Store.QuerySerializableSessionAsync(ct);
            var document = await session.LoadAsync<DocumentRow>(documentId, ct) ?? throw NoDocument(documentId);
            var order = await session.LoadAsync<OrderRow>(documentId, ct) ?? new OrderRow { Id = documentId };
            // Deleted paragraphs too: their open proposals are still to be decided, so they are shown.
            var rows = await session.Query<ParagraphRow>().Where(p => p.DocumentId == documentId).ToListAsync(ct);
            var view = views.From(document, order, rows.ToDictionary(p => p.Id));
            return document.Kind == DocumentKind.Annex ? await Citing.EvidenceCatalog.WithCitedByAsync(session, view, ct) : view;
        });

    public async Task<DocumentView> ViewAsync(Guid documentId, Point point, CancellationToken ct) =>
        point is Point.Now ? await NowAsync(documentId, ct) : views.From(await StateAtAsync(documentId, point, ct));

    /// <summary>The document as it was at a point: the nearest snapshot at or before it, plus the events after that.</summary>
    public async Task<DocumentState> StateAtAsync(Guid documentId, Point point, CancellationToken ct) =>
        (await FoldAtAsync(documentId, point, ct)).State;

    /// <summary>
    /// <see cref="StateAtAsync"/>, saying what it took: the snapshot it started from (0 = none) and
    /// how many events it folded on top. Once a document's snapshots exist (every revision tag and
    /// every <see cref="SnapshotPolicy.Interval"/> versions), that is fewer than the interval.
    /// A fold longer than the interval stores the snapshots it passed, so old streams heal on first read.
    /// </summary>
    public async Task<Fold> FoldAtAsync(Guid documentId, Point point, CancellationToken ct)
    {
        var to = point switch
        {
            Point.AtVersion v => v.Version,
            Point.AtRevision r => await RevisionVersionAsync(documentId, r.Label, ct),
            Point.AtTime t => await snapshots.VersionAtAsync(documentId, t.Time, ct) ?? throw DidNotExist(),
            _ => 0L, // now
        };
        var snapshot = await snapshots.NearestAsync(documentId, to, ct);
        var state = snapshot is null ? new DocumentState() : DocumentState.FromSnapshot(snapshot);
        var events = to > 0 && state.Version >= to
            ? []
            : await streams.ReadAsync(documentId, from: state.Version + 1, to: to, ct: ct);
        if (state.Version == 0 && events.Count == 0)
            throw point is Point.Now ? NoDocument(documentId) : DidNotExist();
        var last = events.Count > 0 ? events[^1].Version : state.Version;
        if (to > 0 && last < to)
            throw new RefusedException(Refusal.NotFound($"version {to} does not exist yet (the document is at version {last})"));
        var heal = events.Count > SnapshotPolicy.Interval ? new List<DocumentSnapshot>() : null;
        foreach (var e in events)
        {
            var data = (DocumentEvent)e.Data;
            state.Apply(data, e.Version, Timestamps.Trim(e.Timestamp));
            if (heal is not null && SnapshotPolicy.IsSnapshotPoint(data, e.Version))
                heal.Add(state.ToSnapshot());
        }
        if (heal is not null)
            await snapshots.TrySaveAsync(heal, ct);
        return new Fold(state, snapshot?.Version ?? 0, events.Count);
    }

    /// <summary>A state read at a point, with the snapshot version it started from and the number of events folded after it.</summary>
    public sealed record Fold(DocumentState State, long SnapshotVersion, int FoldedEvents);

    /// <summary>The two ends of a comparison (<c>/diff</c>, <c>/compare</c>): <c>from</c> is required, <c>to</c> defaults to now.</summary>
    public async Task<(DocumentState From, DocumentState To)> EndsAsync(Guid documentId, string? from, string? to, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(from))
            throw new RefusedException(Refusal.Invalid("from is required: a version number, a revision label or an ISO time"));
        return (await StateAtAsync(documentId, Point.Parse(from), ct), await StateAtAsync(documentId, Point.Parse(to), ct));
    }

    public Task<IReadOnlyList<DocumentSummary>> SummariesAsync(CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = Store.QuerySession();
            var documents = await session.Query<DocumentRow>().ToListAsync(ct);
            // Only the three fields the counts need, not every paragraph's text.
            var paragraphs = await session.Query<ParagraphRow>().Where(p => !p.Deleted)
                .Select(p => new { p.DocumentId, p.Status, p.OpenBrackets }).ToListAsync(ct);
            var byDocument = paragraphs.ToLookup(p => p.DocumentId);
            return (IReadOnlyList<DocumentSummary>)documents
                .OrderBy(d => d.Title, StringComparer.CurrentCulture)
                .Select(d => new DocumentSummary(d.Id, d.Title, d.Kind, d.Symbol, d.Version,
                    byDocument[d.Id].Count(),
                    byDocument[d.Id].Count(p => p.Status == ParagraphStatus.Agreed),
                    byDocument[d.Id].Sum(p => p.OpenBrackets)))
                .ToList();
        });

    public async Task<IReadOnlyList<Envelope>> EventsAsync(Guid documentId, long after, int limit, CancellationToken ct) =>
        [.. (await PageAsync(documentId, after, limit, ct)).Select(envelopes.From)];

    /// <summary>
    /// One page of the stream for <c>/events</c>, <c>/timeline</c> and a join's catch-up: the events
    /// with <c>after &lt; version</c>, at most <paramref name="limit"/>, read only up to the current
    /// version (so no <c>after</c>, however large, overflows).
    /// </summary>
    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> PageAsync(Guid documentId, long after, int limit, CancellationToken ct)
    {
        if (after < 0 || limit < 1)
            throw new RefusedException(Refusal.Invalid("after must be ≥ 0 and limit ≥ 1"));
        if (limit > MaxPage)
            throw new RefusedException(Refusal.Invalid($"limit is at most {MaxPage}"));
        var version = await VersionAsync(documentId, ct);
        return after >= version ? [] : await streams.ReadAsync(documentId, from: after + 1, to: Math.Min(version, after + limit), ct: ct);
    }

    /// <summary>The current version, from the small document row.</summary>
    public async Task<long> VersionAsync(Guid documentId, CancellationToken ct) => (await RequireAsync(documentId, ct)).Version;

    private async Task<DocumentRow> RequireAsync(Guid documentId, CancellationToken ct) =>
        await DocumentStreams.Guarded(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<DocumentRow>(documentId, ct);
        }) ?? throw NoDocument(documentId);

    private async Task<long> RevisionVersionAsync(Guid documentId, string label, CancellationToken ct) =>
        (await RequireAsync(documentId, ct)).Revisions.FirstOrDefault(r => r.Label == label)?.Version
        ?? throw new RefusedException(Refusal.NotFound($"no revision '{label}' in this document"));

    private static RefusedException DidNotExist() => new(Refusal.NotFound("the document did not exist at that point"));

    private static RefusedException NoDocument(Guid id) => new(Refusal.NotFound($"document {id} does not exist"));
}
