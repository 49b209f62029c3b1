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
}

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
