using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>Builds <see cref="DocumentView"/>s; HTML, brackets and their counts are made here, on read, never stored.</summary>
public sealed class DocumentViews(MarkdownRenderer renderer)
{
    public DocumentView From(DocumentState state)
    {
        var live = state.Live.ToList();
        var labels = Numbering.Labels(live.Select(p => (p.Id, p.Kind)), state.Baseline, state.Assigned);
        var liveIds = live.Select(p => p.Id).ToHashSet();
        var byParagraph = state.Proposals.Values.Where(p => p.ParagraphId is { } id && liveIds.Contains(id)).ToLookup(p => p.ParagraphId!.Value);
        var paragraphs = live
            .Select(p => WithEvidence(Paragraph(p.Id, p.Number, labels[p.Id], p.Kind, p.Text, p.Status, p.Revision, p.Comments, byParagraph[p.Id]),
                p.Fields, p.Sources, p.MergedFrom, p.Evidence))
            .ToList();
        return new DocumentView(state.Id, state.Title, state.Kind, state.Symbol, state.Version, paragraphs, [.. state.Revisions],
            state.Meeting is { } m ? new MeetingView(m.Name, m.OpenedAt) : null)
        {
            Proposals = DocumentLevel(state.Proposals.Values.Where(p => p.ParagraphId is not { } id || !liveIds.Contains(id))),
            AdoptedAt = state.AdoptedAt,
        };
    }

    public DocumentView From(DocumentRow document, OrderRow order, IReadOnlyDictionary<Guid, ParagraphRow> rows)
    {
        var live = order.Paragraphs.Select(id => rows[id]).ToList();
        var sequence = live.Select(p => (p.Id, p.Kind)).ToList();
        var (numbers, labels) = (Numbering.Of(sequence, order.Baseline, order.Assigned), Numbering.Labels(sequence, order.Baseline, order.Assigned));
        var paragraphs = live
            .Select(p => WithEvidence(Paragraph(p.Id, numbers[p.Id], labels[p.Id], p.Kind, p.Text, p.Status, p.Revision, p.Comments, p.Proposals),
                p.Fields, p.Sources, p.MergedFrom, p.Evidence))
            .ToList();
        return new DocumentView(document.Id, document.Title, document.Kind, document.Symbol, document.Version, paragraphs, document.Revisions, document.Meeting)
        {
            Proposals = DocumentLevel(document.Proposals.Concat(rows.Values.Where(p => p.Deleted).SelectMany(p => p.Proposals))),
            AdoptedAt = document.AdoptedAt,
        };
    }

    public string Html(string markdown) => renderer.ToHtml(markdown);

    /// <summary>Proposals with no live paragraph to show them on: to insert at the top, or about a deleted paragraph.</summary>
    private static IReadOnlyList<ProposalView> DocumentLevel(IEnumerable<ProposalRecord> proposals) =>
        [.. proposals.OrderBy(p => p.TabledVersion).Select(p => p.View())];

    /// <summary>A row's fields, sources and merged rows (rows only), and what the paragraph cites.</summary>
    private static ParagraphView WithEvidence(
        ParagraphView view, RowFields? fields, IReadOnlyList<Guid> sources, IReadOnlyList<Guid> mergedFrom, IReadOnlyList<EvidenceView> evidence) =>
        view with
        {
            Fields = fields,
            Sources = fields is null ? null : [.. sources],
            MergedFrom = fields is null ? null : [.. mergedFrom],
            Evidence = [.. evidence],
        };

    private ParagraphView Paragraph(
        Guid id, string? number, string? label, ParagraphKind kind, string text, ParagraphStatus status, long revision,
        IReadOnlyList<CommentView> comments, IEnumerable<ProposalRecord> proposals) =>
        new(id, number, label, kind, text, renderer.ToHtml(text), status, revision, Brackets.CountOpen(text), [.. comments])
        {
            Brackets = [.. Brackets.Parse(text).Select(b => new BracketView(b.Start, b.End, b.Depth, b.Alternatives))],
            Proposals = [.. proposals.Select(p => p.View())],
        };
}
