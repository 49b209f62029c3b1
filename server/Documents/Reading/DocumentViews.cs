using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>Builds <see cref="DocumentView"/>s; HTML and bracket counts are made here, on read, never stored.</summary>
public sealed class DocumentViews(MarkdownRenderer renderer)
{
    public DocumentView From(DocumentState state)
    {
        var labels = Numbering.Labels(state.Live.Select(p => (p.Id, p.Kind)));
        var paragraphs = state.Live
            .Select(p => Paragraph(p.Id, p.Number, labels[p.Id], p.Kind, p.Text, p.Status, p.Revision, p.Comments))
            .ToList();
        return new DocumentView(state.Id, state.Title, state.Kind, state.Symbol, state.Version, paragraphs, [.. state.Revisions], null);
    }

    public DocumentView From(DocumentRow document, OrderRow order, IReadOnlyDictionary<Guid, ParagraphRow> rows)
    {
        var live = order.Paragraphs.Select(id => rows[id]).ToList();
        var sequence = live.Select(p => (p.Id, p.Kind)).ToList();
        var (numbers, labels) = (Numbering.Of(sequence), Numbering.Labels(sequence));
        var paragraphs = live
            .Select(p => Paragraph(p.Id, numbers[p.Id], labels[p.Id], p.Kind, p.Text, p.Status, p.Revision, p.Comments))
            .ToList();
        return new DocumentView(document.Id, document.Title, document.Kind, document.Symbol, document.Version, paragraphs, document.Revisions, null);
    }

    public string Html(string markdown) => renderer.ToHtml(markdown);

    private ParagraphView Paragraph(
        Guid id, string? number, string? label, ParagraphKind kind, string text, ParagraphStatus status, long revision, IReadOnlyList<CommentView> comments) =>
        new(id, number, label, kind, text, renderer.ToHtml(text), status, revision, Brackets.CountOpen(text), [.. comments]);
}
