using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

// The stored facts of a document's stream. Past tense; a stored type is never renamed or changed
// incompatibly: add a new one. Who did it and under which clientOpId travel with every event, so
// history, attribution and idempotency are all read from the stream itself.

public abstract record DocumentEvent
{
    public Actor By { get; init; } = Actor.System;

    public string? ClientOpId { get; init; }
}

public sealed record DocumentCreated(Guid DocumentId, string Title, DocumentKind Kind, string? Symbol) : DocumentEvent;

/// <param name="AfterParagraphId">The live paragraph it follows (already resolved past tombstones); null = at the top.</param>
/// <param name="Numbers">Display numbers that changed with this event (PROTOCOL.md §3 <c>numbers</c>).</param>
public sealed record ParagraphInserted(
    Guid ParagraphId, Guid? AfterParagraphId, ParagraphKind Kind, string Text, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

public sealed record ParagraphEdited(Guid ParagraphId, string Text, bool Merged) : DocumentEvent;

public sealed record ParagraphMoved(Guid ParagraphId, Guid? AfterParagraphId, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

public sealed record ParagraphDeleted(Guid ParagraphId, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;

public sealed record ParagraphStatusChanged(Guid ParagraphId, ParagraphStatus Status, string? Note) : DocumentEvent;

public sealed record CommentAdded(Guid ParagraphId, Guid CommentId, string Text) : DocumentEvent;

public sealed record RevisionTagged(string Label, string? Note, IReadOnlyDictionary<Guid, string?> Numbers) : DocumentEvent;
