using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Agreeing;

/// <summary>The chair settles a bracket: keeps one alternative, its content, or nothing, and the brackets go.</summary>
public static class ResolveBracket
{
    public static Decision Decide(DocumentState state, ResolveBracketRequest request)
    {
        if ((Paragraphs.FindUnlocked(state, request.ParagraphId, out var paragraph) ?? Paragraphs.RefuseRow(paragraph)) is { } refused)
            return refused;
        if (Paragraphs.CheckBase(state, request.BaseRevision) is { } badBase)
            return badBase;
        // The brackets are numbered in the text the chair saw; a newer text may number them otherwise.
        if (paragraph.Revision > request.BaseRevision)
            return Decision.Nothing(new ParagraphTextResult(Outcome.Conflict, state.Version, paragraph.Revision, paragraph.Text));
        var resolved = BracketResolution.Resolve(paragraph.Text, request.BracketIndex, request.Keep, request.Alternative);
        if (resolved.Error is { } error)
            return Refusal.Invalid(error);
        var text = TextRules.Normalize(resolved.Text, TextRules.MaxParagraphLength, "paragraph text");
        if (text.Refusal is { } bad)
            return bad;
        return Decision.Append(new ParagraphEdited(paragraph.Id, text.Text, Merged: false)
        {
            ResolvedBracket = new ResolvedBracketData(request.BracketIndex, request.Keep, request.Alternative),
        });
    }
}
