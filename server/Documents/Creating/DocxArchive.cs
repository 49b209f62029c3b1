using System.Collections.ObjectModel;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// Checks an uploaded file as a ZIP package before anything parses it as Word: sizes (declared, then
/// counted while decompressing, since the central directory can lie), entry count, compression ratio,
/// macros and external relationships. Reads every entry once; keeps nothing but the verdict.
/// </summary>
public static class DocxArchive
{
    private const string HyperlinkType = "/hyperlink";

    public static Refusal? Inspect(byte[] package, DocxLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            return CheckDeclared(zip.Entries, limits) ?? CheckContents(zip.Entries, limits);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or XmlException)
        {
            return Refusal.Invalid($"the file is not a readable .docx (ZIP) package: {e.Message}");
        }
    }

    private static Refusal? CheckDeclared(ReadOnlyCollection<ZipArchiveEntry> entries, DocxLimits limits)
    {
        if (entries.Count > limits.MaxEntries)
            return TooLarge($"the package has {entries.Count:N0} entries; the limit is {limits.MaxEntries:N0}");
        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (declared > limits.MaxUncompressedBytes)
                return TooLarge($"the package unpacks to more than {limits.MaxUncompressedBytes:N0} bytes");
            if (entry.Length >= limits.RatioCheckedFromBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                return TooLarge($"'{entry.FullName}' is compressed more than {limits.MaxCompressionRatio}:1, which no Word document is");
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                return Macros();
        }
        return null;
    }

    /// <summary>Decompresses every entry, counting the bytes that really come out, and reads the package's own XML.</summary>
    private static Refusal? CheckContents(ReadOnlyCollection<ZipArchiveEntry> entries, DocxLimits limits)
    {
        long total = 0;
        var buffer = new byte[81_920];
        foreach (var entry in entries)
        {
            var isPackageXml = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
            using var kept = isPackageXml ? new MemoryStream() : null;
            using (var data = entry.Open())
            {
                int read;
                while ((read = data.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limits.MaxUncompressedBytes)
                        return TooLarge($"the package unpacks to more than {limits.MaxUncompressedBytes:N0} bytes");
                    kept?.Write(buffer, 0, read);
                }
            }
            if (kept is null)
                continue;
            kept.Position = 0;
            var refusal = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                ? CheckRelationships(kept, entry.FullName)
                : CheckContentTypes(kept);
            if (refusal is not null)
                return refusal;
        }
        return null;
    }

    /// <summary>
    /// Only hyperlinks may point outside the package: an attached template, a linked image, an OLE
    /// link, a sub-document or an external chunk would make Word fetch something when the file is opened.
    /// </summary>
    private static Refusal? CheckRelationships(Stream rels, string name)
    {
        using var reader = XmlReader.Create(rels, SafeXml);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                continue;
            var type = reader.GetAttribute("Type") ?? "";
            if (type.EndsWith("/vbaProject", StringComparison.OrdinalIgnoreCase))
                return Macros();
            if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                && !type.EndsWith(HyperlinkType, StringComparison.OrdinalIgnoreCase))
            {
                return Refusal.Invalid($"the document refers to an external {type[(type.LastIndexOf('/') + 1)..]} ({name}); " +
                    "only hyperlinks may point outside the file: remove the link (e.g. the attached template) and save again");
            }
        }
        return null;
    }

    private static Refusal? CheckContentTypes(Stream contentTypes)
    {
        using var reader = XmlReader.Create(contentTypes, SafeXml);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element
                && reader.GetAttribute("ContentType") is { } type
                && (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
            {
                return Macros();
            }
        }
        return null;
    }

    /// <summary>No DTD (no entity expansion), nothing fetched.</summary>
    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static Refusal Macros() =>
        Refusal.Invalid("macro-enabled Word files (.docm, .dotm) are not accepted; save the document as .docx");

    private static Refusal TooLarge(FormattableString message) =>
        Refusal.TooLarge(message.ToString(CultureInfo.InvariantCulture));
}
