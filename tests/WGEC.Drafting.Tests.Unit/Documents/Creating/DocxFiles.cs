using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>
/// Word files built in memory for the import tests, good and hostile. Also compiled into the
/// integration tests (linked), so both upload the same files.
/// </summary>
public static class DocxFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A package with this body; <paramref name="parts"/> adds styles, numbering or relationships.</summary>
    public static byte[] Word(IEnumerable<OpenXmlElement> body, Action<MainDocumentPart>? parts = null,
        WordprocessingDocumentType type = WordprocessingDocumentType.Document, string? coreTitle = null)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, type))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            parts?.Invoke(main);
            if (coreTitle is not null)
                word.PackageProperties.Title = coreTitle;
        }
        return stream.ToArray();
    }

    public static byte[] Word(params OpenXmlElement[] body) => Word(body, null);

    public static Paragraph P(string text) => new(R(text));

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    /// <summary>A paragraph of the given style id (e.g. "Heading2", "Title").</summary>
    public static Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = styleId }), .. content]);

    /// <summary>A paragraph in list <paramref name="numberingId"/> at <paramref name="level"/> (w:numPr on the paragraph).</summary>
    public static Paragraph Listed(int numberingId, int level, params OpenXmlElement[] content) =>
        new([new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numberingId })), .. content]);

    public static Run R(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static void AddStyles(MainDocumentPart main, params Style[] styles) =>
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(styles);

    public static Style ParagraphStyle(string id, string name, OpenXmlElement? paragraphProperties = null, string? basedOn = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        if (paragraphProperties is not null)
            style.Append(new StyleParagraphProperties(paragraphProperties));
        return style;
    }

    /// <summary>
    /// numbering.xml with list 1 (level 0 "1.", level 1 "(a)", level 2 "(i)"), list 2 (bullets) and list 3 (legal: "1.", "1.1.");
    /// <paramref name="styleOfLevel0"/> links list 1's first level to a paragraph style.
    /// </summary>
    public static void AddNumbering(MainDocumentPart main, string? styleOfLevel0 = null)
    {
        static Level Level(int index, NumberFormatValues format, string text, string? style = null)
        {
            var level = new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
            if (style is not null)
                level.Append(new ParagraphStyleIdInLevel { Val = style });
            return level;
        }
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            new AbstractNum(
                Level(0, NumberFormatValues.Decimal, "%1.", styleOfLevel0),
                Level(1, NumberFormatValues.LowerLetter, "(%2)"),
                Level(2, NumberFormatValues.LowerRoman, "(%3)"))
            { AbstractNumberId = 1 },
            new AbstractNum(Level(0, NumberFormatValues.Bullet, "•")) { AbstractNumberId = 2 },
            new AbstractNum(Level(0, NumberFormatValues.Decimal, "%1."), Level(1, NumberFormatValues.Decimal, "%1.%2.")) { AbstractNumberId = 3 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 },
            new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = 3 });
    }

    /// <summary>A good package whose word/document.xml is replaced by <paramref name="xml"/>, as typed.</summary>
    public static byte[] WithDocumentXml(string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(Word(P("Text.")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }
        return stream.ToArray();
    }

    /// <summary>A ZIP package holding exactly these entries.</summary>
    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(data);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A good document with one more entry of <paramref name="zeros"/> zero bytes: compressed it is a
    /// few kilobytes whatever its size (a zip bomb); stored, it is as big as it says.
    /// </summary>
    public static byte[] WithPadding(byte[] docx, long zeros, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/media/padding.bin", level).Open();
            var block = new byte[1 << 20];
            for (var left = zeros; left > 0; left -= block.Length)
                entry.Write(block, 0, (int)Math.Min(left, block.Length));
        }
        return stream.ToArray();
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and in the central directory: a package that lies.</summary>
    public static byte[] DeclaringSize(byte[] zip, string entryName, uint size)
    {
        var copy = zip.ToArray();
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            var signature = BitConverter.ToUInt32(copy, i);
            var (sizeAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 30), // local file header
                0x02014b50 => (24, 46), // central directory header
                _ => (0, 0),
            };
            if (sizeAt > 0 && copy.AsSpan(i + nameAt).StartsWith(name))
                BitConverter.TryWriteBytes(copy.AsSpan(i + sizeAt), size);
        }
        return copy;
    }
}
