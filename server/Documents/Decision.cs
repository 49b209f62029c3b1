namespace WGEC.Drafting.Documents;

/// <summary>
/// What a pure decision answers: a refusal, events to append, or nothing to append with the
/// answer to give (a repeat of the current text, a conflict). Never all three.
/// </summary>
public sealed record Decision
{
    public Refusal? Refusal { get; private init; }

    public IReadOnlyList<DocumentEvent> Events { get; private init; } = [];

    /// <summary>The caller's answer when nothing is appended.</summary>
    public object? Unchanged { get; private init; }

    public static Decision Append(params DocumentEvent[] events) => new() { Events = events };

    public static Decision Nothing(object result) => new() { Unchanged = result };

    public static implicit operator Decision(Refusal refusal) => new() { Refusal = refusal };
}

/// <summary>Checks shared by the decisions about one paragraph.</summary>
public static class Paragraphs
{
    public static Refusal? FindLive(DocumentState state, Guid paragraphId, out ParagraphState paragraph)
    {
        paragraph = state.Find(paragraphId)!;
        return paragraph is null || paragraph.Deleted
            ? Refusal.NotFound($"paragraph {paragraphId} does not exist in this document (or was deleted)")
            : null;
    }

    public static Refusal? FindUnlocked(DocumentState state, Guid paragraphId, out ParagraphState paragraph) =>
        FindLive(state, paragraphId, out paragraph) ?? (paragraph.IsLocked
            ? Refusal.Locked($"the paragraph is {Contracts.ProtocolJson.Name(paragraph.Status)}; the chair must reopen it first")
            : null);

    /// <summary>A row's text is made from its fields: what edits text as text refuses rows.</summary>
    public static Refusal? RefuseRow(ParagraphState paragraph) =>
        paragraph.Kind == Contracts.ParagraphKind.Row
            ? Refusal.Invalid("this paragraph is a table row: its text is made from its fields, changed with EditRow (or MergeRows)")
            : null;

    /// <summary>A <c>baseRevision</c> must be a version of the document (the text the caller saw).</summary>
    public static Refusal? CheckBase(DocumentState state, long baseRevision) =>
        baseRevision > state.Version || baseRevision < 1
            ? Refusal.Invalid($"baseRevision {baseRevision} is not a version of this document (now {state.Version})")
            : null;

    /// <summary>Resolves an <c>afterParagraphId</c>: unknown → not-found; a tombstone → the nearest live paragraph before it.</summary>
    public static Refusal? ResolveAfter(DocumentState state, Guid? afterParagraphId, out Guid? after)
    {
        after = null;
        if (afterParagraphId is not { } id)
            return null;
        if (state.Find(id) is null)
            return Refusal.NotFound($"paragraph {id} (afterParagraphId) does not exist in this document");
        after = state.NearestLiveAtOrBefore(id);
        return null;
    }
}
