using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>Where a paragraph's list numbering comes from: a numbering instance and a level (0–8).</summary>
public readonly record struct ListReference(int NumberingId, int Level);

/// <summary>
/// What the import needs from a document's styles: which paragraphs are headings (and at what
/// level), which are numbered through their style, and which character styles are bold or italic.
/// Styles are followed through <c>basedOn</c>; a style id with no definition is still recognised by
/// its built-in id (<c>Heading2</c>, <c>Title</c>), since generated files often omit styles.xml.
/// </summary>
public sealed partial class WordStyles
{
    private const int MaxChain = 20;
    private readonly Dictionary<string, Style> byId;
    private readonly string? defaultParagraphStyle;

    public WordStyles(Styles? styles)
    {
        byId = [];
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
                byId.TryAdd(id, style);
            if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                defaultParagraphStyle ??= style.StyleId?.Value;
        }
    }

    /// <summary>1–6 for a heading (Title counts as level 1), null for body text.</summary>
    public int? HeadingLevel(ParagraphProperties? properties)
    {
        if (properties?.OutlineLevel?.Val?.Value is { } direct)
            return Outline(direct);
        foreach (var (id, style) in Chain(properties?.ParagraphStyleId?.Val?.Value ?? defaultParagraphStyle))
        {
            var name = style?.StyleName?.Val?.Value;
            if (IsTitle(id) || (name is not null && IsTitle(name)))
                return 1;
            var heading = BuiltInHeading().Match(id);
            if (!heading.Success && name is not null)
                heading = BuiltInHeading().Match(name);
            if (heading.Success)
                return Math.Min(heading.Groups[1].ValueSpan[0] - '0', 6);
            if (style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline)
                return Outline(outline);
        }
        return null;
    }

    /// <summary>Outline levels 0–8 are headings (deeper ones shown as level 6); 9, and anything out of range, is body text.</summary>
    private static int? Outline(int level) => level is >= 0 and < 9 ? Math.Min(level + 1, 6) : null;

    /// <summary>
    /// The symbol and date lines of this server's own Word export (styles "Symbol" / "Document symbol"
    /// and "DateLine" / "Date and revision"): the title block, not text, so an export imports as it was.
    /// </summary>
    public bool IsExportTitleBlock(ParagraphProperties? properties) =>
        properties?.ParagraphStyleId?.Val?.Value is { } id
        && byId.GetValueOrDefault(id)?.StyleName?.Val?.Value is { } name
        && ((id, name) is ("Symbol", "Document symbol") or ("DateLine", "Date and revision"));

    /// <summary>A character style of this server's own export, known by its id and its name together.</summary>
    public bool IsExportLayout(string? runStyleId, string id, string name) =>
        runStyleId == id && byId.GetValueOrDefault(id)?.StyleName?.Val?.Value == name;

    public bool IsTitle(ParagraphProperties? properties) =>
        properties?.ParagraphStyleId?.Val?.Value is { } id
        && (IsTitle(id) || (byId.GetValueOrDefault(id)?.StyleName?.Val?.Value is { } name && IsTitle(name)));

    /// <summary>
    /// The paragraph's own numbering, else its style's. A <c>numId</c> of 0 switches numbering off.
    /// A style that names a list without a level takes the level that names the style back, else 0.
    /// </summary>
    public ListReference? List(ParagraphProperties? properties, WordLists lists)
    {
        var direct = properties?.NumberingProperties;
        if (direct?.NumberingId?.Val?.Value is { } directId)
            return directId == 0 ? null : new ListReference(directId, direct.NumberingLevelReference?.Val?.Value ?? 0);
        foreach (var (id, style) in Chain(properties?.ParagraphStyleId?.Val?.Value ?? defaultParagraphStyle))
        {
            if (style?.StyleParagraphProperties?.NumberingProperties is not { } numbering || numbering.NumberingId?.Val?.Value is not { } numberingId)
                continue;
            if (numberingId == 0)
                return null;
            var level = numbering.NumberingLevelReference?.Val?.Value ?? direct?.NumberingLevelReference?.Val?.Value ?? lists.LevelForStyle(numberingId, id) ?? 0;
            return new ListReference(numberingId, level);
        }
        return null;
    }

    /// <summary>Bold and italic from a run's character style (its direct formatting is read by the caller and wins).</summary>
    public (bool? Bold, bool? Italic) CharacterFormat(string? runStyleId)
    {
        bool? bold = null, italic = null;
        foreach (var (_, style) in Chain(runStyleId))
        {
            var run = style?.StyleRunProperties;
            bold ??= run?.Bold is { } b ? b.Val?.Value ?? true : null;
            italic ??= run?.Italic is { } i ? i.Val?.Value ?? true : null;
        }
        return (bold, italic);
    }

    /// <summary>The style and the ones it is based on, nearest first; a missing definition still yields its id.</summary>
    private IEnumerable<(string Id, Style? Style)> Chain(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < MaxChain; depth++)
        {
            var style = byId.GetValueOrDefault(styleId);
            yield return (styleId, style);
            styleId = style?.BasedOn?.Val?.Value;
        }
    }

    private static bool IsTitle(string idOrName) => idOrName.Equals("Title", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^heading\s?([1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuiltInHeading();
}
