using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>A DOCX read back: validated, and its paragraphs and tracked changes as plain values to assert on.</summary>
public sealed class Docx : IDisposable
{
    private static readonly DocumentViews Views = new(new MarkdownRenderer());
    private readonly WordprocessingDocument document;

    public Docx(byte[] bytes)
    {
        document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, "OpenXml validator:\n" + string.Join("\n", errors.Select(e => $"{e.Description} at {e.Path?.XPath} in {e.Part?.Uri}")));
    }

    public MainDocumentPart Main => document.MainDocumentPart!;

    public CoreFilePropertiesPart Core => document.CoreFilePropertiesPart!;

    public Body Body => Main.Document!.Body!;

    /// <summary>Each paragraph: its style id (null = Normal) and the text a reader of the final version sees (deleted text left out).</summary>
    public IReadOnlyList<(string? Style, string Text)> Paragraphs =>
        [.. Body.Elements<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text(p, deleted: false)))];

    /// <summary>Each run-level change (<c>w:ins</c>, <c>w:del</c>, <c>w:moveFrom</c>, <c>w:moveTo</c>), in document order, with its text (nested changes' included).</summary>
    public IReadOnlyList<Change> Changes =>
        [.. Body.Descendants<RunTrackChangeType>().Select(c => new Change(c.LocalName, c.Author!.Value!, c.Date!.Value, Text(c, deleted: true)))];

    /// <summary>Each paragraph mark that is tracked: the paragraph's text and the mark's kind and author.</summary>
    public IReadOnlyList<Change> Marks =>
        [.. Body.Elements<Paragraph>()
            .Select(p => (Paragraph: p, Mark: p.ParagraphProperties?.ParagraphMarkRunProperties?.OfType<TrackChangeType>().SingleOrDefault()))
            .Where(x => x.Mark is not null)
            .Select(x => new Change(x.Mark!.LocalName, x.Mark.Author!.Value!, x.Mark.Date!.Value, Text(x.Paragraph, deleted: true)))];

    /// <summary>The text after accepting every change: paragraphs whose mark was deleted or moved away go, and so does deleted and moved-away text.</summary>
    public IReadOnlyList<string> Accepted => View(gone: ["del", "moveFrom"]);

    /// <summary>The text after rejecting every change: inserted and moved-here paragraphs and text go, deleted and moved-away text stays.</summary>
    public IReadOnlyList<string> Rejected => View(gone: ["ins", "moveTo"]);

    public void Dispose() => document.Dispose();

    private List<string> View(string[] gone) =>
        [.. Body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphMarkRunProperties?.OfType<TrackChangeType>().SingleOrDefault() is not { } mark || !gone.Contains(mark.LocalName))
            .Select(p => string.Concat(p.Descendants()
                .Where(e => e is TextType or TabChar or Break)
                .Where(e => !e.Ancestors<RunTrackChangeType>().Any(c => gone.Contains(c.LocalName)))
                .Select(e => e switch { TextType t => t.Text, TabChar => "\t", _ => "\n" })))];

    public static Docx Export(DocumentState state, bool statuses = false, string? label = null) =>
        new(DocxExport.Write(Input(state, statuses, label)));

    public static ExportInput Input(DocumentState state, bool statuses = false, string? label = null) =>
        new(Views.From(state), state.LastEventAt, label, statuses);

    /// <summary>The tracked export of <paramref name="builder"/>'s document now against version <paramref name="from"/>.</summary>
    public static TrackedInput Tracked(StateBuilder builder, long from, string fromLabel = "Rev.1", bool statuses = false)
    {
        var events = builder.Recorded().Where(e => e.Version > from).ToList();
        return new TrackedInput(Input(builder.State, statuses), Views.From(builder.Replay(from)), fromLabel, events);
    }

    /// <summary>Visible text: <c>w:t</c> (and <c>w:delText</c> when <paramref name="deleted"/>), tabs as \t, breaks as \n.</summary>
    public static string Text(OpenXmlElement element, bool deleted)
    {
        var text = new StringBuilder();
        foreach (var e in element.Descendants())
        {
            _ = e switch
            {
                Text t => text.Append(t.Text),
                DeletedText d when deleted => text.Append(d.Text),
                TabChar => text.Append('\t'),
                Break => text.Append('\n'),
                _ => text,
            };
        }
        return text.ToString();
    }
}

public sealed record Change(string Kind, string Author, DateTime Date, string Text);

public static class Times
{
    /// <summary>The time of version <paramref name="version"/> as Word's revision dates hold it (UTC, whole seconds).</summary>
    public static DateTime At(long version) => StateBuilder.At(version).UtcDateTime;
}
