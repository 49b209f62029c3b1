namespace WGEC.Drafting.Contracts;

/// <summary>Server → client calls of the hub <c>/hubs/drafting</c> (PROTOCOL.md §3).</summary>
public interface IDraftingClient
{
    Task Applied(Envelope envelope);

    Task Presence(PresenceView presence);
}

public static class HubPaths
{
    public const string Drafting = "/hubs/drafting";
}

public sealed record JoinDocumentRequest(Guid DocumentId, long? SinceVersion = null);

public sealed record JoinDocumentResult(long Version, DocumentView? Document, IReadOnlyList<Envelope>? Events);

public sealed record LeaveDocumentRequest(Guid DocumentId);

public sealed record InsertParagraphRequest(
    Guid DocumentId, Guid? AfterParagraphId, ParagraphKind Kind, string? Text, Guid? ParagraphId = null, string? ClientOpId = null);

public sealed record InsertParagraphResult(Outcome Outcome, long Version, Guid ParagraphId);

public sealed record EditParagraphRequest(Guid DocumentId, Guid ParagraphId, long BaseRevision, string? Text, string? ClientOpId = null);

/// <summary>The answer to <c>EditParagraph</c> and <c>SetParagraphStatus</c>: the paragraph's text as it now stands.</summary>
public sealed record ParagraphTextResult(Outcome Outcome, long Version, long Revision, string Text);

public sealed record MoveParagraphRequest(Guid DocumentId, Guid ParagraphId, Guid? AfterParagraphId, string? ClientOpId = null);

public sealed record DeleteParagraphRequest(Guid DocumentId, Guid ParagraphId, string? ClientOpId = null);

public sealed record SetParagraphStatusRequest(
    Guid DocumentId, Guid ParagraphId, long BaseRevision, ParagraphStatus Status, string? Note = null, string? ClientOpId = null);

public sealed record AddCommentRequest(Guid DocumentId, Guid ParagraphId, string? Text, string? ClientOpId = null);

public sealed record AddCommentResult(Outcome Outcome, long Version, Guid CommentId);

public sealed record TagRevisionRequest(Guid DocumentId, string? Label, string? Note = null, string? ClientOpId = null);

/// <summary>The answer to writes that return nothing but their outcome (move, delete, tag).</summary>
public sealed record WriteResult(Outcome Outcome, long Version);

public sealed record SetFocusRequest(Guid DocumentId, Guid? ParagraphId);

public sealed record PresenceView(Guid DocumentId, IReadOnlyList<PresenceEntry> Participants, int Observers);

public sealed record PresenceEntry(Guid ParticipantId, string Name, string Delegation, Role Role, Guid? ParagraphId);
