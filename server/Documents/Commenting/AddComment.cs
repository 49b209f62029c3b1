using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Commenting;

public static class AddComment
{
    public static Decision Decide(DocumentState state, AddCommentRequest request, Guid commentId)
    {
        if (Paragraphs.FindLive(state, request.ParagraphId, out var paragraph) is { } missing)
            return missing;
        var text = TextRules.Normalize(request.Text, TextRules.MaxCommentLength, "comment", allowBlankLines: true);
        if (text.Refusal is { } bad)
            return bad;
        if (text.Text.Length == 0)
            return Refusal.Invalid("a comment cannot be empty");
        if (request.ReplyTo is { } replyTo && paragraph.Comments.All(c => c.Id != replyTo))
            return Refusal.NotFound($"comment {replyTo} (replyTo) is not a comment on this paragraph");
        return Decision.Append(new CommentAdded(paragraph.Id, commentId, text.Text) { ReplyTo = request.ReplyTo });
    }
}
