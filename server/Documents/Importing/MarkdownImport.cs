using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Importing;

public sealed record ImportedParagraph(ParagraphKind Kind, string Text);

/// <summary>The paragraphs of an imported text, or why the import was refused (nothing is then imported).</summary>
public sealed record ImportResult(IReadOnlyList<ImportedParagraph> Paragraphs, Refusal? Refusal)
{
    public bool IsValid => Refusal is null;

    public static ImportResult Refused(Refusal refusal) => new([], refusal);
}

/// <summary>Splits a Markdown text into paragraphs and kinds (PROTOCOL.md §5).</summary>
public static partial class MarkdownImport
{
    public static ImportResult Split(string? markdown, DocumentKind documentKind)
    {
        var paragraphs = new List<ImportedParagraph>();
        if (string.IsNullOrEmpty(markdown))
        {
            return new ImportResult(paragraphs, null);
        }

        var inPreamble = documentKind == DocumentKind.Recommendations;
        foreach (var block in Blocks(markdown))
        {
            if (paragraphs.Count == TextRules.MaxParagraphs)
            {
                return ImportResult.Refused(Refusal.TooLarge(string.Create(CultureInfo.InvariantCulture,
                    $"the text has more than {TextRules.MaxParagraphs:N0} paragraphs; the limit is {TextRules.MaxParagraphs:N0}")));
            }

            var check = TextRules.Normalize(block, TextRules.MaxParagraphLength, $"paragraph {paragraphs.Count + 1}");
            if (check.Refusal is { } refusal)
            {
                return ImportResult.Refused(refusal);
            }

            var text = check.Text;
            ParagraphKind kind;
            if (HeadingLine().IsMatch(text))
            {
                kind = ParagraphKind.Heading;
            }
            else if (OperativeNumber().Match(text) is { Success: true } number)
            {
                // Numbering is the server's: the typed number is dropped.
                kind = ParagraphKind.Operative;
                text = text[number.Length..];
                inPreamble = false;
            }
            else
            {
                kind = inPreamble ? ParagraphKind.Preambular : ParagraphKind.Text;
            }

            paragraphs.Add(new ImportedParagraph(kind, text));
        }

        return new ImportResult(paragraphs, null);
    }

    /// <summary>
    /// Paragraph texts in order: runs of lines separated by blank (empty or whitespace-only) lines, with each
    /// heading line a block of its own, since a Markdown heading ends where its line ends.
    /// </summary>
    private static IEnumerable<string> Blocks(string markdown)
    {
        var current = new StringBuilder();
        // The line ends of TextRules (CR, CRLF, LS, PS), not all of ReplaceLineEndings': it also breaks lines at a form
        // feed and at NEL, control characters that the paragraph's text rules must see, and refuse.
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
        foreach (var rawLine in lines.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(rawLine) || HeadingLine().IsMatch(rawLine))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                if (!string.IsNullOrWhiteSpace(rawLine))
                {
                    yield return rawLine;
                }

                continue;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(rawLine);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]|$)")]
    private static partial Regex HeadingLine();

    /// <summary>"3. ", and the numbers the server itself gives between renumberings ("3 bis. ", "0 ter. ", "3 20. ").</summary>
    [GeneratedRegex(@"^[0-9]+(?:[ \t]+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|undecies|duodecies|terdecies|quaterdecies|quindecies|sexdecies|septdecies|octodecies|novodecies|vicies|[0-9]+))?\.[ \t]+(?=\S)")]
    private static partial Regex OperativeNumber();
}
