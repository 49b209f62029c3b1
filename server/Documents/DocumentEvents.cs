using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

// The stored facts of a document's stream. Past tense; a stored type is never renamed or changed
// incompatibly: add a new one. Who did it and under which clientOpId travel with every event, so
// history, attribution and idempotency are all read from the stream itself.

public abstract record DocumentEvent
{
    public Actor By { get; init; } = Actor.System;

    public string? ClientOpId { get; init; }

    /// <summary>The meeting open when it happened (for meeting-opened and -closed, that meeting).</summary>
    public string? Meeting { get; init; }
}

public sealed record DocumentCreated(Guid DocumentId, string Title, DocumentKind Kind, string? Symbol) : DocumentEvent;

/// <param name="AfterParagraphId">The live paragraph it follows (already resolved past tombstones); null = at the top.</param>
/// <param name="Numbers">Display numbers that changed with this event (PROTOCOL.md §3 <c>numbers</c>).</param>
public sealed record ParagraphInserted(
    Guid ParagraphId, Guid? AfterParagraphId, ParagraphKind Kind, string Text, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent
{
    /// <summary>
    /// Its position within its kind, given once when it is inserted after a revision ("3 bis") and
    /// kept until the next renumbering: delegations refer to paragraphs by these numbers.
    /// </summary>
    public string? Position { get; init; }

    /// <summary>A row's columns (kind row): <see cref="Text"/> is made from them.</summary>
    public RowFields? Fields { get; init; }

    /// <summary>A row's contributions: the ones it was mapped from.</summary>
    public IReadOnlyList<Guid>? Sources { get; init; }
}

public sealed record ParagraphEdited(Guid ParagraphId, string Text, bool Merged) : DocumentEvent
{
    /// <summary>Set when the edit is the chair resolving a bracket.</summary>
    public ResolvedBracketData? ResolvedBracket { get; init; }
}

/// <summary>A row's columns changed; <see cref="Text"/> is made from them.</summary>
public sealed record RowEdited(Guid ParagraphId, RowFields Fields, string Text, bool Merged) : DocumentEvent;

/// <summary>
/// Rows combined into one: <see cref="ParagraphId"/> stays with <see cref="Fields"/>, the <see cref="Merged"/>
/// rows go (as tombstones), and the kept row holds all their <see cref="Sources"/>.
/// </summary>
/// <param name="MergedFrom">Every row the kept one now stands for: the merged rows and the rows merged into any of them before.</param>
public sealed record RowsMerged(
    Guid ParagraphId, IReadOnlyList<Guid> Merged, RowFields Fields, string Text, IReadOnlyList<Guid> Sources,
    IReadOnlyList<Guid> MergedFrom, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

/// <param name="SourceId">The annex document of a row, the questionnaire of a contribution.</param>
/// <param name="Label">How the evidence read when it was linked.</param>
public sealed record EvidenceLinked(Guid ParagraphId, EvidenceKind Kind, Guid Id, Guid SourceId, string Label) : DocumentEvent;

public sealed record EvidenceUnlinked(Guid ParagraphId, EvidenceKind Kind, Guid Id, Guid SourceId) : DocumentEvent;

public sealed record ParagraphMoved(Guid ParagraphId, Guid? AfterParagraphId, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

public sealed record ParagraphDeleted(Guid ParagraphId, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

public sealed record ParagraphStatusChanged(Guid ParagraphId, ParagraphStatus Status, string? Note) : DocumentEvent;

public sealed record CommentAdded(Guid ParagraphId, Guid CommentId, string Text) : DocumentEvent
{
    public Guid? ReplyTo { get; init; }
}

public sealed record CommentResolved(Guid ParagraphId, Guid CommentId) : DocumentEvent;

/// <param name="Baseline">
/// When the tag renumbers (or is the first tag): each preambular and operative paragraph's
/// consecutive position within its kind. Until the next renumbering, numbers are read against it
/// (3, 3 bis, 4 …).
/// </param>
public sealed record RevisionTagged(string Label, string? Note, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent
{
    public IReadOnlyDictionary<Guid, int>? Baseline { get; init; }

    /// <summary>True when the tag renumbered the text (a first tag that does not still fixes a baseline).</summary>
    public bool Renumbered { get; init; }
}

public sealed record MeetingOpened(string Name) : DocumentEvent;

public sealed record MeetingClosed(string Name) : DocumentEvent;

public sealed record ProposalTabled(
    Guid ProposalId, Guid? ParagraphId, ProposalAction Action, string? Text, string? Note, ParagraphKind Kind) : DocumentEvent;

public sealed record ProposalSupported(Guid ProposalId, Guid? ParagraphId) : DocumentEvent;

public sealed record ProposalOpposed(Guid ProposalId, Guid? ParagraphId) : DocumentEvent;

public sealed record ProposalWithdrawn(Guid ProposalId, Guid? ParagraphId) : DocumentEvent;

public sealed record ProposalDecided(Guid ProposalId, Guid? ParagraphId, ProposalDecision Decision, ProposalForm Form) : DocumentEvent;

public sealed record DocumentAdopted : DocumentEvent;
