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
    MeetingView? Meeting);

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
    IReadOnlyList<CommentView> Comments);

public sealed record CommentView(Guid Id, string Text, AuthorView By, DateTimeOffset At);

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
    int OpenBracketsFrom, int OpenBracketsTo);
