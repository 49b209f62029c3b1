using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The body of a tracked-changes export: the selected text as Word revisions against the earlier one, each
/// attributed (<see cref="Attribution"/>, <see cref="ParagraphTrails"/>) to the delegation and time of the
/// event that made it. Inserted and deleted paragraphs carry their paragraph mark as inserted or deleted;
/// a moved paragraph is a move (its earlier text as <c>w:moveFrom</c> where it stood, the later as
/// <c>w:moveTo</c> with the edits made to it inside the move); a changed number is the old one deleted and
/// the new one inserted, attributed to the event that renumbered it.
/// </summary>
internal sealed class DocxTracked(TrackedInput input, DocxContext context)
{
    private readonly Dictionary<Guid, ParagraphView> from = input.From.Paragraphs.ToDictionary(p => p.Id);
    private readonly Dictionary<Guid, ParagraphView> to = input.To.Paragraphs.ToDictionary(p => p.Id);
    private readonly IReadOnlyDictionary<Guid, ParagraphTrail> trails = ParagraphTrails.Of(input.Events);

    /// <summary>For what the events cannot explain (never, when they are the whole range): the last event.</summary>
    private readonly Stamp fallback = input.Events.Count > 0
        ? Stamp.Of(input.Events[^1])
        : new Stamp("WGEC.Drafting", input.To.At);

    public IEnumerable<OpenXmlElement> Body()
    {
        var (fromIds, toIds) = (input.From.Paragraphs.Select(p => p.Id).ToList(), input.To.Paragraphs.Select(p => p.Id).ToList());
        var movedByEvents = trails.Where(t => t.Value.Moved is not null).Select(t => t.Key).ToHashSet();
        var moved = TrackedOrder.Moved(fromIds, toIds, movedByEvents);
        foreach (var (id, place) in TrackedOrder.Sequence(fromIds, toIds, moved))
        {
            var trail = trails.GetValueOrDefault(id) ?? new ParagraphTrail();
            switch (place)
            {
                case Place.MovedFrom or Place.MovedTo:
                    foreach (var element in Move(id, place, trail))
                        yield return element;
                    break;
                default:
                    yield return Changed(id, place, trail);
                    break;
            }
        }
    }

    /// <summary>A kept, inserted or deleted paragraph: its words as they were changed, its mark tracked if it came or went.</summary>
    private Paragraph Changed(Guid id, Place place, ParagraphTrail trail)
    {
        var (before, after) = (from.GetValueOrDefault(id), to.GetValueOrDefault(id));
        var paragraph = (after ?? before)!;
        var mark = place switch
        {
            Place.Inserted => new Mark(MarkKind.Inserted, trail.Inserted ?? fallback),
            Place.Deleted => new Mark(MarkKind.Deleted, trail.Deleted ?? fallback),
            _ => null,
        };
        var pieces = Numbers(before?.Number, after?.Number, trail, mark)
            .Concat(Words(paragraph.Kind, before?.Text ?? "", after?.Text ?? "", trail, move: null))
            .Concat(Tag(after, mark));
        return DocxParagraphs.Build(context, Style(paragraph), mark, pieces);
    }

    /// <summary>Either end of a move, inside a named move range: where it stood (its earlier text), or where it stands (the later, with its edits).</summary>
    private IEnumerable<OpenXmlElement> Move(Guid id, Place place, ParagraphTrail trail)
    {
        var (before, after) = (from[id], to[id]);
        var by = trail.Moved ?? fallback;
        var (name, rangeId) = (context.MoveName(id), context.NextId());
        if (place == Place.MovedFrom)
        {
            var mark = new Mark(MarkKind.MovedFrom, by);
            yield return Range(new MoveFromRangeStart(), rangeId, name, by);
            var pieces = DocxParagraphs.Number(before.Number).Concat(DocxParagraphs.TextOf(before.Kind, before.Text).Pieces);
            yield return DocxParagraphs.Build(context, Style(before), mark, pieces.Select(p => new MarkedPiece(p, mark)));
            yield return new MoveFromRangeEnd { Id = rangeId };
        }
        else
        {
            var mark = new Mark(MarkKind.MovedTo, by);
            yield return Range(new MoveToRangeStart(), rangeId, name, by);
            var pieces = Numbers(before.Number, after.Number, trail, mark)
                .Concat(Words(after.Kind, before.Text, after.Text, trail, mark))
                .Concat(Tag(after, mark));
            yield return DocxParagraphs.Build(context, Style(after), mark, pieces);
            yield return new MoveToRangeEnd { Id = rangeId };
        }
    }

