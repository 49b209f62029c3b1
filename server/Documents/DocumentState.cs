using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;

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
    private readonly Dictionary<Guid, ProposalRecord> proposals = [];
    private readonly Dictionary<Guid, Guid> commentParagraphs = [];
    private readonly List<MeetingRecord> meetings = [];
    private readonly Dictionary<string, IReadOnlyList<ConcordanceEntry>> concordances = [];
    private readonly Dictionary<Guid, string> assigned = [];

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    public string? Symbol { get; private set; }

    /// <summary>The stream version of the last event folded in; 0 = no document.</summary>
    public long Version { get; private set; }

    public DateTimeOffset LastEventAt { get; private set; }

    public IReadOnlyList<RevisionView> Revisions => revisions;

    /// <summary>The positions of the last renumbering revision; null before the first one (PROTOCOL.md: consecutive numbers).</summary>
    public IReadOnlyDictionary<Guid, int>? Baseline { get; private set; }

    /// <summary>Positions given to paragraphs inserted since the baseline ("3 bis"), deleted ones included.</summary>
    public IReadOnlyDictionary<Guid, string> Assigned => assigned;

    /// <summary>The meeting now open, if any.</summary>
    public MeetingRecord? Meeting => meetings is [.., { ClosedAt: null } open] ? open : null;

    public IReadOnlyList<MeetingRecord> Meetings => meetings;

    public IReadOnlyDictionary<Guid, ProposalRecord> Proposals => proposals;

    /// <summary>Each revision's old and new numbers of the operative paragraphs, by label.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ConcordanceEntry>> Concordances => concordances;

    public DateTimeOffset? AdoptedAt { get; private set; }

    /// <summary>The paragraph a comment belongs to.</summary>
    public Guid? ParagraphOfComment(Guid commentId) => commentParagraphs.TryGetValue(commentId, out var p) ? p : null;

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
                var p = new ParagraphState(i.ParagraphId, i.Kind, i.Text, version, i.Fields);
                if (i.Sources is { } sources)
                    p.Sources.AddRange(sources);
                byId[p.Id] = p;
                order.Insert(IndexAfter(i.AfterParagraphId), p);
                LiveCount++;
                if (i.Position is { } position)
                    assigned[i.ParagraphId] = position;
                ApplyNumbers(i.Numbers);
                result = new InsertParagraphResult(Outcome.Applied, version, p.Id);
                break;
            case ParagraphEdited ed:
                var edited = byId[ed.ParagraphId];
                edited.SetText(ed.Text, version);
                result = new ParagraphTextResult(ed.Merged ? Outcome.Merged : Outcome.Applied, version, version, ed.Text);
                break;
            case RowEdited re:
                var row = byId[re.ParagraphId];
                row.SetText(re.Text, version, re.Fields);
                result = new RowResult(re.Merged ? Outcome.Merged : Outcome.Applied, version, version, re.Fields);
                break;
            case RowsMerged rm:
                var kept = byId[rm.ParagraphId];
                kept.SetText(rm.Text, version, rm.Fields);
                foreach (var gone in rm.Merged)
                {
                    byId[gone].Deleted = true;
                    LiveCount--;
                }
                kept.MergedFrom.Clear();
                kept.MergedFrom.AddRange(rm.MergedFrom);
                kept.Sources.Clear();
                kept.Sources.AddRange(rm.Sources);
                ApplyNumbers(rm.Numbers);
                result = new MergeRowsResult(Outcome.Applied, version, kept.Id);
                break;
            case EvidenceLinked el:
                byId[el.ParagraphId].Evidence.Add(new EvidenceView(el.Kind, el.Id, el.SourceId, el.Label));
                result = new WriteResult(Outcome.Applied, version);
                break;
            case EvidenceUnlinked eu:
                byId[eu.ParagraphId].Evidence.RemoveAll(x => x.Kind == eu.Kind && x.Id == eu.Id);
                result = new WriteResult(Outcome.Applied, version);
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
                if (s.Status is ParagraphStatus.Agreed or ParagraphStatus.AgreedAdRef && Meeting is { } during)
                    during.Agreed++;
                result = new ParagraphTextResult(Outcome.Applied, version, agreed.Revision, agreed.Text);
                break;
            case CommentAdded ca:
                CommentThreads.Add(byId[ca.ParagraphId].Comments, ca, at);
                commentParagraphs[ca.CommentId] = ca.ParagraphId;
                result = new AddCommentResult(Outcome.Applied, version, ca.CommentId);
                break;
            case CommentResolved cr:
                CommentThreads.Resolve(byId[cr.ParagraphId].Comments, cr.CommentId);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case RevisionTagged r:
                revisions.Add(new RevisionView(r.Label, version, at, r.Note));
                concordances[r.Label] = [.. Live.Where(p => p.Kind == ParagraphKind.Operative)
                    .Select(p => new ConcordanceEntry(p.Id, p.Number, r.Numbers.TryGetValue(p.Id, out var renumbered) ? renumbered : p.Number))];
                if (r.Baseline is not null)
                {
                    Baseline = r.Baseline;
                    assigned.Clear();
                }
                ApplyNumbers(r.Numbers);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case MeetingOpened mo:
                meetings.Add(new MeetingRecord(mo.Name, at, version));
                result = new WriteResult(Outcome.Applied, version);
                break;
            case MeetingClosed:
                (Meeting!.ClosedAt, Meeting.ToVersion) = (at, version);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case ProposalTabled pt:
                proposals[pt.ProposalId] = ProposalRecord.From(pt, version);
                result = new TableProposalResult(Outcome.Applied, version, pt.ProposalId);
                break;
            case ProposalSupported or ProposalOpposed or ProposalWithdrawn or ProposalDecided:
                proposals[ProposalRecord.IdOf(e)!.Value].Apply(e);
                result = new WriteResult(Outcome.Applied, version);
                break;
            case DocumentAdopted:
                AdoptedAt = at;
                result = new WriteResult(Outcome.Applied, version);
                break;
        }
        if (e is ParagraphInserted or ParagraphEdited or ParagraphMoved or ParagraphDeleted or RowEdited or RowsMerged && Meeting is { } open)
            open.Edits++;
        Version = version;
        LastEventAt = at;
        LastResult = result;
        // The first call under an op id keeps its answer for the life of the document (PROTOCOL.md §3).
        // The writer stamps the op id on the last event of a call only, whose answer is the call's.
        if (result is not null && e.ClientOpId is not null)
            ops.TryAdd((e.By.ParticipantId, e.ClientOpId), result);
    }

    /// <summary>What the call that appended the last event is answered (and answered again on a retry).</summary>
    public object? LastResult { get; private set; }

    /// <summary>
    /// True for a state restored from a <see cref="DocumentSnapshot"/>: it reads like the folded one
    /// but has no idempotency results and no older merge bases, so it must not decide writes.
    /// </summary>
    public bool IsRestored { get; private set; }

    /// <summary>Everything the reads need, copied out (the state goes on changing; the snapshot does not).</summary>
    public DocumentSnapshot ToSnapshot() => new()
    {
        Id = Id,
        Title = Title,
        Kind = Kind,
        Symbol = Symbol,
        Version = Version,
        LastEventAt = LastEventAt,
        AdoptedAt = AdoptedAt,
        Paragraphs = [.. order.Select(p => p.ToSnapshot())],
        Revisions = [.. revisions],
        Proposals = [.. proposals.Values.Select(p => p.ToSnapshot())],
        Meetings = [.. meetings.Select(m => m.ToSnapshot())],
        Concordances = [.. concordances.Select(c => new ConcordanceSnapshot(c.Key, [.. c.Value]))],
        Baseline = Baseline is null ? null : new Dictionary<Guid, int>(Baseline),
        Assigned = new Dictionary<Guid, string>(assigned),
    };

    /// <summary>
    /// The state a snapshot was taken of, for reading and for folding the events after it. Left out
    /// (see <see cref="DocumentSnapshot"/>): idempotency results, older merge bases, <see cref="LastResult"/>.
    /// </summary>
    public static DocumentState FromSnapshot(DocumentSnapshot snapshot)
    {
        if (snapshot.Format != DocumentSnapshot.CurrentFormat)
            throw new ArgumentException($"snapshot format {snapshot.Format} is not {DocumentSnapshot.CurrentFormat}", nameof(snapshot));
        var state = new DocumentState
        {
            Id = snapshot.Id,
            Title = snapshot.Title,
            Kind = snapshot.Kind,
            Symbol = snapshot.Symbol,
            Version = snapshot.Version,
            LastEventAt = snapshot.LastEventAt,
            AdoptedAt = snapshot.AdoptedAt,
            Baseline = snapshot.Baseline is null ? null : new Dictionary<Guid, int>(snapshot.Baseline),
            IsRestored = true,
        };
        foreach (var p in snapshot.Paragraphs)
        {
            var paragraph = ParagraphState.FromSnapshot(p);
            state.order.Add(paragraph);
            state.byId[paragraph.Id] = paragraph;
            if (!paragraph.Deleted)
                state.LiveCount++;
            foreach (var comment in paragraph.Comments)
                state.commentParagraphs[comment.Id] = paragraph.Id;
        }
        state.revisions.AddRange(snapshot.Revisions);
        foreach (var p in snapshot.Proposals)
            state.proposals[p.Id] = ProposalRecord.FromSnapshot(p);
        state.meetings.AddRange(snapshot.Meetings.Select(MeetingRecord.FromSnapshot));
        foreach (var c in snapshot.Concordances)
            state.concordances[c.Label] = [.. c.Entries];
        foreach (var (id, position) in snapshot.Assigned)
            state.assigned[id] = position;
        return state;
    }

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

