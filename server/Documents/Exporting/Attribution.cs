using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>Who made a change and when: the delegation of the event's actor, and the event's time.</summary>
public readonly record struct Stamp(string Author, DateTimeOffset At)
{
    public static Stamp Of(Recorded e) => new(AuthorOf(e.Data.By), e.At);

    /// <summary>The delegation; the name for an actor without one (the system), so a change is never anonymous.</summary>
    public static string AuthorOf(Actor actor) =>
        actor.Delegation.Length > 0 ? actor.Delegation : actor.Name.Length > 0 ? actor.Name : "WGEC.Drafting";
}

public enum SegmentKind { Equal, Inserted, Deleted }

/// <summary>
/// A stretch of the earlier-to-later comparison of one paragraph's text: its characters <c>[Start, End)</c>
/// in the earlier text and in the later one (an empty range, where it would be, for an insertion or a
/// deletion). <see cref="By"/> is null for unchanged text.
/// </summary>
public readonly record struct TextSegment(SegmentKind Kind, (int Start, int End) Earlier, (int Start, int End) Later, Stamp? By);

/// <summary>A text a paragraph had right after an event, and who made that event when.</summary>
public readonly record struct TextStep(string Text, Stamp By);

/// <summary>
/// Who typed and who struck out each word of a paragraph between two points of its history. Pure.
/// </summary>
/// <remarks>
/// Each character of the earlier text keeps its identity through every later text (the project's word diff
/// of one text to the next carries the unchanged words over). At the end each character still there knows
/// whether it was in the earlier text or which step inserted it, and each earlier character gone knows
/// which step deleted it; text inserted and deleted again in between is simply gone. The earlier-to-later
/// sequence is read off those identities: between two surviving earlier characters, the earlier ones
/// deleted there, then the later ones inserted there. Within such a change, words it both deletes and
/// inserts at its ends (a word deleted and typed again) and a change of whitespace alone are shown unchanged.
/// </remarks>
public static class Attribution
{
    public static IReadOnlyList<TextSegment> OfText(string from, IReadOnlyList<TextStep> steps)
    {
        var to = steps.Count == 0 ? from : steps[^1].Text;
        var segments = new List<TextSegment>();
        if (steps.Count == 0)
        {
            // Most paragraphs of a long document: nothing happened to them.
            Add(segments, new TextSegment(SegmentKind.Equal, (0, from.Length), (0, from.Length), null));
            return segments;
        }
        var (origin, deletedBy) = Follow(from, steps);
        var (x, inserted) = (0, 0);
        for (var c = 0; c <= to.Length; c++)
        {
            if (c < to.Length && origin[c] < 0)
                continue;
            // Earlier characters x … origin[c]-1 were deleted and later ones inserted … c-1 in their place.
            var survivor = c < to.Length ? origin[c] : from.Length;
            Change(segments, from, to, (x, survivor), (inserted, c), deletedBy, origin, steps);
            if (c < to.Length)
                Add(segments, new TextSegment(SegmentKind.Equal, (survivor, survivor + 1), (c, c + 1), null));
            (x, inserted) = (survivor + 1, c + 1);
        }
        return segments;
    }

    /// <summary>
    /// For each character of the last text: its index in <paramref name="from"/> (≥ 0), or <c>~step</c> of the
    /// step that inserted it; for each character of <paramref name="from"/>: the step that deleted it, or -1.
    /// </summary>
    private static (int[] Origin, int[] DeletedBy) Follow(string from, IReadOnlyList<TextStep> steps)
    {
        var origin = Enumerable.Range(0, from.Length).ToArray();
        var deletedBy = new int[from.Length];
        Array.Fill(deletedBy, -1);
        var current = from;
        for (var k = 0; k < steps.Count; k++)
        {
            var next = steps[k].Text;
            if (next == current)
                continue;
            var diff = TokenDiff.Compute(current, next, WordTokenizer.Instance);
            var (fromAt, toAt) = (Offsets(diff.From), Offsets(diff.To));
            var nextOrigin = new int[next.Length];
            var (i, j) = (0, 0);
            foreach (var hunk in diff.Hunks)
            {
                var kept = fromAt[hunk.FromStart] - i;
                Array.Copy(origin, i, nextOrigin, j, kept);
                (i, j) = (i + kept, j + kept);
                for (; i < fromAt[hunk.FromEnd]; i++)
                {
                    if (origin[i] >= 0)
                        deletedBy[origin[i]] = k;
                }
                for (; j < toAt[hunk.ToEnd]; j++)
                    nextOrigin[j] = ~k;
            }
            Array.Copy(origin, i, nextOrigin, j, current.Length - i);
            (origin, current) = (nextOrigin, next);
        }
        return (origin, deletedBy);
    }

