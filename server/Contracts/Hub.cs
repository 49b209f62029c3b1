namespace WGEC.Drafting.Contracts;

/// <summary>Server → client calls of the hub <c>/hubs/drafting</c> (PROTOCOL.md §3).</summary>
public interface IDraftingClient
{
    Task Applied(Envelope envelope);

    Task Presence(PresenceView presence);

    /// <summary>The chair asks everyone to look at a paragraph (the projector view follows it).</summary>
    Task Follow(FollowView follow);

    /// <summary>
    /// The citations of a row of this annex changed (a paragraph of some document began or stopped citing it):
    /// sent to the annex's group, whose own stream did not change. Re-read the rows' <c>citedBy</c>.
    /// </summary>
    Task Cited(CitedView cited);
}

public static class HubPaths
{
    public const string Drafting = "/hubs/drafting";
}

public sealed record JoinDocumentRequest(Guid DocumentId, long? SinceVersion = null);

public sealed record JoinDocumentResult(long Version, DocumentView? Document, IReadOnlyList<Envelope>? Events);

public sealed record LeaveDocumentRequest(Guid DocumentId);

/// <param name="Fields">For kind <c>row</c> (in an annex): its columns; <c>text</c> is then made from them and may be left out.</param>
/// <param name="Sources">For kind <c>row</c>: the contributions it was mapped from.</param>
public sealed record InsertParagraphRequest(
    Guid DocumentId, Guid? AfterParagraphId, ParagraphKind Kind, string? Text, Guid? ParagraphId = null, string? ClientOpId = null,
    RowFields? Fields = null, IReadOnlyList<Guid>? Sources = null);

public sealed record InsertParagraphResult(Outcome Outcome, long Version, Guid ParagraphId);

public sealed record EditParagraphRequest(Guid DocumentId, Guid ParagraphId, long BaseRevision, string? Text, string? ClientOpId = null);

/// <summary>The answer to <c>EditParagraph</c> and <c>SetParagraphStatus</c>: the paragraph's text as it now stands.</summary>
public sealed record ParagraphTextResult(Outcome Outcome, long Version, long Revision, string Text);

public sealed record MoveParagraphRequest(Guid DocumentId, Guid ParagraphId, Guid? AfterParagraphId, string? ClientOpId = null);

public sealed record DeleteParagraphRequest(Guid DocumentId, Guid ParagraphId, string? ClientOpId = null);

public sealed record SetParagraphStatusRequest(
    Guid DocumentId, Guid ParagraphId, long BaseRevision, ParagraphStatus Status, string? Note = null, string? ClientOpId = null);

public sealed record AddCommentRequest(Guid DocumentId, Guid ParagraphId, string? Text, string? ClientOpId = null, Guid? ReplyTo = null);

public sealed record ResolveCommentRequest(Guid DocumentId, Guid CommentId, string? ClientOpId = null);

public sealed record AddCommentResult(Outcome Outcome, long Version, Guid CommentId);

/// <param name="Renumber">Renumber the text consecutively at this revision (default true): bis/ter go.</param>
public sealed record TagRevisionRequest(Guid DocumentId, string? Label, string? Note = null, string? ClientOpId = null, bool? Renumber = null);

public sealed record OpenMeetingRequest(Guid DocumentId, string? Name, string? ClientOpId = null);

public sealed record CloseMeetingRequest(Guid DocumentId, string? ClientOpId = null);

/// <param name="ParagraphId">The paragraph to replace or delete, or to insert after (null = insert at the top).</param>
/// <param name="Kind">The kind of an inserted paragraph; left out (null), the kind of the one it follows. A kind given must be known.</param>
public sealed record TableProposalRequest(
    Guid DocumentId, Guid? ParagraphId, ProposalAction Action, string? Text = null, string? Note = null,
    ParagraphKind? Kind = null, string? ClientOpId = null);

public sealed record TableProposalResult(Outcome Outcome, long Version, Guid ProposalId);

/// <summary>Support, oppose or withdraw a proposal.</summary>
public sealed record ProposalRequest(Guid DocumentId, Guid ProposalId, string? ClientOpId = null);

public sealed record DecideProposalRequest(
    Guid DocumentId, Guid ProposalId, ProposalDecision Decision, ProposalForm Form = ProposalForm.Unknown, string? ClientOpId = null);

/// <param name="BracketIndex">Index into the paragraph's <c>brackets</c>.</param>
/// <param name="Alternative">With <c>keep: alternative</c>, which one (0-based).</param>
public sealed record ResolveBracketRequest(
    Guid DocumentId, Guid ParagraphId, long BaseRevision, int BracketIndex, BracketKeep Keep, int? Alternative = null, string? ClientOpId = null);

public sealed record FollowMeRequest(Guid DocumentId, Guid ParagraphId);

public sealed record FollowView(Guid DocumentId, Guid ParagraphId, AuthorView By);

/// <param name="DocumentId">The annex holding the row.</param>
/// <param name="ParagraphId">The row cited or no longer cited; it may since have been merged into another (see <c>mergedFrom</c>).</param>
public sealed record CitedView(Guid DocumentId, Guid ParagraphId);

public sealed record AdoptDocumentRequest(Guid DocumentId, string? ClientOpId = null);

/// <param name="Fields">The fields to change; one left out (null) keeps the value it had at <c>baseRevision</c>.</param>
public sealed record EditRowRequest(Guid DocumentId, Guid ParagraphId, long BaseRevision, RowFields? Fields, string? ClientOpId = null);

/// <summary>The answer to <c>EditRow</c>: the row as it now stands (after a merge, the merged fields).</summary>
public sealed record RowResult(Outcome Outcome, long Version, long Revision, RowFields Fields);

/// <param name="ParagraphIds">Two or more rows; the first one stays and takes the others in.</param>
/// <param name="Fields">The merged row's fields; one left out keeps the first row's.</param>
public sealed record MergeRowsRequest(Guid DocumentId, IReadOnlyList<Guid>? ParagraphIds, RowFields? Fields = null, string? ClientOpId = null);

public sealed record MergeRowsResult(Outcome Outcome, long Version, Guid ParagraphId);

/// <summary>A paragraph cites (or stops citing) a mapping row or a contribution, named by its id.</summary>
public sealed record EvidenceRequest(Guid DocumentId, Guid ParagraphId, EvidenceKind Kind, Guid Id, string? ClientOpId = null);

/// <summary>The answer to writes that return nothing but their outcome (move, delete, tag).</summary>
public sealed record WriteResult(Outcome Outcome, long Version);

public sealed record SetFocusRequest(Guid DocumentId, Guid? ParagraphId);

public sealed record PresenceView(Guid DocumentId, IReadOnlyList<PresenceEntry> Participants, int Observers);

public sealed record PresenceEntry(Guid ParticipantId, string Name, string Delegation, Role Role, Guid? ParagraphId);
