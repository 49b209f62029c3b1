using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

/// <summary>
/// A document folded from its stream: what every decision reads and every view is rendered from.
/// Mutable for speed (a 5,000-paragraph document is folded, not copied, per event); only
/// <see cref="Apply"/> changes it, and the writer applies an event only after it is committed.
/// </summary>
public sealed class DocumentState
{
    /// <summary>How many recent texts of each paragraph are kept as merge bases (PROTOCOL.md §3: 32 changes back).</summary>
    public const int MergeBases = 32;

    private readonly List<ParagraphState> order = [];
    private readonly Dictionary<Guid, ParagraphState> byId = [];
    private readonly List<RevisionView> revisions = [];
    private readonly Dictionary<(Guid Participant, string OpId), object> ops = [];

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    public string? Symbol { get; private set; }

    /// <summary>The stream version of the last event folded in; 0 = no document.</summary>
    public long Version { get; private set; }

    public DateTimeOffset LastEventAt { get; private set; }

    public IReadOnlyList<RevisionView> Revisions => revisions;

    /// <summary>Paragraphs in document order, tombstones included at the place they were deleted.</summary>
    public IReadOnlyList<ParagraphState> Order => order;

    public IEnumerable<ParagraphState> Live => order.Where(p => !p.Deleted);

    public int LiveCount { get; private set; }

    public ParagraphState? Find(Guid paragraphId) => byId.GetValueOrDefault(paragraphId);

    /// <summary>The result first returned for a participant's <c>clientOpId</c>, if that op was applied.</summary>
    public object? ResultOf(Guid participantId, string? clientOpId) =>
        clientOpId is null ? null : ops.GetValueOrDefault((participantId, clientOpId));

    /// <summary>The nearest live paragraph at or before <paramref name="paragraphId"/> (PROTOCOL.md §3 tombstones); null = the top.</summary>
    public Guid? NearestLiveAtOrBefore(Guid paragraphId)
    {
        for (var i = order.FindIndex(p => p.Id == paragraphId); i >= 0; i--)
        {
            if (!order[i].Deleted)
                return order[i].Id;
        }
        return null;
    }

    public void Apply(DocumentEvent e, long version, DateTimeOffset at)
    {
        object? result = null;
        switch (e)
        {
            case DocumentCreated c:
                (Id, Title, Kind, Symbol) = (c.DocumentId, c.Title, c.Kind, c.Symbol);
                break;
            case ParagraphInserted i:
                var p = new ParagraphState(i.ParagraphId, i.Kind, i.Text, version);
                byId[p.Id] = p;
                order.Insert(IndexAfter(i.AfterParagraphId), p);
                LiveCount++;
                ApplyNumbers(i.Numbers);
                result = new InsertParagraphResult(Outcome.Applied, version, p.Id);
                break;
            case ParagraphEdited ed:
                var edited = byId[ed.ParagraphId];
                edited.SetText(ed.Text, version);
                result = new ParagraphTextResult(ed.Merged ? Outcome.Merged : Outcome.Applied, version, version, ed.Text);
                break;
            case ParagraphMoved m:
                var moved = byId[m.ParagraphId];
                order.Remove(moved);
                order.Insert(IndexAfter(m.AfterParagraphId), moved);
                ApplyNumbers(m.Numbers);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case ParagraphDeleted d:
                byId[d.ParagraphId].Deleted = true;
                LiveCount--;
                ApplyNumbers(d.Numbers);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case ParagraphStatusChanged s:
                var agreed = byId[s.ParagraphId];
                agreed.Status = s.Status;
                result = new ParagraphTextResult(Outcome.Applied, version, agreed.Revision, agreed.Text);
                break;
            case CommentAdded ca:
                byId[ca.ParagraphId].Comments.Add(new CommentView(ca.CommentId, ca.Text, Author(e.By), at));
                result = new AddCommentResult(Outcome.Applied, version, ca.CommentId);
                break;
            case RevisionTagged r:
                revisions.Add(new RevisionView(r.Label, version, at, r.Note));
                ApplyNumbers(r.Numbers);
                result = new WriteResult(Outcome.Applied, version);
                break;
        }
        Version = version;
        LastEventAt = at;
        LastResult = result;
        // The first call under an op id keeps its answer for the life of the document (PROTOCOL.md §3),
        // even if a later event carries the same op id (the writer replays only a result of the type
        // the call expects, so an op id reused for another kind of call is appended).
        if (result is not null && e.ClientOpId is not null)
            ops.TryAdd((e.By.ParticipantId, e.ClientOpId), result);
    }

    /// <summary>What the call that appended the last event is answered (and answered again on a retry).</summary>
    public object? LastResult { get; private set; }

    private static AuthorView Author(Actor a) => new(a.ParticipantId, a.Name, a.Delegation);

    private int IndexAfter(Guid? afterParagraphId) =>
        afterParagraphId is { } after ? order.FindIndex(p => p.Id == after) + 1 : 0;

    private void ApplyNumbers(IReadOnlyDictionary<Guid, string?> numbers)
    {
        foreach (var (id, number) in numbers)
        {
            if (byId.TryGetValue(id, out var p))
                p.Number = number;
        }
    }
}

public sealed class ParagraphState(Guid id, ParagraphKind kind, string text, long revision)
{
    private readonly Queue<(long Revision, string Text)> history = new([(revision, text)]);

    public Guid Id { get; } = id;
    public ParagraphKind Kind { get; } = kind;
    public string Text { get; private set; } = text;

    /// <summary>The version at which the text last changed (PROTOCOL.md §2 <c>revision</c>).</summary>
    public long Revision { get; private set; } = revision;

    public ParagraphStatus Status { get; set; } = ParagraphStatus.Draft;
    public string? Number { get; set; }
    public bool Deleted { get; set; }
    public List<CommentView> Comments { get; } = [];

    public bool IsLocked => Status is ParagraphStatus.Agreed or ParagraphStatus.AgreedAdRef;

    /// <summary>True once older texts than the ones kept have been forgotten.</summary>
    public bool HistoryTruncated { get; private set; }

    public long OldestKeptRevision => history.Peek().Revision;

    /// <summary>The text as it stood at <paramref name="version"/>, if still kept.</summary>
    public string? TextAt(long version) =>
        history.LastOrDefault(h => h.Revision <= version) is { Text: not null } h ? h.Text : null;

    public void SetText(string text, long revision)
    {
        (Text, Revision) = (text, revision);
        history.Enqueue((revision, text));
        if (history.Count > DocumentState.MergeBases + 1)
        {
            history.Dequeue();
            HistoryTruncated = true;
        }
    }
}
