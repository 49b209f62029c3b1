using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// A writer's edits of a paragraph only it edits, for the fault tests: each adds a word of its own under
/// a clientOpId of its own, so every acknowledged word must stand once in the stored text. An edit stays
/// <see cref="Pending"/> until it is answered, and is then resent unchanged.
/// </summary>
public sealed class OwnParagraphEdits(int writer, Guid documentId, ParagraphView paragraph)
{
    private long revision = paragraph.Revision;
    private int next;

    public Guid Paragraph => paragraph.Id;

    /// <summary>The paragraph's text with every acknowledged edit.</summary>
    public string Text { get; private set; } = paragraph.Text;

    public List<(string OpId, long Version)> Acknowledged { get; } = [];

    public EditParagraphRequest? Pending { get; private set; }

    /// <summary>The pending edit, or a new one.</summary>
    public EditParagraphRequest Next() =>
        Pending ??= new EditParagraphRequest(documentId, paragraph.Id, revision, $"{Text} w{next}", ClientOpId: $"op-{writer}-{next}");

    /// <summary>The answer to the pending edit: applied as asked (nobody else edits the paragraph).</summary>
    public void Acknowledge(ParagraphTextResult result)
    {
        var answered = Pending ?? throw new InvalidOperationException("no edit is pending");
        Assert.Equal((Outcome.Applied, answered.Text), (result.Outcome, result.Text));
        Acknowledged.Add((answered.ClientOpId!, result.Version));
        (Text, revision, Pending) = (result.Text, result.Revision, null);
        next++;
    }
}
