using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Rows;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Citing;

/// <summary>Finds a questionnaire contribution by its id (the questionnaires slice answers it).</summary>
public interface IContributionIndex
{
    Task<EvidenceTarget?> FindAsync(Guid contributionId, CancellationToken ct);
}

/// <summary>
/// Evidence across documents: what a cited id names (before a paragraph may cite it), and which
/// paragraphs cite a row, read from the inline read model.
/// </summary>
public sealed class EvidenceCatalog(DocumentStreams streams, IContributionIndex contributions)
{
    /// <summary>The row or contribution a citation names; <c>not-found</c> when there is none (or the row was deleted).</summary>
    public async Task<EvidenceTarget> ResolveAsync(EvidenceKind kind, Guid id, CancellationToken ct)
    {
        var target = kind switch
        {
            EvidenceKind.Row => await DocumentStreams.Guarded(async () =>
            {
                await using var session = streams.Store.QuerySession();
                return await session.LoadAsync<ParagraphRow>(id, ct) is { Kind: ParagraphKind.Row, Deleted: false, Fields: { } fields } row
                    ? new EvidenceTarget(row.DocumentId, RowText.Label(fields))
                    : null;
            }),
            EvidenceKind.Contribution => await contributions.FindAsync(id, ct),
            _ => throw new RefusedException(Refusal.Invalid("kind must be row or contribution")),
        };
        return target ?? throw new RefusedException(Refusal.NotFound($"no {ProtocolJson.Name(kind)} {id} to cite (or it was deleted)"));
    }

    /// <summary>The paragraphs that now cite each of <paramref name="targetIds"/>, in document title and number order.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<CitationView>>> CitingAsync(
        IQuerySession session, IReadOnlyCollection<Guid> targetIds, CancellationToken ct)
    {
        var cited = targetIds.Count == 0 ? [] : await session.LoadManyAsync<CitationRow>(ct, targetIds);
        var citing = cited.SelectMany(c => c.Citations).Distinct().ToList();
        if (citing.Count == 0)
            return new Dictionary<Guid, IReadOnlyList<CitationView>>();
        var documentIds = citing.Select(c => c.DocumentId).Distinct().ToArray();
        var documents = (await session.LoadManyAsync<DocumentRow>(ct, documentIds)).ToDictionary(d => d.Id);
        var orders = (await session.LoadManyAsync<OrderRow>(ct, documentIds)).ToDictionary(o => o.Id);
        var kinds = (await session.Query<ParagraphRow>().Where(p => p.DocumentId.IsOneOf(documentIds) && !p.Deleted)
            .Select(p => new { p.Id, p.Kind }).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.Kind);
        var places = new Dictionary<(Guid Document, Guid Paragraph), CitationView>();
        foreach (var (documentId, order) in orders)
        {
            var sequence = order.Paragraphs.Where(kinds.ContainsKey).Select(id => (id, kinds[id])).ToList();
            var numbers = Numbering.Of(sequence, order.Baseline, order.Assigned);
            var labels = Numbering.Labels(sequence, order.Baseline, order.Assigned);
            foreach (var (id, _) in sequence)
                places[(documentId, id)] = new CitationView(documentId, documents[documentId].Title, id, numbers[id], labels[id]);
        }
        var position = places.Keys.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i);
        return cited.ToDictionary(
            c => c.Id,
            c => (IReadOnlyList<CitationView>)[.. c.Citations
                .Where(x => places.ContainsKey((x.DocumentId, x.ParagraphId)))
                .OrderBy(x => places[(x.DocumentId, x.ParagraphId)].DocumentTitle, StringComparer.CurrentCulture)
                .ThenBy(x => position[(x.DocumentId, x.ParagraphId)])
                .Select(x => places[(x.DocumentId, x.ParagraphId)])]);
    }

    /// <summary>An annex's rows with the paragraphs citing them, or citing a row merged into them.</summary>
    public static async Task<DocumentView> WithCitedByAsync(IQuerySession session, DocumentView view, CancellationToken ct)
    {
        var rows = view.Paragraphs.Where(p => p.Kind == ParagraphKind.Row).ToList();
        if (rows.Count == 0)
            return view;
        var citing = await CitingAsync(session, [.. rows.SelectMany(r => (r.MergedFrom ?? []).Prepend(r.Id))], ct);
        return view with
        {
            Paragraphs = [.. view.Paragraphs.Select(p => p.Kind != ParagraphKind.Row ? p : p with
            {
                CitedBy = [.. (p.MergedFrom ?? []).Prepend(p.Id).SelectMany(id => citing.GetValueOrDefault(id) ?? []).Distinct()],
            })],
        };
    }
}
