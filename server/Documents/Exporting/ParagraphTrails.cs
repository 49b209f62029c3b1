using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// What the events of a range did to one paragraph, each with its <see cref="Stamp"/>: the insert, the
/// delete, the last move, the last change of its display number, and every text it had in turn (the
/// inserted text, each edit, and "" for the delete), for <see cref="Attribution.OfText"/>.
/// </summary>
public sealed class ParagraphTrail
{
    public Stamp? Inserted { get; internal set; }
    public Stamp? Deleted { get; internal set; }
    public Stamp? Moved { get; internal set; }
    public Stamp? Numbered { get; internal set; }
    public List<TextStep> Texts { get; } = [];

    /// <summary>
    /// The texts that lead from <paramref name="from"/> to <paramref name="to"/>. Should the events not end
    /// at <paramref name="to"/> (they always do when they are the whole range), a last step by
    /// <paramref name="fallback"/> makes them: the export shows the selected text whatever happens.
    /// </summary>
    public IReadOnlyList<TextStep> Steps(string from, string to, Stamp fallback) =>
        (Texts.Count > 0 ? Texts[^1].Text : from) == to ? Texts : [.. Texts, new TextStep(to, fallback)];
}

public static class ParagraphTrails
{
    /// <summary>Each paragraph an event of <paramref name="events"/> touched, in one pass, in event order.</summary>
    public static IReadOnlyDictionary<Guid, ParagraphTrail> Of(IEnumerable<Recorded> events)
    {
        var trails = new Dictionary<Guid, ParagraphTrail>();
        ParagraphTrail Of(Guid id)
        {
            if (!trails.TryGetValue(id, out var trail))
                trails[id] = trail = new ParagraphTrail();
            return trail;
        }
        void Numbered(IReadOnlyDictionary<Guid, string?> numbers, Stamp stamp)
        {
            foreach (var id in numbers.Keys)
                Of(id).Numbered = stamp;
        }
        foreach (var e in events)
        {
            var stamp = Stamp.Of(e);
            switch (e.Data)
            {
                case ParagraphInserted i:
                    Of(i.ParagraphId).Inserted = stamp;
                    Of(i.ParagraphId).Texts.Add(new TextStep(i.Text, stamp));
                    Numbered(i.Numbers, stamp);
                    break;
                case ParagraphEdited ed:
                    Of(ed.ParagraphId).Texts.Add(new TextStep(ed.Text, stamp));
                    break;
                case ParagraphMoved m:
                    Of(m.ParagraphId).Moved = stamp;
                    Numbered(m.Numbers, stamp);
                    break;
                case ParagraphDeleted d:
                    Of(d.ParagraphId).Deleted = stamp;
                    Of(d.ParagraphId).Texts.Add(new TextStep("", stamp));
                    Numbered(d.Numbers, stamp);
                    break;
                case RevisionTagged r:
                    Numbered(r.Numbers, stamp);
                    break;
            }
        }
        return trails;
    }
}