    /// <summary>One change: earlier characters <c>[removed)</c> deleted, later ones <c>[added)</c> inserted in their place.</summary>
    private static void Change(
        List<TextSegment> segments, string from, string to, (int Start, int End) removed, (int Start, int End) added,
        int[] deletedBy, int[] origin, IReadOnlyList<TextStep> steps)
    {
        var (prefix, suffix) = Common(from[removed.Start..removed.End], to[added.Start..added.End]);
        Add(segments, new TextSegment(SegmentKind.Equal, (removed.Start, removed.Start + prefix), (added.Start, added.Start + prefix), null));
        (int Start, int End) gone = (removed.Start + prefix, removed.End - suffix);
        (int Start, int End) come = (added.Start + prefix, added.End - suffix);
        if (string.IsNullOrWhiteSpace(from[gone.Start..gone.End]) && string.IsNullOrWhiteSpace(to[come.Start..come.End]))
        {
            Add(segments, new TextSegment(SegmentKind.Equal, gone, come, null));
        }
        else
        {
            for (var c = gone.Start; c < gone.End; c++)
                Add(segments, new TextSegment(SegmentKind.Deleted, (c, c + 1), (come.Start, come.Start), steps[deletedBy[c]].By));
            for (var c = come.Start; c < come.End; c++)
                Add(segments, new TextSegment(SegmentKind.Inserted, (gone.End, gone.End), (c, c + 1), steps[~origin[c]].By));
        }
        Add(segments, new TextSegment(SegmentKind.Equal, (removed.End - suffix, removed.End), (added.End - suffix, added.End), null));
    }

    /// <summary>The lengths of the whole words both texts begin with, and then end with.</summary>
    private static (int Prefix, int Suffix) Common(string removed, string added)
    {
        if (removed.Length == 0 || added.Length == 0)
            return (0, 0);
        var (a, b) = (WordTokenizer.Instance.Tokenize(removed), WordTokenizer.Instance.Tokenize(added));
        var (p, s) = (0, 0);
        while (p < a.Count && p < b.Count && a[p] == b[p])
            p++;
        while (s < a.Count - p && s < b.Count - p && a[^(s + 1)] == b[^(s + 1)])
            s++;
        return (a.Take(p).Sum(t => t.Length), a.Skip(a.Count - s).Sum(t => t.Length));
    }

    /// <summary>Appends, joining a segment to the previous one of the same kind and author that it continues.</summary>
    private static void Add(List<TextSegment> segments, TextSegment segment)
    {
        if (segment.Earlier.Start == segment.Earlier.End && segment.Later.Start == segment.Later.End)
            return;
        if (segments.Count > 0 && segments[^1] is var last && last.Kind == segment.Kind && last.By == segment.By
            && last.Earlier.End == segment.Earlier.Start && last.Later.End == segment.Later.Start)
        {
            segments[^1] = last with { Earlier = (last.Earlier.Start, segment.Earlier.End), Later = (last.Later.Start, segment.Later.End) };
            return;
        }
        segments.Add(segment);
    }

    /// <summary>Character offset of each token, and of the end.</summary>
    private static int[] Offsets(IReadOnlyList<string> tokens)
    {
        var offsets = new int[tokens.Count + 1];
        for (var t = 0; t < tokens.Count; t++)
            offsets[t + 1] = offsets[t] + tokens[t].Length;
        return offsets;
    }
}
