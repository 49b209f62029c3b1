using System.Text;
using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The text as Markdown with its numbers, in the form the Markdown import reads back (PROTOCOL.md §5): a title
/// block (<c># Title</c>, then one line with the symbol, the revision or version and the date), then one block per
/// paragraph, operative ones prefixed with their display number (<c>3 bis. …</c>); the rows of a table annex as
/// pipe tables (<see cref="MarkdownTable"/>). Pure.
/// </summary>
/// <remarks>
/// Re-importing gives the title block as two leading paragraphs (a heading and one line of text), then the same
/// paragraphs, kinds and texts, except where the import rules cannot tell: a number with a suffix
/// (<c>3 bis.</c>) is not read as operative, the import decides preambular or text by position (so a text
/// paragraph before the first operative one of a <c>recommendations</c> document comes back preambular, and a
/// preambular one elsewhere as text), a paragraph that is not operative but starts with "5. " keeps it as "5\. ",
/// and a heading stored without <c>#</c> comes back with <c>## </c> before it. A table comes back as one text paragraph
/// (rows are imported from CSV, not Markdown).
/// </remarks>
public static partial class MarkdownExport
{
    public static string Write(ExportInput input)
    {
        var blocks = new List<string>
        {
            "# " + EscapeInline(input.Document.Title),
            EscapeLeadingNumber(EscapeInline(ExportPoint.Line(input))),
        };
        foreach (var block in RowTables.Blocks(input.Paragraphs))
        {
            // A table's rows carry no status markers: a line between them would end the table.
            if (block.Rows is { } rows)
            {
                blocks.Add(MarkdownTable.Write(rows));
                continue;
            }
            blocks.Add(Paragraph(block.Paragraph!));
            if (input.Statuses)
                blocks.Add(StatusMarker(block.Paragraph!.Status));
        }
        return string.Join("\n\n", blocks) + "\n";
    }

    /// <summary>
    /// A status as a link reference definition on its own block, <c>[//]: # (status: agreed)</c>: Markdown renders it
    /// as nothing (so the text reads as before), it has no brackets, and the paragraph's own text is untouched. An
    /// HTML comment would not do: the server escapes raw HTML, so it would show as text. The import still reads
    /// the marker as a paragraph of its own, whose rendering is empty.
    /// </summary>
    public static string StatusMarker(ParagraphStatus status) => $"[//]: # (status: {ProtocolJson.Name(status)})";

    private static string Paragraph(ParagraphView paragraph) => paragraph switch
    {
        { Kind: ParagraphKind.Operative, Number: { Length: > 0 } number } => $"{number}. {paragraph.Text}",
        // A heading is a heading on re-import only if it is written as one.
        { Kind: ParagraphKind.Heading } when !HeadingLine().IsMatch(paragraph.Text) => "## " + paragraph.Text,
        { Kind: ParagraphKind.Heading } => paragraph.Text,
        _ => EscapeLeadingNumber(paragraph.Text),
    };

    /// <summary>
    /// "5. Notes" in a paragraph that is not operative becomes "5\. Notes": it renders the same, and the import
    /// neither makes it operative nor drops the "5. " as a number of its own.
    /// </summary>
    private static string EscapeLeadingNumber(string text)
    {
        var number = LeadingNumber().Match(text);
        return number.Success ? text.Insert(number.Length - 1, "\\") : text;
    }

    /// <summary>
    /// Title and symbol are plain text: escape what Markdown would read as markup or the server as a bracket, and
    /// no more, so that "E/CN.16/2014/CRP.1" or "Science & Technology" stay as they are. An ampersand is markup
    /// only when it starts an entity (<c>&amp;amp;</c>), a <c>#</c> only where a heading's closing sequence may start.
    /// </summary>
    private static string EscapeInline(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var markup = c is '\\' or '`' or '*' or '_' or '[' or ']' or '<'
                || (c == '>' && i == 0)
                || (c == '&' && (char.IsAsciiLetterOrDigit(next) || next == '#'))
                || (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t'));
            if (markup)
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]|$)")]
    private static partial Regex HeadingLine();

    /// <summary>What the import reads as an operative number (MarkdownImport), up to and including the full stop.</summary>
    [GeneratedRegex(@"^[0-9]+\.(?=[ \t]+\S)")]
    private static partial Regex LeadingNumber();
}
