using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// A Word upload turned into the same request the JSON call takes: Markdown that the Markdown import
/// splits and classifies, so a .docx and a .md follow one set of rules (PROTOCOL.md §5). Pure: the
/// bytes in, a request or a refusal out; nothing is created until the request is decided.
/// <list type="bullet">
/// <item>The package is checked first (<see cref="DocxArchive"/>, <see cref="DocxLimits"/>): not a ZIP, not
/// Word, macros, external relationships other than hyperlinks → invalid; too big unpacked → too-large.</item>
/// <item>The document is read as if every tracked change were accepted; comments, footnotes, headers,
/// footers, field codes, hidden text, drawings and text boxes are not text (<see cref="WordInlines"/>).</item>
/// <item>Each non-empty paragraph (table cells one by one) becomes one Markdown block (<see cref="WordBody"/>):
/// heading styles "#", operative "1. …" (numbers dropped), list labels and bullets kept, the rest text;
/// bold/italic/links as Markdown and Markdown-looking text escaped (<see cref="MarkdownText"/>).</item>
/// </list>
/// </summary>
public static class DocxImport
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// <paramref name="title"/> may be empty: the document's first Title-styled paragraph is then the
    /// title (and no paragraph), else its core property title, else its first heading. The leading lines
    /// that repeat the symbol and the title (the title block of a UN document, or of our own export) are left out.
    /// </summary>
    public static (CreateDocumentRequest? Request, Refusal? Refusal) ToRequest(
        byte[] docx, string? title, DocumentKind kind, string? symbol, DocxLimits limits)
    {
        if (DocxArchive.Inspect(docx, limits) is { } unsafePackage)
            return (null, unsafePackage);
        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), isEditable: false,
                new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            if (word.MainDocumentPart is not { } main || main.Document?.Body is not { } body)
                return (null, Refusal.Invalid("the file is a ZIP package but not a Word document (it has no main document part)"));

            var styles = new WordStyles(main.StyleDefinitionsPart?.Styles);
            var inlines = new WordInlines(styles, Links(main));
            var paragraphs = new WordBody(styles, new WordLists(main.NumberingDefinitionsPart?.Numbering), inlines).Read(body);

            // A Title-styled paragraph that is the document's title is not also one of its paragraphs: without
            // a title field, the first one wherever it stands; with one (it wins), one that heads the document,
            // e.g. a new document made from an earlier one's export. A Title further down ("Annex") stays.
            var titled = paragraphs.FindIndex(p => p.IsTitle);
            var heads = titled >= 0 && paragraphs.Take(titled).All(p => Same(p.Plain, symbol));
            var titleShown = titled >= 0 && (string.IsNullOrWhiteSpace(title) || heads);
            if (string.IsNullOrWhiteSpace(title))
                title = titled < 0 ? null : Present(paragraphs[titled].Plain);
            if (titleShown)
                paragraphs.RemoveAt(titled);
            title ??= Present(word.PackageProperties.Title) ?? Present(paragraphs.Find(p => p.Kind == WordParagraphKind.Heading)?.Plain);
            if (title is null)
                return (null, Refusal.Invalid("title is missing: give a title field, or a Title-styled paragraph in the document"));
            var markdown = string.Join("\n\n", paragraphs.Skip(TitleBlock(paragraphs, title, symbol, titleShown)).Select(p => p.Markdown));
            return (new CreateDocumentRequest(title, kind, symbol, markdown), null);
        }
        catch (RefusedException refused)
        {
            return (null, refused.Refusal);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException
            or NotSupportedException or InvalidOperationException or OverflowException)
        {
            // What System.IO.Packaging and the SDK throw for a damaged package: FileFormatException (a FormatException), a
            // UriFormatException for a bad link target, InvalidOperationException for a relationship to a part that is not there;
            // and for a bad attribute value when it is read: FormatException ("abc"), OverflowException (a number past Int32).
            return (null, Refusal.Invalid($"the file is not a readable Word document: {e.Message}"));
        }
    }

    /// <summary>The targets of the document's hyperlinks that the renderer would keep (PROTOCOL.md §6).</summary>
    private static Dictionary<string, string> Links(MainDocumentPart main)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in main.HyperlinkRelationships)
        {
            if (link.Uri.IsAbsoluteUri && LinkSchemes.Contains(link.Uri.Scheme, StringComparer.OrdinalIgnoreCase))
                links.TryAdd(link.Id, link.Uri.AbsoluteUri);
        }
        return links;
    }

    /// <summary>
    /// How many paragraphs at the top are the title block: one line that repeats the symbol and one that
    /// repeats the title, in either order. One each: a heading below that says the title again is text.
    /// </summary>
    private static int TitleBlock(List<WordParagraph> paragraphs, string title, string? symbol, bool titleShown)
    {
        var (symbolShown, start) = (false, 0);
        for (; start < paragraphs.Count; start++)
        {
            if (!symbolShown && Same(paragraphs[start].Plain, symbol))
                symbolShown = true;
            else if (!titleShown && Same(paragraphs[start].Plain, title))
                titleShown = true;
            else
                break;
        }
        return start;
    }

    private static string? Present(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Same(string paragraph, string? line) =>
        Present(line) is { } expected && string.Equals(Present(paragraph), expected, StringComparison.OrdinalIgnoreCase);
}
