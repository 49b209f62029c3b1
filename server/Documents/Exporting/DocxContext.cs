using System.Globalization;
using DocumentFormat.OpenXml.Packaging;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// What the writing of one document shares: revision ids given in document order, hyperlink relationships
/// (one per target, ids in order of first use), and move names. Same input, same ids.
/// </summary>
internal sealed class DocxContext(MainDocumentPart main)
{
    private readonly Dictionary<string, string> links = [];
    private readonly Dictionary<Guid, string> moves = [];
    private int nextId;

    public string NextId() => (nextId++).ToString(CultureInfo.InvariantCulture);

    public string MoveName(Guid paragraphId) =>
        moves.TryGetValue(paragraphId, out var name) ? name : moves[paragraphId] = $"move{moves.Count + 1}";

    public string Link(string url)
    {
        if (!links.TryGetValue(url, out var id))
            links[url] = id = main.AddHyperlinkRelationship(new Uri(url), true, $"rIdLink{links.Count + 1}").Id;
        return id;
    }

    /// <summary>Word's revision dates have whole seconds.</summary>
    public static DateTime Date(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
