using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The styles of an exported document, after the UN editorial layout: Times New Roman 12 pt, justified;
/// the symbol right-aligned at the top; a bold title; preambular paragraphs indented on the first line;
/// operative paragraphs with their number in a hanging indent (wide enough for "10 bis.").
/// </summary>
internal static class DocxStyles
{
    /// <summary>The character style of a paragraph's status tag ("(agreed)"): layout, not text.</summary>
    public const string StatusTag = "StatusTag";

    /// <summary>The character style of the italic opening word of a preambular or operative paragraph.</summary>
    public const string OpeningWord = "OpeningWord";

    /// <summary>The paragraph styles of a table's cells: its header, its number column, its other cells.</summary>
    public const string TableHeading = "TableHeading";
    public const string TableNumber = "TableNumber";
    public const string TableText = "TableText";

    /// <summary>Where an operative paragraph's text starts; its number starts 1 cm from the margin.</summary>
    private const int OperativeIndent = 1418;
    private const int OperativeHanging = 851;

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", null, isDefault: true, new StyleParagraphProperties(new Justification { Val = JustificationValues.Both })),
        Paragraph("Symbol", "Document symbol", "Normal", false, new StyleParagraphProperties(new Justification { Val = JustificationValues.Right })),
        Paragraph("Title", "Title", "Normal", false,
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = JustificationValues.Left }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
        Paragraph("DateLine", "Date and revision", "Normal", false,
            new StyleParagraphProperties(new SpacingBetweenLines { After = "360" }, new Justification { Val = JustificationValues.Left })),
        Heading(1, "26"),
        Heading(2, "24"),
        Heading(3, "24"),
        Paragraph("Preambular", "Preambular paragraph", "Normal", false,
            new StyleParagraphProperties(new Indentation { FirstLine = "567" })),
        Paragraph("Operative", "Operative paragraph", "Normal", false,
            new StyleParagraphProperties(
                new Tabs(new TabStop { Val = TabStopValues.Left, Position = OperativeIndent }),
                new Indentation { Left = $"{OperativeIndent}", Hanging = $"{OperativeHanging}" })),
        Paragraph(TableText, "Table text", "Normal", false,
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Left }),
            new StyleRunProperties(new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" })),
        Paragraph(TableNumber, "Table number", TableText, false, new StyleParagraphProperties(new Justification { Val = JustificationValues.Right })),
        Paragraph(TableHeading, "Table heading", TableText, false,
            new StyleParagraphProperties(new KeepNext()),
            new StyleRunProperties(new Bold())),
        Character("Hyperlink", "Hyperlink", new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })),
        Character("Code", "Inline code", new StyleRunProperties(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New", ComplexScript = "Courier New" })),
        Character(StatusTag, "Paragraph status", new StyleRunProperties(new Italic(), new Color { Val = "404040" })),
        Character(OpeningWord, "Opening word", new StyleRunProperties(new Italic())));

    private static Style Heading(int level, string size) => Paragraph($"Heading{level}", $"heading {level}", "Normal", false,
        new StyleParagraphProperties(
            new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = JustificationValues.Left },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }));

    private static Style Paragraph(string id, string name, string? basedOn, bool isDefault, params OpenXmlElement[] properties)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle());
        style.Append(properties);
        return style;
    }

    private static Style Character(string id, string name, StyleRunProperties properties) =>
        new(new StyleName { Val = name }, properties) { Type = StyleValues.Character, StyleId = id };
}
