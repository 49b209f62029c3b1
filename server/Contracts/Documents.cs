namespace WGEC.Drafting.Contracts;

public sealed record CreateDocumentRequest(string? Title, DocumentKind Kind, string? Symbol, string? Markdown);

public sealed record DocumentSummary(
    Guid Id, string Title, DocumentKind Kind, string? Symbol, long Version, int Paragraphs, int Agreed, int OpenBrackets);

public sealed record DocumentView(
    Guid Id,
    string Title,
    DocumentKind Kind,
    string? Symbol,
    long Version,
    IReadOnlyList<ParagraphView> Paragraphs,
    IReadOnlyList<RevisionView> Revisions,
    MeetingView? Meeting)
{
    /// <summary>Proposals to insert a paragraph at the top (those about a paragraph are on it).</summary>
    public IReadOnlyList<ProposalView> Proposals { get; init; } = [];

    /// <summary>When the chair adopted the whole text (then read-only), or null.</summary>
    public DateTimeOffset? AdoptedAt { get; init; }
}

public sealed record ParagraphView(
    Guid Id,
    string? Number,
    string? Label,
    ParagraphKind Kind,
    string Text,
    string Html,
    ParagraphStatus Status,
    long Revision,
    int OpenBrackets,
    IReadOnlyList<CommentView> Comments)
{
    /// <summary>Every bracketed span of <c>text</c>, nested ones included, in order of their start.</summary>
    public IReadOnlyList<BracketView> Brackets { get; init; } = [];

    /// <summary>Amendments tabled about this paragraph (to replace it, delete it, or insert after it).</summary>
    public IReadOnlyList<ProposalView> Proposals { get; init; } = [];

    /// <summary>A row's fields (kind <c>row</c>); null for other paragraphs.</summary>
    public RowFields? Fields { get; init; }

    /// <summary>A row's contributions: the ones it was mapped from, its merged rows' included.</summary>
    public IReadOnlyList<Guid>? Sources { get; init; }

    /// <summary>The rows merged into this one (MergeRows), earlier merges included.</summary>
    public IReadOnlyList<Guid>? MergedFrom { get; init; }

    /// <summary>What this paragraph cites: mapping rows and contributions, in the order they were linked.</summary>
    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];

    /// <summary>A row's citing paragraphs, in other documents (also those citing rows merged into it).</summary>
    public IReadOnlyList<CitationView>? CitedBy { get; init; }
}

/// <summary>
/// The columns of a mapping-table row. In a request a field left out (null) keeps its value; in a
/// view or an event every field is a string, maybe empty.
/// </summary>
public sealed record RowFields(string? Issue = null, string? Category = null, string? Grouping = null, string? Activities = null, string? Status = null);

/// <param name="SourceId">The annex document of a row, the questionnaire of a contribution.</param>
/// <param name="Label">The row's issue or the contribution's respondent and question, as when it was linked.</param>
public sealed record EvidenceView(EvidenceKind Kind, Guid Id, Guid SourceId, string Label);

/// <summary>A paragraph that cites a row (<c>citedBy</c>): where it is and its display number now.</summary>
public sealed record CitationView(Guid DocumentId, string DocumentTitle, Guid ParagraphId, string? Number, string? Label);

public sealed record CommentView(Guid Id, string Text, AuthorView By, DateTimeOffset At)
{
    public Guid? ReplyTo { get; init; }

    public bool Resolved { get; init; }
}

public sealed record BracketView(int Start, int End, int Depth, IReadOnlyList<string> Alternatives);

public sealed record ProposalView(
    Guid Id,
    ProposalAction Action,
    string? Text,
    string? Note,
    AuthorView By,
    IReadOnlyList<string> Supporters,
    IReadOnlyList<string> Opponents,
    ProposalState State);

public sealed record MeetingSummary(
    string Name, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long FromVersion, long? ToVersion, int Edits, int Agreed);

public sealed record ConcordanceEntry(Guid ParagraphId, string? OldNumber, string? NewNumber);

public sealed record RevisionView(string Label, long Version, DateTimeOffset At, string? Note);

public sealed record MeetingView(string Name, DateTimeOffset OpenedAt);

public enum ChangeKind { Unknown, Inserted, Deleted, Moved, Renumbered, Edited, StatusChanged, Unchanged }

public sealed record DiffView(DiffPoint From, DiffPoint To, IReadOnlyList<ParagraphDiff> Paragraphs, DiffSummary Summary);

public sealed record DiffPoint(long Version, string? Label);

public sealed record ParagraphDiff(
    Guid ParagraphId,
    ChangeKind Change,
    IReadOnlyList<ChangeKind> Changes,
    string? FromNumber,
    string? ToNumber,
    ParagraphStatus? FromStatus,
    ParagraphStatus? ToStatus,
    string Html);

public sealed record DiffSummary(
    int Inserted, int Deleted, int Moved, int Renumbered, int Edited, int StatusChanged, int Unchanged,
    int OpenBracketsFrom, int OpenBracketsTo)
{
    /// <summary>
    /// Bracketed spans (top-level, or unmatched at any depth) present in the later text of a paragraph
    /// and not in the earlier one; two spans are the same when their bracketed text is.
    /// <c>openBracketsTo - openBracketsFrom = bracketsOpened - bracketsClosed</c>.
    /// </summary>
    public int BracketsOpened { get; init; }

    /// <summary>Bracketed spans present in the earlier text of a paragraph and not in the later one.</summary>
    public int BracketsClosed { get; init; }

    /// <summary>Proposals accepted or rejected after <c>from</c> and by <c>to</c>.</summary>
    public int ProposalsDecided { get; init; }

    /// <summary>Proposals tabled after <c>from</c> and by <c>to</c>.</summary>
    public int ProposalsTabled { get; init; }
}

/// <summary>One event of a document's history, without its data: a point on a slider over the whole history.</summary>
public sealed record TimelineEntry(long Version, DateTimeOffset At, string Type, Actor Actor, string? Meeting, Guid? ParagraphId);

/// <summary>
/// An envelope that touched a paragraph (every <see cref="Envelope"/> field, so envelope readers keep
/// working) and the paragraph as it stood right after it: its text, status, display number and whether it was deleted.
/// </summary>
public sealed record ParagraphHistoryEntry(
    Guid DocumentId,
    long Version,
    string Type,
    object Data,
    Actor Actor,
    DateTimeOffset At,
    string? ClientOpId,
    string? Meeting,
    string Text,
    ParagraphStatus Status,
    string? Number,
    bool Deleted);

public enum ProgressKind { Unknown, Revision, Meeting, Now }

/// <summary>
/// The document's counts at a revision tag, at a meeting's close (or now, while it is open) or now.
/// <c>Label</c> is the revision label or the meeting name; null for now.
/// </summary>
public sealed record ProgressPoint(
    ProgressKind Kind, string? Label, long Version, DateTimeOffset At,
    int Paragraphs, int Agreed, int AgreedAdRef, int OpenBrackets, int OpenProposals);

/// <summary>
/// What one delegation did to a document. <c>Edits</c> counts paragraph inserts, edits (bracket
/// resolutions included), moves and deletes made by its participants; <c>ProposalsAccepted</c> counts its
/// own proposals that the chair accepted.
/// </summary>
public sealed record DelegationActivity(string Delegation, int Edits, int ProposalsTabled, int ProposalsAccepted, int Comments);
