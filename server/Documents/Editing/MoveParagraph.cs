using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Editing;

public static class MoveParagraph
{
    public static Decision Decide(DocumentState state, MoveParagraphRequest request)
    {
        if (Paragraphs.FindUnlocked(state, request.ParagraphId, out var paragraph) is { } refused)
            return refused;
        if (request.AfterParagraphId == paragraph.Id)
            return Refusal.Invalid("a paragraph cannot be moved after itself");
        if (Paragraphs.ResolveAfter(state, request.AfterParagraphId, out var after) is { } missing)
            return missing;
        // A tombstone just behind the paragraph resolves to the paragraph itself: that is "stay".
        if (after == paragraph.Id || after == LivePredecessor(state, paragraph.Id))
            return Decision.Nothing(new WriteResult(Outcome.Applied, state.Version));

        var next = Numbering.LiveAfterChange(state, paragraph.Id, (paragraph.Id, paragraph.Kind), after);
        return Decision.Append(new ParagraphMoved(paragraph.Id, after, Numbering.Changes(state, next)));
    }

    private static Guid? LivePredecessor(DocumentState state, Guid id)
    {
        Guid? previous = null;
        foreach (var p in state.Live)
        {
            if (p.Id == id)
                return previous;
            previous = p.Id;
        }
        return previous;
    }
}
