using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// A table annex's rows as CSV (<see cref="RowsCsv.Write"/>), the form the import reads back; headings and text
/// paragraphs of the annex are not rows and are left out. Starts with a UTF-8 byte order mark, so that Excel, where
/// most secretariats open CSV files, reads accented names as UTF-8 (the import skips it). Pure.
/// </summary>
public static class CsvExport
{
    public static string Write(ExportInput input) =>
        input.Document.Kind == DocumentKind.Annex
            ? "\uFEFF" + RowsCsv.Write([.. input.Paragraphs.Where(p => p.Kind == ParagraphKind.Row)])
            : throw new RefusedException(Refusal.Invalid(
                $"csv is for table annexes (documents of kind annex); this is a {ProtocolJson.Name(input.Document.Kind)}: export it as markdown, html, docx or akn"));
}
