using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Documents.Exporting.AknNames;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The paragraphs as the <c>preamble</c> and the <c>mainBody</c> of an Akoma Ntoso document (DESIGN.md: a preamble
/// of unnumbered preambular paragraphs, then a numbered operative part). Every paragraph keeps its eId
/// (<see cref="AknNames.EId"/>) whatever element it becomes.
/// </summary>
internal static class AknBody
{
    /// <summary>
    /// How many leading paragraphs form the preamble: everything before the first operative paragraph (headings and
    /// text included) when there is a preambular paragraph among them; with no operative paragraph yet, up to the
    /// last preambular one. A text with no preambular paragraph (a rolling document, a report) has no preamble.
    /// </summary>
    public static int PreambleLength(IReadOnlyList<ParagraphView> paragraphs)
    {
        var firstOperative = 0;
        while (firstOperative < paragraphs.Count && paragraphs[firstOperative].Kind != ParagraphKind.Operative)
            firstOperative++;
        var lastPreambular = firstOperative - 1;
        while (lastPreambular >= 0 && paragraphs[lastPreambular].Kind != ParagraphKind.Preambular)
            lastPreambular--;
        if (lastPreambular < 0)
            return 0;
        return firstOperative < paragraphs.Count ? firstOperative : lastPreambular + 1;
    }

    /// <summary>Runs of preambular paragraphs as <c>recitals</c>; a heading or a text between them as a <c>container</c>.</summary>
    public static IEnumerable<XElement> Preamble(IEnumerable<ParagraphView> paragraphs)
    {
        var recitals = new List<XElement>();
        foreach (var p in paragraphs)
        {
            if (p.Kind == ParagraphKind.Preambular)
            {
                recitals.Add(E("recital", A("eId", EId(p)), AknText.Blocks(p.Text)));
                continue;
            }
            if (recitals.Count > 0)
                yield return E("recitals", [.. recitals]);
            recitals.Clear();
            yield return p.Kind == ParagraphKind.Heading
                ? HeadingContainer(p)
                : E("container", A("eId", EId(p)), A("name", ProtocolJson.Name(p.Kind)), AknText.Blocks(p.Text));
        }
        if (recitals.Count > 0)
            yield return E("recitals", [.. recitals]);
    }

    /// <summary>
    /// Operative paragraphs as <c>paragraph</c> with their display number; headings and other text as
    /// <c>hcontainer</c> named by the paragraph's kind. An empty document still needs one block here.
    /// </summary>
    public static IEnumerable<XElement> MainBody(IReadOnlyList<ParagraphView> paragraphs) =>
        paragraphs.Count == 0 ? [E("p")] : paragraphs.Select(MainParagraph);

    private static XElement MainParagraph(ParagraphView p)
    {
        if (p.Kind == ParagraphKind.Operative)
        {
            return E("paragraph", A("eId", EId(p)),
                p.Number is { Length: > 0 } number ? E("num", number + ".") : null,
                E("content", AknText.Blocks(p.Text)));
        }
        if (p.Kind == ParagraphKind.Heading)
        {
            var (heading, rest) = AknText.Heading(p.Text);
            return E("hcontainer", A("eId", EId(p)), A("name", "heading"), E("heading", heading), rest.Count > 0 ? E("content", rest) : null);
        }
        return E("hcontainer", A("eId", EId(p)), A("name", ProtocolJson.Name(p.Kind)), E("content", AknText.Blocks(p.Text)));
    }

    /// <summary>A preamble takes no hcontainer (nor heading): a heading there is a container whose first block is its line.</summary>
    private static XElement HeadingContainer(ParagraphView p)
    {
        var (heading, rest) = AknText.Heading(p.Text);
        return E("container", A("eId", EId(p)), A("name", "heading"), E("p", A("class", "heading"), heading), rest);
    }
}