public sealed class ParagraphState(Guid id, ParagraphKind kind, string text, long revision, RowFields? fields = null)
{
    private readonly Queue<(long Revision, string Text, RowFields? Fields)> history = new([(revision, text, fields)]);

    public Guid Id { get; } = id;
    public ParagraphKind Kind { get; } = kind;
    public string Text { get; private set; } = text;

    /// <summary>A row's columns; null for other kinds.</summary>
    public RowFields? Fields { get; private set; } = fields;

    /// <summary>A row's contributions (the ones it was mapped from, merged rows' included).</summary>
    public List<Guid> Sources { get; } = [];

    /// <summary>The rows merged into this one.</summary>
    public List<Guid> MergedFrom { get; } = [];

    /// <summary>What this paragraph cites, in the order it was linked.</summary>
    public List<EvidenceView> Evidence { get; } = [];

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

    /// <summary>A row's fields as they stood at <paramref name="version"/>, if still kept.</summary>
    public RowFields? FieldsAt(long version) =>
        history.LastOrDefault(h => h.Revision <= version) is { Text: not null } h ? h.Fields : null;

    public ParagraphSnapshot ToSnapshot() => new(Id, Kind, Text, Revision, Status, Number, Deleted, [.. Comments])
    {
        Fields = Fields,
        Sources = [.. Sources],
        MergedFrom = [.. MergedFrom],
        Evidence = [.. Evidence],
    };

