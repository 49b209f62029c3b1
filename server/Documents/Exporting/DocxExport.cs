namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The Word export: a UN-style document (symbol, title, date line; preambular and operative paragraphs with
/// the server's display numbers kept as typed text; headings; inline Markdown as runs; brackets as typed),
/// and, against an earlier point, the same as Word tracked changes attributed to delegations. Pure: the same
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
                .. input.Paragraphs.Select(p => DocxParagraphs.Plain(context, p, input.Statuses)),
            ]);
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
