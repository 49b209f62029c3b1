using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Comparing;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The paragraphs of an export: the title block, and each paragraph of the text with its style and number.</summary>
internal static class DocxParagraphs
{
    /// <summary>The symbol (right-aligned), the title, and a line saying which text this is and when.</summary>
    public static IEnumerable<OpenXmlElement> Header(DocxContext context, DocumentView document, string dateLine, string? note)
    {
        if (document.Symbol is { Length: > 0 } symbol)
            yield return Build(context, "Symbol", null, [Plain(symbol)]);
        yield return Build(context, "Title", null, [Plain(document.Title)]);
        yield return Build(context, "DateLine", null, [Plain(dateLine)]);
        if (note is not null)
            yield return Build(context, "DateLine", null, [new(TextPiece.Added(note, new TextStyle(Italic: true)), null)]);
    }

    /// <summary>"Rev.2, 10 March 2025, 09:07 UTC" for a revision; "Version 17, …" otherwise.</summary>
    public static string When(string? label, long version, DateTimeOffset at) =>
        (label ?? string.Create(CultureInfo.InvariantCulture, $"Version {version}")) + ", " + Date(at);

    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>One paragraph of the text as it stands, with its number and (optionally) its status.</summary>
    public static Paragraph Plain(DocxContext context, ParagraphView paragraph, bool statuses)
    {
        var text = TextOf(paragraph.Kind, paragraph.Text);
        var pieces = Number(paragraph.Number).Concat(text.Pieces).Concat(statuses ? Tag(paragraph.Status) : []);
        return Build(context, StyleOf(paragraph.Kind, text.HeadingLevel), null, pieces.Select(p => new MarkedPiece(p, null)));
    }

    /// <summary>A paragraph of a style, its mark tracked as <paramref name="mark"/> (inserted, deleted, moved) when given.</summary>
    public static Paragraph Build(DocxContext context, string? style, Mark? mark, IEnumerable<MarkedPiece> pieces)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.Append(new ParagraphStyleId { Val = style });
        if (mark is not null)
        {
            properties.Append(new ParagraphMarkRunProperties(mark.Kind switch
            {
                MarkKind.Inserted => DocxRuns.Stamped(new Inserted(), context, mark.By),
                MarkKind.Deleted => DocxRuns.Stamped(new Deleted(), context, mark.By),
                MarkKind.MovedFrom => DocxRuns.Stamped(new MoveFrom(), context, mark.By),
                _ => DocxRuns.Stamped(new MoveTo(), context, mark.By),
            }));
        }
        var paragraph = new Paragraph();
        if (properties.HasChildren)
            paragraph.Append(properties);
        paragraph.Append(DocxRuns.Build(context, pieces));
        return paragraph;
    }

    /// <summary>The text's pieces; a preambular or operative paragraph opens with its first word in italics.</summary>
    public static MarkdownText TextOf(ParagraphKind kind, string markdown)
    {
        var text = MarkdownRuns.Parse(markdown);
        return kind is ParagraphKind.Preambular or ParagraphKind.Operative
            ? text with { Pieces = MarkdownRuns.ItalicizeFirstWord(text.Pieces) }
            : text;
    }

    /// <summary>The paragraph style of a kind; a heading's level is its Markdown one ("## Annex"), 1 to 3.</summary>
    public static string? StyleOf(ParagraphKind kind, int headingLevel) => kind switch
    {
        ParagraphKind.Heading => $"Heading{Math.Clamp(headingLevel, 1, 3)}",
        ParagraphKind.Preambular => "Preambular",
        ParagraphKind.Operative => "Operative",
        _ => null,
    };

    /// <summary>The server's display number as typed text ("3 bis.") and a tab to the hanging indent: Word's own numbering cannot say "bis".</summary>
    public static IEnumerable<TextPiece> Number(string? number) =>
        number is null ? [] : [NumberText(number), TextPiece.Added("\t")];

    public static TextPiece NumberText(string number) => TextPiece.Added(number + ".");

    /// <summary>
    /// " (agreed ad ref.)" after an agreed or agreed ad ref. paragraph, in italics in a style of its own;
    /// a draft paragraph is not marked (unmarked text is still under negotiation, as in UN texts). Round
    /// brackets: square ones mean unagreed text.
    /// </summary>
    public static IEnumerable<TextPiece> Tag(ParagraphStatus status) =>
        status is ParagraphStatus.Agreed or ParagraphStatus.AgreedAdRef
            ? [TextPiece.Added(" "), TextPiece.Added($"({ComparePage.Status(status)})", new TextStyle(CharacterStyle: DocxStyles.StatusTag))]
            : [];

    private static MarkedPiece Plain(string text) => new(TextPiece.Added(text), null);
}
