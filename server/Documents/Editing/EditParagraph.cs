using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Editing;

public static class EditParagraph
{
    public static Decision Decide(DocumentState state, EditParagraphRequest request)
    {
        if ((Paragraphs.FindUnlocked(state, request.ParagraphId, out var paragraph) ?? Paragraphs.RefuseRow(paragraph)) is { } refused)
            return refused;
        var mine = TextRules.Normalize(request.Text, TextRules.MaxParagraphLength, "paragraph text");
        if (mine.Refusal is { } bad)
            return bad;
        if (Paragraphs.CheckBase(state, request.BaseRevision) is { } badBase)
            return badBase;

        // Sending the current text again appends nothing, whatever base it was typed on.
        if (mine.Text == paragraph.Text)
            return Decision.Nothing(Answer(Outcome.Applied, state, paragraph));
        if (request.BaseRevision >= paragraph.Revision)
            return Decision.Append(new ParagraphEdited(paragraph.Id, mine.Text, Merged: false));

        var baseText = paragraph.TextAt(request.BaseRevision);
        if (baseText is null)
        {
            return paragraph.HistoryTruncated
                ? Decision.Nothing(Answer(Outcome.Conflict, state, paragraph))
                : Refusal.Invalid($"the paragraph did not exist at baseRevision {request.BaseRevision}");
        }

        var merged = Merge(baseText, paragraph.Text, mine.Text);
        if (merged is null)
            return Decision.Nothing(Answer(Outcome.Conflict, state, paragraph));
        var check = TextRules.Normalize(merged, TextRules.MaxParagraphLength, "merged paragraph text");
        if (check.Refusal is { } tooLarge)
            return tooLarge;
        return check.Text == paragraph.Text
            ? Decision.Nothing(Answer(Outcome.Merged, state, paragraph))
            : Decision.Append(new ParagraphEdited(paragraph.Id, check.Text, Merged: true));
    }

    /// <summary>
    /// Word-level three-way merge; null when the changes overlap, or when the merge would change
    /// the bracket balance that each side meant (one side's <c>[</c> closed by the other's <c>]</c>).
    /// </summary>
    public static string? Merge(string baseText, string theirs, string mine)
    {
        if (ThreeWayMerge.Merge(baseText, theirs, mine) is not MergeResult.Merged { Text: var merged })
            return null;
        var expected = Brackets.CountOpen(theirs) + Brackets.CountOpen(mine) - Brackets.CountOpen(baseText);
        return Brackets.CountOpen(merged) == expected ? merged : null;
    }

    private static ParagraphTextResult Answer(Outcome outcome, DocumentState state, ParagraphState paragraph) =>
        new(outcome, state.Version, paragraph.Revision, paragraph.Text);
}
