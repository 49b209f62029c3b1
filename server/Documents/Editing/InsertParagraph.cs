using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Documents.Editing;

public static class InsertParagraph
{
    public static Decision Decide(DocumentState state, InsertParagraphRequest request, Guid newId)
    {
        if (request.Kind == ParagraphKind.Unknown)
            return Refusal.Invalid("kind must be one of heading, preambular, operative, text, row");
        var id = request.ParagraphId ?? newId;
        if (id == Guid.Empty || state.Find(id) is not null)
            return Refusal.Invalid($"paragraph id {id} is already used in this document");
        if (state.LiveCount >= TextRules.MaxParagraphs)
            return Refusal.TooLarge($"a document holds at most {TextRules.MaxParagraphs:N0} paragraphs");
        var (text, fields) = (TextRules.Normalize(request.Text, TextRules.MaxParagraphLength, "paragraph text"), (RowFields?)null);
        if (request.Kind == ParagraphKind.Row)
        {
            if (state.Kind != DocumentKind.Annex)
                return Refusal.Invalid("table rows belong in a document of kind annex");
            var row = RowText.Normalize(request.Fields, keep: null);
            if ((row.Refusal ?? RowText.CheckSources(request.Sources)) is { } badRow)
                return badRow;
            (text, fields) = (TextCheck.Valid(RowText.Of(row.Fields)), row.Fields);
        }
        else if (request.Fields is not null || request.Sources is not null)
        {
            return Refusal.Invalid("fields and sources are for paragraphs of kind row");
        }
        if (text.Refusal is { } bad)
            return bad;
        if (Paragraphs.ResolveAfter(state, request.AfterParagraphId, out var after) is { } missing)
            return missing;

        var next = Numbering.LiveAfterChange(state, null, (id, request.Kind), after).ToList();
        var position = Numbering.Assign(state, next, id, request.Kind);
        var numbers = Numbering.Changes(state, next, given: position is null ? null : (id, position));
        return Decision.Append(new ParagraphInserted(id, after, request.Kind, text.Text, numbers)
        {
            Position = position,
            Fields = fields,
            Sources = fields is null ? null : [.. request.Sources ?? []],
        });
    }
}
