using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Creating;

public enum WordParagraphKind { Text, Heading, Operative }

/// <summary>One paragraph of the import: its kind, its text without formatting (to compare with a title), and its Markdown block.</summary>
public sealed record WordParagraph(WordParagraphKind Kind, bool IsTitle, string Plain, string Markdown);

/// <summary>
/// Reads a document body, paragraph by paragraph, into Markdown blocks that the Markdown import
/// classifies the way PROTOCOL.md §5 says: a heading style becomes "# …", a top-level arabic list
/// number or a typed number ("3.", "3 bis.") becomes "1. …" (the server numbers operative paragraphs
/// itself), other list labels ("(a)") are kept as text, bullets become "- ". Tables are read cell by
/// cell; empty paragraphs are skipped.
/// </summary>
public sealed partial class WordBody(WordStyles styles, WordLists lists, WordInlines inlines)
{
    /// <summary>Enough to see that a paragraph is over the limit, even after trimming, without holding a huge one.</summary>
    private const int ParagraphCapacity = 2 * TextRules.MaxParagraphLength;

    /// <summary>A few over the limit: the symbol and title lines may still be dropped; the Markdown import has the last word.</summary>
    private const int MaxParagraphs = TextRules.MaxParagraphs + 10;

    public List<WordParagraph> Read(Body body)
    {
        var paragraphs = new List<WordParagraph>();
        InlineText? carried = null;
        foreach (var paragraph in Paragraphs(body))
        {
            var text = new InlineText(ParagraphCapacity);
            if (carried is not null)
                text.Append(carried);
            inlines.Read(paragraph, text);
            if (text.Overflowed)
                throw TooLarge($"paragraph {paragraphs.Count + 1} of the Word document is over {TextRules.MaxParagraphLength:N0} characters, the limit");
            // Accepting the deletion of a paragraph mark joins the paragraph to the next one.
            carried = MarkDeleted(paragraph) ? text : null;
            if (carried is null && Convert(paragraph.ParagraphProperties, text) is { } converted)
                paragraphs.Add(converted);
            if (paragraphs.Count > MaxParagraphs)
                throw TooLarge($"the Word document has more than {TextRules.MaxParagraphs:N0} paragraphs, the limit");
        }
        if (carried is not null && Convert(null, carried) is { } last)
            paragraphs.Add(last);
        return paragraphs;
    }

    private WordParagraph? Convert(ParagraphProperties? properties, InlineText raw)
    {
        // Counted even when empty, as Word counts it.
        var item = styles.List(properties, lists) is { } list ? lists.Next(list) : null;
        var text = raw.Tidy();
        if (text.Length == 0 || styles.IsExportTitleBlock(properties))
            return null;

        if (styles.HeadingLevel(properties) is { } level)
        {
            var line = text.OneLine();
            return new(WordParagraphKind.Heading, styles.IsTitle(properties), line.Plain,
                MarkdownText.Heading(level, item is { IsBullet: false } ? item.Label : null, line));
        }
        if (item is { IsBullet: true })
            return new(WordParagraphKind.Text, false, text.Plain, "- " + MarkdownText.Write(text, startsLine: true));
        if (item is { IsTopLevelNumber: false, Label.Length: > 0 })
            return new(WordParagraphKind.Text, false, text.Plain, MarkdownText.Escape(item.Label, atLineStart: true) + " " + MarkdownText.Write(text, startsLine: false));

        var typed = TypedNumber().Match(text.Plain);
        if (typed.Success)
            text = text.Tidy(typed.Length);
        if (text.Length == 0)
            return null;
        return item is { IsTopLevelNumber: true } || typed.Success
            ? new(WordParagraphKind.Operative, false, text.Plain, "1. " + MarkdownText.Write(text, startsLine: true))
            : new(WordParagraphKind.Text, false, text.Plain, MarkdownText.Write(text, startsLine: true));
    }

    /// <summary>The paragraphs in reading order: table cells and content controls opened up.</summary>
    private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph paragraph)
            {
                yield return paragraph;
                continue;
            }
            OpenXmlElement? inner = child switch
            {
                Table or TableRow or TableCell or CustomXmlBlock or CustomXmlRow or CustomXmlCell => child,
                SdtBlock block => block.SdtContentBlock,
                SdtRow row => row.SdtContentRow,
                SdtCell cell => cell.SdtContentCell,
                _ => null,
            };
            if (inner is null)
                continue;
            foreach (var nested in Paragraphs(inner))
                yield return nested;
        }
    }

    private static bool MarkDeleted(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.ChildElements.Any(e => e is Deleted or MoveFrom) == true;

    private static RefusedException TooLarge(FormattableString message) =>
        new(Refusal.TooLarge(message.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A number typed at the start, as in UN texts: "3.", "12.", "3 bis.", "3ter.", then a space or tab.</summary>
    [GeneratedRegex(@"^[0-9]{1,4}(?:\s*(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedNumber();
}