    /// <summary>
    /// Only the current text is known as a merge base: older ones are not in a snapshot, so the
    /// paragraph says its history was truncated (an edit against an older base would be refused, not mis-merged).
    /// </summary>
    public static ParagraphState FromSnapshot(ParagraphSnapshot p)
    {
        var paragraph = new ParagraphState(p.Id, p.Kind, p.Text, p.Revision, p.Fields)
        {
            Status = p.Status,
            Number = p.Number,
            Deleted = p.Deleted,
            HistoryTruncated = true,
        };
        paragraph.Comments.AddRange(p.Comments);
        paragraph.Sources.AddRange(p.Sources);
        paragraph.MergedFrom.AddRange(p.MergedFrom);
        paragraph.Evidence.AddRange(p.Evidence);
        return paragraph;
    }

    public void SetText(string text, long revision, RowFields? fields = null)
    {
        (Text, Revision, Fields) = (text, revision, fields ?? Fields);
        history.Enqueue((revision, text, Fields));
        if (history.Count > DocumentState.MergeBases + 1)
        {
            history.Dequeue();
            HistoryTruncated = true;
        }
    }
}

/// <summary>A meeting and what happened during it (GET /meetings).</summary>
public sealed class MeetingRecord(string name, DateTimeOffset openedAt, long fromVersion)
{
    public string Name { get; } = name;
    public DateTimeOffset OpenedAt { get; } = openedAt;
    public long FromVersion { get; } = fromVersion;
    public DateTimeOffset? ClosedAt { get; set; }
    public long? ToVersion { get; set; }

    /// <summary>Changes to paragraphs (inserts, edits, moves, deletes) made while it was open.</summary>
    public int Edits { get; set; }

    /// <summary>Status changes to agreed or agreed ad ref made while it was open.</summary>
    public int Agreed { get; set; }

    public MeetingSnapshot ToSnapshot() => new(Name, OpenedAt, FromVersion, ClosedAt, ToVersion, Edits, Agreed);

    public static MeetingRecord FromSnapshot(MeetingSnapshot m) =>
        new(m.Name, m.OpenedAt, m.FromVersion) { ClosedAt = m.ClosedAt, ToVersion = m.ToVersion, Edits = m.Edits, Agreed = m.Agreed };

    public MeetingSummary Summary() => new(Name, OpenedAt, ClosedAt, FromVersion, ToVersion, Edits, Agreed);
}
