using System.Xml;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// Every XML part of an uploaded package, read once before the OpenXml SDK parses any: well-formed, no
/// DTD (no entity expansion, nothing fetched), and nested no deeper than <see cref="MaxDepth"/>: the SDK
/// builds its tree recursively, and a few kilobytes of nested tables overflow the stack, which ends the
/// whole server. The package's own XML is checked too: relationships and content types.
/// </summary>
public static class PackageXml
{
    /// <summary>Word nests a few dozen levels (tables in tables, drawings); ten times that is still far from the stack's end.</summary>
    public const int MaxDepth = 256;

    private const string HyperlinkType = "/hyperlink";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static Refusal? Check(Stream xml, string name)
    {
        var relationships = name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        var contentTypes = name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (reader.Depth > MaxDepth)
                    return Refusal.Invalid($"{name} nests its elements more than {MaxDepth} deep, which no Word document does");
                var refusal = relationships && reader.LocalName == "Relationship" ? Relationship(reader, name)
                    : contentTypes ? ContentType(reader)
                    : null;
                if (refusal is not null)
                    return refusal;
            }
            return null;
        }
        catch (XmlException e)
        {
            return Refusal.Invalid($"{name} in the file is not well-formed XML, or declares a DTD: {e.Message}");
        }
    }

    public static Refusal Macros() =>
        Refusal.Invalid("macro-enabled Word files (.docm, .dotm) are not accepted; save the document as .docx");

    /// <summary>
    /// Only hyperlinks may point outside the package: an attached template, a linked image, an OLE
    /// link, a sub-document or an external chunk would make Word fetch something when the file is opened.
    /// </summary>
    private static Refusal? Relationship(XmlReader reader, string name)
    {
        var type = reader.GetAttribute("Type") ?? "";
        if (type.EndsWith("/vbaProject", StringComparison.OrdinalIgnoreCase))
            return Macros();
        if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
            && !type.EndsWith(HyperlinkType, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Invalid($"the document refers to an external {type[(type.LastIndexOf('/') + 1)..]} ({name}); " +
                "only hyperlinks may point outside the file: remove the link (e.g. the attached template) and save again");
        }
        return null;
    }

    private static Refusal? ContentType(XmlReader reader) =>
        reader.GetAttribute("ContentType") is { } type
        && (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            ? Macros()
            : null;
}
