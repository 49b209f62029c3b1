using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>
/// A <see cref="DocumentState"/> as plain data, so time travel can start from it instead of from
/// version 1 (DESIGN.md "Time travel is bounded"). Made by <see cref="DocumentState.ToSnapshot"/>,
/// read back by <see cref="DocumentState.FromSnapshot"/>.
/// <para>
/// Snapshots serve <b>reads only</b>: they leave out the idempotency results (clientOpId → answer)
/// and each paragraph's older texts kept as merge bases. A state restored from one answers every
/// view, diff, meeting, concordance and progress read exactly, but must never decide a write: the
/// writer keeps folding its own state from the whole stream.
/// </para>
/// </summary>
public sealed record DocumentSnapshot
{
    /// <summary>Bumped whenever <see cref="DocumentState"/> keeps something new: older snapshots are then ignored (and remade on read).</summary>
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public DocumentKind Kind { get; init; }
    public string? Symbol { get; init; }
    public long Version { get; init; }
    public DateTimeOffset LastEventAt { get; init; }
    public DateTimeOffset? AdoptedAt { get; init; }

    /// <summary>Every paragraph in document order, tombstones included at the place they were deleted.</summary>
    public IReadOnlyList<ParagraphSnapshot> Paragraphs { get; init; } = [];

    public IReadOnlyList<RevisionView> Revisions { get; init; } = [];

    /// <summary>In the order they were tabled (the order the state enumerates them in).</summary>
    public IReadOnlyList<ProposalSnapshot> Proposals { get; init; } = [];

    public IReadOnlyList<MeetingSnapshot> Meetings { get; init; } = [];

    /// <summary>Each tagged revision's concordance, in the order the revisions were tagged.</summary>
    public IReadOnlyList<ConcordanceSnapshot> Concordances { get; init; } = [];

    public IReadOnlyDictionary<Guid, int>? Baseline { get; init; }
    public IReadOnlyDictionary<Guid, string> Assigned { get; init; } = new Dictionary<Guid, string>();
}

/// <summary>A paragraph's fields; its comments' paragraph index is rebuilt from <see cref="Comments"/>.</summary>
public sealed record ParagraphSnapshot(
    Guid Id, ParagraphKind Kind, string Text, long Revision, ParagraphStatus Status, string? Number, bool Deleted,
    IReadOnlyList<CommentView> Comments)
{
    public RowFields? Fields { get; init; }
    public IReadOnlyList<Guid> Sources { get; init; } = [];
    public IReadOnlyList<Guid> MergedFrom { get; init; } = [];
    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];
}

public sealed record ProposalSnapshot(
    Guid Id, Guid? ParagraphId, ProposalAction Action, string? Text, string? Note, ParagraphKind Kind, AuthorView By,
    IReadOnlyList<string> Supporters, IReadOnlyList<string> Opponents, ProposalState State, long TabledVersion);

public sealed record MeetingSnapshot(
    string Name, DateTimeOffset OpenedAt, long FromVersion, DateTimeOffset? ClosedAt, long? ToVersion, int Edits, int Agreed);

public sealed record ConcordanceSnapshot(string Label, IReadOnlyList<ConcordanceEntry> Entries);

/// <summary>A stored snapshot: one per document and version (the id says which, so writing one twice is harmless).</summary>
public sealed class DocumentSnapshotRow
{
    public string Id { get; set; } = "";
    public Guid DocumentId { get; set; }
    public long Version { get; set; }
    public int Format { get; set; }
    public DocumentSnapshot Snapshot { get; set; } = new();

    public static string IdOf(Guid documentId, long version) => $"{documentId:N}:{version}";

    public static DocumentSnapshotRow Of(DocumentSnapshot snapshot) => new()
    {
        Id = IdOf(snapshot.Id, snapshot.Version),
        DocumentId = snapshot.Id,
        Version = snapshot.Version,
        Format = snapshot.Format,
        Snapshot = snapshot,
    };
}

/// <summary>When a snapshot is kept (DESIGN.md): at every revision tag and every <see cref="Interval"/> events.</summary>
public static class SnapshotPolicy
{
    public const int Interval = 1000;

    /// <summary>
    /// True for the versions snapshots are kept at. Every multiple of <see cref="Interval"/> being
    /// one bounds any fold to fewer than <see cref="Interval"/> events once those snapshots exist.
    /// </summary>
    public static bool IsSnapshotPoint(DocumentEvent e, long version) =>
        version > 0 && (version % Interval == 0 || e is RevisionTagged);
}
