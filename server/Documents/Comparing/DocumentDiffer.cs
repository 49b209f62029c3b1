using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Comparing;

/// <summary>
/// Compares two states of one document paragraph by paragraph, following paragraphs by identity
/// (a move is a move, not a deletion and an insertion). Word-level work is done only on
/// paragraphs whose text changed. User text reaches the HTML only HTML-encoded.
/// </summary>
public sealed class DocumentDiffer
{
    private static readonly ChangeKind[] Precedence =
        [ChangeKind.Inserted, ChangeKind.Deleted, ChangeKind.Moved, ChangeKind.Renumbered, ChangeKind.Edited, ChangeKind.StatusChanged];

    public DiffView Compare(DocumentState from, DocumentState to)
    {
        var before = from.Live.ToList();
        var after = to.Live.ToList();
        var beforeIds = before.Select(p => p.Id).ToHashSet();
        var afterIds = after.Select(p => p.Id).ToHashSet();
        var moved = OrderDiff.Moved(
            [.. before.Select(p => p.Id).Where(afterIds.Contains)],
            [.. after.Select(p => p.Id).Where(beforeIds.Contains)]);

        var diffs = new List<ParagraphDiff>();
        foreach (var id in Sequence(before, after, afterIds))
        {
            var old = beforeIds.Contains(id) ? from.Find(id) : null;
            var now = afterIds.Contains(id) ? to.Find(id) : null;
            diffs.Add(Paragraph(id, old, now, moved.Contains(id)));
        }
        return new DiffView(Point(from), Point(to), diffs, Summary(diffs, before, after));
    }

    private static ParagraphDiff Paragraph(Guid id, ParagraphState? old, ParagraphState? now, bool moved)
    {
        var changes = new HashSet<ChangeKind>();
        if (old is null)
            changes.Add(ChangeKind.Inserted);
        if (now is null)
            changes.Add(ChangeKind.Deleted);
        if (old is not null && now is not null)
        {
            if (moved)
                changes.Add(ChangeKind.Moved);
            if (old.Number != now.Number)
                changes.Add(ChangeKind.Renumbered);
            if (old.Text != now.Text)
                changes.Add(ChangeKind.Edited);
            if (old.Status != now.Status)
                changes.Add(ChangeKind.StatusChanged);
        }
        var ordered = Precedence.Where(changes.Contains).ToList();
        return new ParagraphDiff(
            id,
            ordered.Count > 0 ? ordered[0] : ChangeKind.Unchanged,
            ordered,
            old?.Number,
            now?.Number,
            old?.Status,
            now?.Status,
            WordDiff.ToHtml(old?.Text ?? "", now?.Text ?? ""));
    }

    /// <summary>The later order, with each deleted paragraph shown just after the paragraph it followed.</summary>
    private static List<Guid> Sequence(List<ParagraphState> before, List<ParagraphState> after, HashSet<Guid> afterIds)
    {
        var sequence = after.Select(p => p.Id).ToList();
        Guid? previous = null;
        foreach (var p in before)
        {
            if (!afterIds.Contains(p.Id))
                sequence.Insert(previous is { } prev ? sequence.IndexOf(prev) + 1 : 0, p.Id);
            previous = p.Id;
        }
        return sequence;
    }

    private static DiffSummary Summary(List<ParagraphDiff> diffs, List<ParagraphState> before, List<ParagraphState> after)
    {
        int Count(ChangeKind kind) => diffs.Count(d => d.Changes.Contains(kind));
        return new DiffSummary(
            Count(ChangeKind.Inserted), Count(ChangeKind.Deleted), Count(ChangeKind.Moved), Count(ChangeKind.Renumbered),
            Count(ChangeKind.Edited), Count(ChangeKind.StatusChanged), diffs.Count(d => d.Changes.Count == 0),
            before.Sum(p => Brackets.CountOpen(p.Text)), after.Sum(p => Brackets.CountOpen(p.Text)));
    }

    private static DiffPoint Point(DocumentState state) =>
        new(state.Version, state.Revisions.LastOrDefault(r => r.Version == state.Version)?.Label);
}
