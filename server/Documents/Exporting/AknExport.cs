namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The Akn export (being written).</summary>
public static class AknExport
{
    public static string Write(ExportInput input) => throw new NotSupportedException("Akn export: " + input.Document.Title);
}
