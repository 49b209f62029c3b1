using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>
/// Reads: the current document from the inline read model (readers never queue behind writers),
/// any earlier state by folding the stream, and envelopes from the stream itself.
/// </summary>
public sealed class DocumentReader(DocumentStreams streams, DocumentViews views, Envelopes envelopes)
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
            return views.From(document, order, rows.ToDictionary(p => p.Id));
        });

    public async Task<DocumentView> ViewAsync(Guid documentId, Point point, CancellationToken ct) =>
        point is Point.Now ? await NowAsync(documentId, ct) : views.From(await StateAtAsync(documentId, point, ct));

    /// <summary>The document as it was at a point, folded from the stream.</summary>
    public async Task<DocumentState> StateAtAsync(Guid documentId, Point point, CancellationToken ct)
    {
        var (to, at) = point switch
        {
            Point.AtVersion v => (v.Version, (DateTimeOffset?)null),
            Point.AtRevision r => (await RevisionVersionAsync(documentId, r.Label, ct), null),
            Point.AtTime t => (0L, t.Time),
            _ => (0L, null),
        };
        var events = await streams.ReadAsync(documentId, to: to, at: at, ct: ct);
        if (events.Count == 0)
            throw point is Point.Now ? NoDocument(documentId) : new RefusedException(Refusal.NotFound("the document did not exist at that point"));
        if (to > 0 && events[^1].Version < to)
            throw new RefusedException(Refusal.NotFound($"version {to} does not exist yet (the document is at version {events[^1].Version})"));
        var state = new DocumentState();
        foreach (var e in events)
            state.Apply((DocumentEvent)e.Data, e.Version, Timestamps.Trim(e.Timestamp));
        return state;
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

    public async Task<IReadOnlyList<Envelope>> EventsAsync(Guid documentId, long after, int limit, CancellationToken ct)
    {
        if (after < 0 || limit < 1)
            throw new RefusedException(Refusal.Invalid("after must be ≥ 0 and limit ≥ 1"));
        await RequireAsync(documentId, ct);
        var events = await streams.ReadAsync(documentId, from: after + 1, to: after + Math.Min(limit, MaxPage), ct: ct);
        return events.Select(envelopes.From).ToList();
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

    private static RefusedException NoDocument(Guid id) => new(Refusal.NotFound($"document {id} does not exist"));
}
