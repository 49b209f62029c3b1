using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Creating;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>Hostile and malformed Word files: refused with invalid or too-large, never turned into a request.</summary>
public class DocxRefusalTests
{
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static Refusal Refused(byte[] docx, DocxLimits? limits = null)
    {
        var (request, refusal) = DocxImport.ToRequest(docx, "Draft", DocumentKind.Report, null, limits ?? new DocxLimits());
        Assert.Null(request);
        return refusal!;
    }

    private static void AssertRefused(ErrorCode code, string why, byte[] docx, DocxLimits? limits = null)
    {
        var refusal = Refused(docx, limits);
        Assert.True(refusal.Code == code, $"expected {code}, got {refusal}");
        Assert.Contains(why, refusal.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_invalid()
    {
        AssertRefused(ErrorCode.Invalid, "not a readable .docx", Encoding.UTF8.GetBytes("# Draft\n\n1. Recommends."));
        AssertRefused(ErrorCode.Invalid, "not a readable .docx", []);
    }

    [Fact]
    public void A_zip_that_is_not_a_Word_document_is_invalid()
    {
        AssertRefused(ErrorCode.Invalid, "not a Word document", Zip(("notes.txt", Encoding.UTF8.GetBytes("hello"))));
    }

    [Fact]
    public void A_Word_package_without_its_document_part_is_invalid()
    {
        using var stream = new MemoryStream();
        stream.Write(Word(P("Text.")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            zip.GetEntry("word/document.xml")!.Delete();

        Assert.Equal(ErrorCode.Invalid, Refused(stream.ToArray()).Code);
    }

    [Fact]
    public void A_macro_enabled_document_is_invalid()
    {
        AssertRefused(ErrorCode.Invalid, "macro", Word([P("Text.")], type: DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument));
        AssertRefused(ErrorCode.Invalid, "macro", Word([P("Text.")], main => main.AddNewPart<VbaProjectPart>().FeedData(new MemoryStream([1, 2, 3]))));
    }

    [Theory]
    [InlineData("attachedTemplate", "settings")]
    [InlineData("image", "main")]
    [InlineData("oleObject", "main")]
    [InlineData("subDocument", "main")]
    [InlineData("aFChunk", "main")]
    public void An_external_relationship_other_than_a_hyperlink_is_invalid(string type, string part)
    {
        var docx = Word([P("Text.")], main =>
        {
            OpenXmlPart owner = part == "settings" ? main.AddNewPart<DocumentSettingsPart>() : main;
            if (owner is DocumentSettingsPart settings)
                settings.Settings = new DocumentFormat.OpenXml.Wordprocessing.Settings();
            owner.AddExternalRelationship(RelationshipTypes + type, new Uri("file:///C:/Users/delegate/template.dotm"));
        });

        AssertRefused(ErrorCode.Invalid, "external " + type, docx);
    }

    [Fact]
    public void An_external_hyperlink_is_accepted()
    {
        var docx = Word([P("Text.")], main => main.AddHyperlinkRelationship(new Uri("https://unctad.org"), true));

        Assert.Equal(["Text."], DocxImportTests.Paragraphs(docx).Select(p => p.Text));
    }

    [Theory]
    [InlineData("""<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="abc"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>""")]
    [InlineData("""<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="99999999999"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>""")]
    [InlineData("""<w:p><w:pPr><w:numPr><w:ilvl w:val="-99999999999"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>""")]
    [InlineData("""<w:p><w:pPr><w:outlineLvl w:val="zz"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>""")]
    [InlineData("""<w:p><w:r><w:rPr><w:b w:val="maybe"/></w:rPr><w:t>x</w:t></w:r></w:p>""")]
    public void A_bad_attribute_value_is_invalid(string paragraph)
    {
        var docx = WithDocumentXml($"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraph}</w:body></w:document>""");

        AssertRefused(ErrorCode.Invalid, "not a readable Word document", docx);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("200")]
    public void An_outline_level_out_of_range_is_body_text(string level)
    {
        var docx = WithDocumentXml(
            $"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:outlineLvl w:val="{level}"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>""");

        Assert.Equal(["x"], DocxImportTests.Paragraphs(docx, DocumentKind.Report).Select(p => p.Text));
    }

    [Fact]
    public void A_document_with_a_DTD_is_invalid()
    {
        var docx = WithDocumentXml("""<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""" +
            """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>""");

        AssertRefused(ErrorCode.Invalid, "word/document.xml in the file is not well-formed XML, or declares a DTD", docx);
    }

    [Fact]
    public void A_document_nested_deeper_than_Word_nests_is_invalid_and_does_not_overflow_the_stack()
    {
        // 10,000 tables in tables: 200 KB of XML that would take the whole server down with the OpenXml SDK's recursion.
        const int depth = 10_000;
        var docx = WithDocumentXml("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""" +
            string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" +
            string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth)) + "</w:body></w:document>");

        AssertRefused(ErrorCode.Invalid, "more than 256 deep", docx);
    }

    [Fact]
    public void Tables_in_tables_as_deep_as_Word_goes_are_read()
    {
        const int depth = 20;
        var docx = WithDocumentXml("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""" +
            string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" +
            string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth)) + "</w:body></w:document>");

        Assert.Equal(["deep"], DocxImportTests.Paragraphs(docx).Select(p => p.Text));
    }
}
