using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Editing;

public static class DeleteParagraph
{
    public static Decision Decide(DocumentState state, DeleteParagraphRequest request)
    {
        if (Paragraphs.FindUnlocked(state, request.ParagraphId, out var paragraph) is { } refused)
            return refused;
        var next = Numbering.LiveAfterChange(state, paragraph.Id, null, null);
        return Decision.Append(new ParagraphDeleted(paragraph.Id, Numbering.Changes(state, next, removed: paragraph.Id)));
    }
}
