using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Comparing;

/// <summary>
/// Compares two states of one document paragraph by paragraph, following paragraphs by identity
/// (a move is a move, not a deletion and an insertion). Word-level work is done only on
/// paragraphs whose text changed. User text reaches the HTML only HTML-encoded.
/// </summary>
/// <param name="wordDiff">The word differ (<see cref="WordDiff.ToHtml(string, string)"/>); a seam so tests can count its calls.</param>
public sealed class DocumentDiffer(Func<string, string, string> wordDiff)
{
    private static readonly ChangeKind[] Precedence =
        [ChangeKind.Inserted, ChangeKind.Deleted, ChangeKind.Moved, ChangeKind.Renumbered, ChangeKind.Edited, ChangeKind.StatusChanged];

    public DocumentDiffer()
        : this(WordDiff.ToHtml)
    {
    }

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
        var (opened, closed) = (0, 0);
        foreach (var id in Sequence(before, after, afterIds))
        {
            var old = beforeIds.Contains(id) ? from.Find(id) : null;
            var now = afterIds.Contains(id) ? to.Find(id) : null;
            diffs.Add(Paragraph(id, old, now, moved.Contains(id)));
            var brackets = BracketChanges.Between(old?.Text ?? "", now?.Text ?? "");
            (opened, closed) = (opened + brackets.Opened, closed + brackets.Closed);
        }
        var summary = Summary(diffs, before, after) with
        {
            BracketsOpened = opened,
            BracketsClosed = closed,
            ProposalsDecided = to.Proposals.Values.Count(p => p.State is ProposalState.Accepted or ProposalState.Rejected
                && from.Proposals.GetValueOrDefault(p.Id)?.State is null or ProposalState.Open),
            ProposalsTabled = to.Proposals.Keys.Count(id => !from.Proposals.ContainsKey(id)),
        };
        return new DiffView(Point(from), Point(to), diffs, summary);
    }

    private ParagraphDiff Paragraph(Guid id, ParagraphState? old, ParagraphState? now, bool moved)
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
            Html(old?.Text ?? "", now?.Text ?? ""));
    }

    /// <summary>Unchanged text is only encoded (as the word differ encodes it): word-level work is for changed paragraphs only.</summary>
    private string Html(string from, string to) => from == to ? WebUtility.HtmlEncode(to) : wordDiff(from, to);

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
