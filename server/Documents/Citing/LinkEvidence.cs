using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Citing;

/// <summary>What a piece of evidence is, found by its id: where it lives and how a citation names it.</summary>
public sealed record EvidenceTarget(Guid SourceId, string Label);

/// <summary>
/// A paragraph cites, or stops citing, a mapping row or a questionnaire contribution. Citing changes
/// no text, so it is allowed on agreed paragraphs too (like a comment).
/// </summary>
public static class LinkEvidence
{
    public const int MaxPerParagraph = 200;

    public static Decision Link(DocumentState state, EvidenceRequest request, EvidenceTarget target)
    {
        if (Find(state, request, out var paragraph) is { } refused)
            return refused;
        if (request.Kind == EvidenceKind.Row && request.Id == paragraph.Id)
            return Refusal.Invalid("a row does not cite itself");
        if (paragraph.Evidence.Exists(e => e.Kind == request.Kind && e.Id == request.Id))
            return Decision.Nothing(new WriteResult(Outcome.Applied, state.Version));
        if (paragraph.Evidence.Count >= MaxPerParagraph)
            return Refusal.TooLarge($"a paragraph cites at most {MaxPerParagraph} pieces of evidence");
        return Decision.Append(new EvidenceLinked(paragraph.Id, request.Kind, request.Id, target.SourceId, target.Label));
    }

    public static Decision Unlink(DocumentState state, EvidenceRequest request)
    {
        if (Find(state, request, out var paragraph) is { } refused)
            return refused;
        return paragraph.Evidence.Find(e => e.Kind == request.Kind && e.Id == request.Id) is { } cited
            ? Decision.Append(new EvidenceUnlinked(paragraph.Id, cited.Kind, cited.Id, cited.SourceId))
            : Refusal.NotFound($"the paragraph does not cite {ProtocolJson.Name(request.Kind)} {request.Id}");
    }

    private static Refusal? Find(DocumentState state, EvidenceRequest request, out ParagraphState paragraph)
    {
        paragraph = null!;
        if (request.Kind == EvidenceKind.Unknown)
            return Refusal.Invalid("kind must be row or contribution");
        return Paragraphs.FindLive(state, request.ParagraphId, out paragraph);
    }
}
