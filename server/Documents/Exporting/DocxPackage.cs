using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The Word package around a body: styles, settings, core properties, an A4 section. Byte for byte the same
/// for the same input: relationship ids are fixed, the core properties are dated from the data, and the ZIP
/// entries are rewritten with that date (System.IO.Packaging stamps them with the clock and names
/// relationships at random otherwise).
/// </summary>
internal static class DocxPackage
{
    private const string MainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string CoreType = "application/vnd.openxmlformats-package.core-properties+xml";

    public static byte[] Write(string title, DateTimeOffset at, Func<DocxContext, IEnumerable<OpenXmlElement>> body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>(MainType, "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
            var content = new Body(body(new DocxContext(main)));
            content.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1418, Right = 1418, Bottom = 1418, Left = 1418, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(content);
            CoreProperties(document.AddNewPart<CoreFilePropertiesPart>(CoreType, "rId2"), title, at);
        }
        return Stamped(stream.ToArray(), at);
    }

    private static void CoreProperties(CoreFilePropertiesPart part, string title, DateTimeOffset at)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string terms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var when = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var output = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, terms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("title", dc, title);
        xml.WriteElementString("creator", dc, "WGEC.Drafting");
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement(name, terms);
            xml.WriteAttributeString("type", xsi, "dcterms:W3CDTF");
            xml.WriteString(when);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The same package, every entry dated <paramref name="at"/> (ZIP dates start in 1980).</summary>
    private static byte[] Stamped(byte[] package, DateTimeOffset at)
    {
        var date = at.UtcDateTime.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(at.UtcDateTime, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = date;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
