namespace WGEC.Drafting.Contracts;

/// <summary>
/// One stored event as every client sees it (PROTOCOL.md §3). <see cref="Data"/> is one of the
/// <c>*Data</c> records below on the server; a client reads it as JSON and switches on <see cref="Type"/>.
/// </summary>
public sealed record Envelope(
    Guid DocumentId, long Version, string Type, object Data, Actor Actor, DateTimeOffset At, string? ClientOpId)
{
    /// <summary>The meeting open when the event happened (its own name for meeting-opened and -closed), or null.</summary>
    public string? Meeting { get; init; }
}

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
    public const string MeetingOpened = "meeting-opened";
    public const string MeetingClosed = "meeting-closed";
    public const string ProposalTabled = "proposal-tabled";
    public const string ProposalSupported = "proposal-supported";
    public const string ProposalOpposed = "proposal-opposed";
    public const string ProposalWithdrawn = "proposal-withdrawn";
    public const string ProposalDecided = "proposal-decided";
    public const string CommentResolved = "comment-resolved";
    public const string DocumentAdopted = "document-adopted";
    public const string RowEdited = "row-edited";
    public const string RowsMerged = "rows-merged";
    public const string EvidenceLinked = "evidence-linked";
    public const string EvidenceUnlinked = "evidence-unlinked";
}

public sealed record DocumentCreatedData(string Title, DocumentKind Kind, string? Symbol);

public sealed record ParagraphInsertedData(
    Guid ParagraphId, Guid? AfterParagraphId, ParagraphKind Kind, string Text, string Html, IReadOnlyDictionary<Guid, string?> Numbers)
{
    /// <summary>
    /// Inserted after a revision: its position within its kind ("3 bis"), kept until the next renumbering.
    /// Clients use <c>numbers</c>; this is here so that the events are the whole history (an import replays it).
    /// </summary>
    public string? Position { get; init; }

    /// <summary>A row's fields (kind row); <c>text</c> is made from them.</summary>
    public RowFields? Fields { get; init; }

    /// <summary>A row's contributions.</summary>
    public IReadOnlyList<Guid>? Sources { get; init; }
}

public sealed record RowEditedData(Guid ParagraphId, RowFields Fields, string Text, string Html, bool Merged, long Revision);

/// <summary>
/// <c>paragraphId</c> stays with <c>fields</c> and every source; <c>merged</c> rows are gone; <c>mergedFrom</c> is every row
/// the kept one now stands for.
/// </summary>
public sealed record RowsMergedData(
    Guid ParagraphId, IReadOnlyList<Guid> Merged, RowFields Fields, string Text, string Html, IReadOnlyList<Guid> Sources,
    IReadOnlyList<Guid> MergedFrom, IReadOnlyDictionary<Guid, string?> Numbers, long Revision);

public sealed record EvidenceLinkedData(Guid ParagraphId, EvidenceKind Kind, Guid Id, Guid SourceId, string Label);

public sealed record EvidenceUnlinkedData(Guid ParagraphId, EvidenceKind Kind, Guid Id, Guid SourceId);

public sealed record ParagraphEditedData(Guid ParagraphId, string Text, string Html, bool Merged, long Revision)
{
    /// <summary>Set when the edit is the chair resolving a bracket.</summary>
    public ResolvedBracketData? ResolvedBracket { get; init; }
}

public sealed record ResolvedBracketData(int BracketIndex, BracketKeep Keep, int? Alternative);

public sealed record ParagraphMovedData(Guid ParagraphId, Guid? AfterParagraphId, IReadOnlyDictionary<Guid, string?> Numbers);

public sealed record ParagraphDeletedData(Guid ParagraphId, IReadOnlyDictionary<Guid, string?> Numbers);

public sealed record ParagraphStatusChangedData(Guid ParagraphId, ParagraphStatus Status, string? Note);

public sealed record CommentAddedData(Guid ParagraphId, Guid CommentId, string Text, Guid? ReplyTo);

public sealed record CommentResolvedData(Guid ParagraphId, Guid CommentId);

public sealed record MeetingData(string Name);

public sealed record ProposalTabledData(Guid ProposalId, Guid? ParagraphId, ProposalAction Action, string? Text, string? Note, ParagraphKind Kind);

/// <summary>For proposal-supported, -opposed and -withdrawn.</summary>
public sealed record ProposalData(Guid ProposalId, Guid? ParagraphId);

public sealed record ProposalDecidedData(Guid ProposalId, Guid? ParagraphId, ProposalDecision Decision, ProposalForm Form);

public sealed record DocumentAdoptedData;

public sealed record RevisionTaggedData(string Label, string? Note, IReadOnlyDictionary<Guid, string?> Numbers, bool Renumbered)
{
    /// <summary>When the tag fixed a numbering baseline: each paragraph's consecutive position within its kind.</summary>
    public IReadOnlyDictionary<Guid, int>? Baseline { get; init; }
}
