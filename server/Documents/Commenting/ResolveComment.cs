using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Commenting;

/// <summary>A comment is marked resolved by its author, the chair or the secretariat.</summary>
public static class ResolveComment
{
    public static Decision Decide(DocumentState state, ResolveCommentRequest request, Actor actor)
    {
        if (state.ParagraphOfComment(request.CommentId) is not { } paragraphId
            || Paragraphs.FindLive(state, paragraphId, out var paragraph) is not null)
            return Refusal.NotFound($"comment {request.CommentId} does not exist in this document (or its paragraph was deleted)");
        var comment = paragraph.Comments.Single(c => c.Id == request.CommentId);
        if (comment.By.ParticipantId != actor.ParticipantId && actor.Role is not (Role.Chair or Role.Secretariat))
            return Refusal.Forbidden("only the comment's author, the chair or the secretariat may resolve it");
        return comment.Resolved
            ? Decision.Nothing(new WriteResult(Outcome.Applied, state.Version))
            : Decision.Append(new CommentResolved(paragraph.Id, comment.Id));
    }
}
