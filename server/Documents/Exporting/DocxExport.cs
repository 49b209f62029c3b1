namespace WGEC.Drafting.Documents.Exporting;

/// <summary>The Word export (being written).</summary>
public static class DocxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ExportInput input) => throw new NotSupportedException("docx export: " + input.Document.Title);

    public static byte[] WriteTracked(TrackedInput input) => throw new NotSupportedException("docx tracked export: " + input.FromLabel);
}
