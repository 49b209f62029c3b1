using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The Word export: a UN-style document (symbol, title, date line; preambular and operative paragraphs with
/// the server's display numbers kept as typed text; headings; inline Markdown as runs; brackets as typed; the rows
/// of a table annex as tables),
/// and, against an earlier point, the same as Word tracked changes attributed to delegations (there rows stay
/// paragraphs, their fields joined by pipes, so that a change to a field is tracked like any other word). Pure: the same
/// input gives the same bytes.
/// </summary>
public static class DocxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ExportInput input)
    {
        var document = input.Document;
        return DocxPackage.Write(document.Title, input.At, context =>
            [
                .. DocxParagraphs.Header(context, document, DocxParagraphs.When(input.RevisionLabel, document.Version, input.At), null),
                .. Body(context, input),
            ]);
    }

    /// <summary>The paragraphs, each run of a table annex's rows as one table (<see cref="DocxTable"/>).</summary>
    private static IEnumerable<OpenXmlElement> Body(DocxContext context, ExportInput input)
    {
        OpenXmlElement? last = null;
        foreach (var block in RowTables.Blocks(input.Paragraphs))
        {
            yield return last = block.Rows is { } rows
                ? DocxTable.Rows(context, rows)
                : DocxParagraphs.Plain(context, block.Paragraph!, input.Statuses);
        }
        // Word ends a body with a paragraph, and adds an empty one after a table that ends it; written here, the file says what Word shows.
        if (last is Table)
            yield return new Paragraph();
    }

    public static byte[] WriteTracked(TrackedInput input)
    {
        var (to, document) = (input.To, input.To.Document);
        var compared = $"{to.RevisionLabel ?? $"Version {document.Version}"} compared with {input.FromLabel}";
        var note = $"Changes since {input.FromLabel} are shown as tracked changes, each under the delegation that made it and when.";
        return DocxPackage.Write(document.Title, to.At, context =>
            [
                .. DocxParagraphs.Header(context, document, $"{compared}, {DocxParagraphs.Date(to.At)}", note),
                .. new DocxTracked(input, context).Body(),
            ]);
    }
}
