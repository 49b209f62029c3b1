using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Agreeing;

public static class SetParagraphStatus
{
    public static Decision Decide(DocumentState state, SetParagraphStatusRequest request)
    {
        if (request.Status == ParagraphStatus.Unknown)
            return Refusal.Invalid("status must be one of draft, agreed-ad-ref, agreed");
        if (Paragraphs.FindLive(state, request.ParagraphId, out var paragraph) is { } missing)
            return missing;
        if (Paragraphs.CheckBase(state, request.BaseRevision) is { } badBase)
            return badBase;
        var note = TextRules.Normalize(request.Note ?? "", TextRules.MaxCommentLength, "note", allowBlankLines: true);
        if (note.Refusal is { } bad)
            return bad;
        // Nobody agrees to text they have not seen.
        if (paragraph.Revision > request.BaseRevision)
            return Decision.Nothing(new ParagraphTextResult(Outcome.Conflict, state.Version, paragraph.Revision, paragraph.Text));
        if (request.Status != ParagraphStatus.Draft && Brackets.CountOpen(paragraph.Text) is var open and > 0)
            return Refusal.Invalid($"the paragraph has {open} open bracket{(open == 1 ? "" : "s")}; resolve them before agreeing it");
        if (request.Status == paragraph.Status)
            return Decision.Nothing(new ParagraphTextResult(Outcome.Applied, state.Version, paragraph.Revision, paragraph.Text));
        return Decision.Append(new ParagraphStatusChanged(paragraph.Id, request.Status, note.Text.Length == 0 ? null : note.Text));
    }
}