    /// <summary>
    /// The number. A paragraph that came or went brings or takes its number with it; a number that changed is
    /// the old one deleted and the new one inserted by the event that renumbered it (at a move's destination
    /// only the new one: the old one is where the paragraph stood).
    /// </summary>
    private IEnumerable<MarkedPiece> Numbers(string? before, string? after, ParagraphTrail trail, Mark? paragraph)
    {
        if (paragraph is { Kind: MarkKind.Inserted or MarkKind.Deleted })
            return DocxParagraphs.Number(paragraph.Kind == MarkKind.Deleted ? before : after).Select(p => new MarkedPiece(p, paragraph));
        if (before == after)
            return DocxParagraphs.Number(after).Select(p => new MarkedPiece(p, paragraph));
        var by = trail.Numbered ?? paragraph?.By ?? fallback;
        var pieces = new List<MarkedPiece>();
        if (before is not null && paragraph is null)
            pieces.Add(new(DocxParagraphs.NumberText(before), new Mark(MarkKind.Deleted, by)));
        if (after is not null)
            pieces.Add(new(DocxParagraphs.NumberText(after), new Mark(MarkKind.Inserted, by)));
        pieces.Add(new(TextPiece.Added("\t"), paragraph));
        return pieces;
    }

    /// <summary>
    /// The words: equal ones plain (or moved, in a move), the others inserted or deleted by whoever did it. A
    /// deletion inside a move is nested in it, so rejecting the move takes the deleted words away too. Text
    /// typed the same but shown otherwise (a bracket that became a link's markup) is shown deleted and
    /// inserted, by the author of the change next to it: accepting every change gives the later text, and
    /// rejecting every change the earlier one.
    /// </summary>
    private IEnumerable<MarkedPiece> Words(ParagraphKind kind, string before, string after, ParagraphTrail trail, Mark? move)
    {
        var (older, newer) = (DocxParagraphs.TextOf(kind, before).Pieces, DocxParagraphs.TextOf(kind, after).Pieces);
        var segments = Attribution.OfText(before, trail.Steps(before, after, fallback));
        Mark Deleted(Stamp by) => move is null ? new Mark(MarkKind.Deleted, by) : move with { Inner = new Mark(MarkKind.Deleted, by) };
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var (was, now) = (MarkdownRuns.Slice(older, s.Earlier.Start, s.Earlier.End).ToList(), MarkdownRuns.Slice(newer, s.Later.Start, s.Later.End).ToList());
            var by = s.By ?? (Shown(was) == Shown(now) ? null : Neighbour(segments, i) ?? (trail.Texts.Count > 0 ? trail.Texts[^1].By : fallback));
            foreach (var piece in was)
            {
                if (by is { } deleter)
                    yield return new MarkedPiece(piece, Deleted(deleter));
            }
            foreach (var piece in now)
                yield return new MarkedPiece(piece, by is { } inserter ? new Mark(MarkKind.Inserted, inserter) : move);
        }
    }

    private static string Shown(List<TextPiece> pieces) => string.Concat(pieces.Select(p => p.IsBreak ? "\n" : p.Text));

    private static Stamp? Neighbour(IReadOnlyList<TextSegment> segments, int i)
    {
        for (var d = 1; d < segments.Count; d++)
        {
            if (i - d >= 0 && segments[i - d].By is { } before)
                return before;
            if (i + d < segments.Count && segments[i + d].By is { } after)
                return after;
        }
        return null;
    }

    /// <summary>The status tag of the later paragraph, in the paragraph's own mark (none where it went away).</summary>
    private IEnumerable<MarkedPiece> Tag(ParagraphView? after, Mark? mark) =>
        after is null || !input.To.Statuses ? [] : DocxParagraphs.Tag(after.Status).Select(p => new MarkedPiece(p, mark));

    private static string? Style(ParagraphView p) =>
        DocxParagraphs.StyleOf(p.Kind, p.Kind == ParagraphKind.Heading ? MarkdownRuns.Parse(p.Text).HeadingLevel : 0);

    private T Range<T>(T start, string id, string name, Stamp by)
        where T : MoveBookmarkType
    {
        (start.Id, start.Name, start.Author, start.Date) = (id, name, by.Author, DocxContext.Date(by.At));
        return start;
    }
}
