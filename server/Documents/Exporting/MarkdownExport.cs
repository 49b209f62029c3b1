namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The Markdown export (being written).</summary>
public static class MarkdownExport
{
    public static string Write(ExportInput input) => throw new NotSupportedException("Markdown export: " + input.Document.Title);
}
