using JasperFx.Events;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>A stored event with its place in the stream: what the history folds read.</summary>
public readonly record struct Recorded(DocumentEvent Data, long Version, DateTimeOffset At)
{
    public static Recorded From(IEvent e) => new((DocumentEvent)e.Data, e.Version, Timestamps.Trim(e.Timestamp));
}

/// <summary>A paragraph as it stood right after an event that touched it.</summary>
public sealed record ParagraphMoment(long Version, string Text, ParagraphStatus Status, string? Number, bool Deleted);

/// <summary>
/// Reads over a whole stream: each is one pass (one fold of <see cref="DocumentState"/> where state is
/// needed), pure, with no I/O, so the endpoints only read the stream and hand it here.
/// </summary>
public static class History
{
    public static TimelineEntry Entry(Recorded e) =>
        new(e.Version, e.At, Envelopes.TypeOf(e.Data), e.Data.By, e.Data.Meeting, Envelopes.ParagraphOf(e.Data));

    /// <summary>The paragraph after each event that touched it, in version order; empty when none did.</summary>
    public static IReadOnlyList<ParagraphMoment> ParagraphLife(IEnumerable<Recorded> events, Guid paragraphId)
    {
        var state = new DocumentState();
        var moments = new List<ParagraphMoment>();
        foreach (var e in events)
        {
            state.Apply(e.Data, e.Version, e.At);
            if (!Envelopes.Touches(e.Data, paragraphId))
                continue;
            var p = state.Find(paragraphId)
                ?? throw new InvalidOperationException($"event {e.Version} names paragraph {paragraphId} before it exists");
            // A deleted paragraph is shown under no number: its number is not given again (Numbering).
            moments.Add(new ParagraphMoment(e.Version, p.Text, p.Status, p.Deleted ? null : p.Number, p.Deleted));
        }
        return moments;
    }

    /// <summary>
    /// A point at every revision tag, at every meeting's close (at the end while one is still open)
    /// and one for now, in version order; at the same version a meeting comes before now.
    /// </summary>
    public static IReadOnlyList<ProgressPoint> Progress(IEnumerable<Recorded> events)
    {
        var state = new DocumentState();
        var points = new List<ProgressPoint>();
        foreach (var e in events)
        {
            state.Apply(e.Data, e.Version, e.At);
            switch (e.Data)
            {
                case RevisionTagged r:
                    points.Add(Point(state, ProgressKind.Revision, r.Label));
                    break;
                case MeetingClosed m:
                    points.Add(Point(state, ProgressKind.Meeting, m.Name));
                    break;
            }
        }
        if (state.Version == 0)
            return points;
        if (state.Meeting is { } open)
            points.Add(Point(state, ProgressKind.Meeting, open.Name));
        points.Add(Point(state, ProgressKind.Now, null));
        return points;
    }

    /// <summary>Each delegation that did anything to the document, sorted by name (the same in every server culture).</summary>
    public static IReadOnlyList<DelegationActivity> Activity(IEnumerable<Recorded> events)
    {
        var tally = new Dictionary<string, DelegationActivity>();
        var proposers = new Dictionary<Guid, string>();
        foreach (var e in events)
        {
            var by = e.Data.By.Delegation;
            if (by.Length > 0)
                tally.TryAdd(by, new DelegationActivity(by, 0, 0, 0, 0));
            switch (e.Data)
            {
                case ParagraphInserted or ParagraphEdited or ParagraphMoved or ParagraphDeleted or RowEdited or RowsMerged when by.Length > 0:
                    tally[by] = tally[by] with { Edits = tally[by].Edits + 1 };
                    break;
                case CommentAdded when by.Length > 0:
                    tally[by] = tally[by] with { Comments = tally[by].Comments + 1 };
                    break;
                case ProposalTabled t:
                    proposers[t.ProposalId] = by;
                    if (by.Length > 0)
                        tally[by] = tally[by] with { ProposalsTabled = tally[by].ProposalsTabled + 1 };
                    break;
                case ProposalDecided { Decision: ProposalDecision.Accept } d
                    when proposers.GetValueOrDefault(d.ProposalId) is { Length: > 0 } proposer:
                    tally[proposer] = tally[proposer] with { ProposalsAccepted = tally[proposer].ProposalsAccepted + 1 };
                    break;
            }
        }
        return [.. tally.Values.OrderBy(a => a.Delegation, StringComparer.InvariantCulture)];
    }

    private static ProgressPoint Point(DocumentState state, ProgressKind kind, string? label)
    {
        var (agreed, adRef, brackets) = (0, 0, 0);
        foreach (var p in state.Live)
        {
            agreed += p.Status == ParagraphStatus.Agreed ? 1 : 0;
            adRef += p.Status == ParagraphStatus.AgreedAdRef ? 1 : 0;
            brackets += Brackets.CountOpen(p.Text);
        }
        return new ProgressPoint(kind, label, state.Version, state.LastEventAt, state.LiveCount, agreed, adRef, brackets,
            state.Proposals.Values.Count(p => p.IsOpen));
    }
}
