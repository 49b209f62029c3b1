namespace WGEC.Drafting.Contracts;

/// <summary>
/// One stored event as every client sees it (PROTOCOL.md §3). <see cref="Data"/> is one of the
/// <c>*Data</c> records below on the server; a client reads it as JSON and switches on <see cref="Type"/>.
/// </summary>
public sealed record Envelope(
    Guid DocumentId, long Version, string Type, object Data, Actor Actor, DateTimeOffset At, string? ClientOpId);

public static class EnvelopeTypes
{
    public const string DocumentCreated = "document-created";
    public const string ParagraphInserted = "paragraph-inserted";
    public const string ParagraphEdited = "paragraph-edited";
    public const string ParagraphMoved = "paragraph-moved";
    public const string ParagraphDeleted = "paragraph-deleted";
    public const string ParagraphStatusChanged = "paragraph-status-changed";
    public const string CommentAdded = "comment-added";
    public const string RevisionTagged = "revision-tagged";
}

public sealed record DocumentCreatedData(string Title, DocumentKind Kind, string? Symbol);

public sealed record ParagraphInsertedData(
    Guid ParagraphId, Guid? AfterParagraphId, ParagraphKind Kind, string Text, string Html, IReadOnlyDictionary<Guid, string?> Numbers);

public sealed record ParagraphEditedData(Guid ParagraphId, string Text, string Html, bool Merged, long Revision);

public sealed record ParagraphMovedData(Guid ParagraphId, Guid? AfterParagraphId, IReadOnlyDictionary<Guid, string?> Numbers);

public sealed record ParagraphDeletedData(Guid ParagraphId, IReadOnlyDictionary<Guid, string?> Numbers);

public sealed record ParagraphStatusChangedData(Guid ParagraphId, ParagraphStatus Status, string? Note);

public sealed record CommentAddedData(Guid ParagraphId, Guid CommentId, string Text);

public sealed record RevisionTaggedData(string Label, string? Note, IReadOnlyDictionary<Guid, string?> Numbers);
