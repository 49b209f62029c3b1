namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The Html export (being written).</summary>
public static class HtmlExport
{
    public static string Write(ExportInput input) => throw new NotSupportedException("Html export: " + input.Document.Title);
}
