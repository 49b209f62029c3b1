using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// The text a reader of a Word paragraph sees with all tracked changes accepted: inserted and moved-in
/// text kept, deleted and moved-out text dropped. Field codes, footnote and comment references,
/// drawings, text boxes, hidden text and anything Word keeps beside the text are skipped.
/// </summary>
public sealed class WordInlines(WordStyles styles, IReadOnlyDictionary<string, string> links)
{
    public void Read(Paragraph paragraph, InlineText into)
    {
        foreach (var child in paragraph.ChildElements)
            Inline(child, null, into);
    }

    private void Inline(OpenXmlElement element, string? link, InlineText into)
    {
        switch (element)
        {
            case Run run:
                ReadRun(run, link, into);
                break;
            case Hyperlink hyperlink:
                // A link to a bookmark, or to a target we would not render (javascript:, file:), stays plain text.
                var target = hyperlink.Id?.Value is { } id ? links.GetValueOrDefault(id) : null;
                foreach (var child in hyperlink.ChildElements)
                    Inline(child, target ?? link, into);
                break;
            case InsertedRun or MoveToRun or SimpleField or CustomXmlRun or BidirectionalEmbedding or BidirectionalOverride:
                foreach (var child in element.ChildElements)
                    Inline(child, link, into);
                break;
            case SdtRun control:
                foreach (var child in control.SdtContentRun?.ChildElements ?? [])
                    Inline(child, link, into);
                break;
            default:
                // w:del and w:moveFrom (tracked deletions), bookmarks, comment ranges, proofing marks, math, mc:AlternateContent.
                break;
        }
    }

    private void ReadRun(Run run, string? link, InlineText into)
    {
        var properties = run.RunProperties;
        if (properties?.Vanish is { } hidden && (hidden.Val?.Value ?? true))
            return;
        // Our own export's status tags and opening-word slant are its layout, not the text or its emphasis.
        var runStyle = properties?.RunStyle?.Val?.Value;
        if (styles.IsExportLayout(runStyle, DocxStyles.StatusTag, "Paragraph status"))
            return;
        // Direct formatting wins over the character style; a paragraph style's bold (a heading's) is not the author's emphasis.
        var (styleBold, styleItalic) = styles.IsExportLayout(runStyle, DocxStyles.OpeningWord, "Opening word")
            ? (null, null)
            : styles.CharacterFormat(runStyle);
        var format = new InlineFormat(
            properties?.Bold is { } bold ? bold.Val?.Value ?? true : styleBold ?? false,
            properties?.Italic is { } italic ? italic.Val?.Value ?? true : styleItalic ?? false,
            link);
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    into.Append(Clean(text.Text), format);
                    break;
                case TabChar or PositionalTab:
                    into.Append(' ', format);
                    break;
                case Break or CarriageReturn:
                    into.Break();
                    break;
                case NoBreakHyphen:
                    into.Append('-', format);
                    break;
                default:
                    // w:delText, w:instrText (a field's code; its result is in the runs after it), references, drawings.
                    break;
            }
        }
    }

    /// <summary>
    /// Whitespace and controls typed inside a text element are layout, not line structure: only w:br
    /// breaks a line. (The server refuses control characters, so they must not reach it.)
    /// </summary>
    private static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F') && !text.AsSpan().ContainsAny('\u2028', '\u2029'))
            return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        });
    }
}
