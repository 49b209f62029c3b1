using System.Collections.ObjectModel;
using System.Globalization;
using System.IO.Compression;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// Checks an uploaded file as a ZIP package before anything parses it as Word: sizes (declared, then
/// counted while decompressing, since the central directory can lie), entry count, compression ratio,
/// then the XML of every part (<see cref="PackageXml"/>). Reads every entry once; keeps nothing but the verdict.
/// </summary>
public static class DocxArchive
{
    public static Refusal? Inspect(byte[] package, DocxLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            return CheckDeclared(zip.Entries, limits) ?? CheckContents(zip.Entries, limits);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
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
                return PackageXml.Macros();
        }
        return null;
    }

    /// <summary>Decompresses every entry, counting the bytes that really come out, and checks each XML part (<see cref="PackageXml"/>).</summary>
    private static Refusal? CheckContents(ReadOnlyCollection<ZipArchiveEntry> entries, DocxLimits limits)
    {
        long total = 0;
        var buffer = new byte[81_920];
        foreach (var entry in entries)
        {
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            // One part at a time, so at most the uncompressed limit is held.
            using var kept = isXml ? new MemoryStream() : null;
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
            if (PackageXml.Check(kept, entry.FullName) is { } refusal)
                return refusal;
        }
        return null;
    }

    private static Refusal TooLarge(FormattableString message) =>
        Refusal.TooLarge(message.ToString(CultureInfo.InvariantCulture));
}
