using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Creating;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>The title block at the top of a Word document, and where the title comes from when the upload gives none.</summary>
public class DocxTitleTests
{
    private static Paragraph SymbolLine =>
        P(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), R("A/HRC/59/L.1"));

    private static CreateDocumentRequest Request(byte[] docx, string? title, string? symbol = null)
    {
        var (request, refusal) = DocxImport.ToRequest(docx, title, DocumentKind.Recommendations, symbol, new DocxLimits());
        Assert.Null(refusal);
        return request!;
    }

    [Fact]
    public void Leading_lines_that_repeat_the_symbol_or_the_title_are_not_paragraphs()
    {
        var docx = Word(SymbolLine, P(R("Draft  resolution", bold: true)), P("Recalling its mandate,"), P("A/HRC/59/L.1"));

        var paragraphs = DocxImportTests.Paragraphs(docx, title: "Draft resolution", symbol: "a/hrc/59/l.1");

        Assert.Equal([(ParagraphKind.Preambular, "Recalling its mandate,", null), (ParagraphKind.Preambular, "A/HRC/59/L.1", null)], paragraphs);
    }

    [Fact]
    public void The_title_block_takes_one_line_each_so_a_heading_that_repeats_the_title_stays()
    {
        var docx = Word(Styled("Title", R("Draft recommendations")), SymbolLine, Styled("Heading1", R("Draft recommendations")), P("A/HRC/59/L.1"));

        Assert.Equal("# Draft recommendations\n\nA/HRC/59/L.1", Request(docx, "Draft recommendations", "A/HRC/59/L.1").Markdown);
        Assert.Equal("A/HRC/59/L.1\n\n# Draft recommendations\n\nA/HRC/59/L.1", Request(docx, null).Markdown);
    }

    [Fact]
    public void A_title_paragraph_heading_the_document_is_no_paragraph_even_when_another_title_is_given()
    {
        var heading = Word(SymbolLine, Styled("Title", R("Draft recommendations")), P("Recalling its mandate,"));
        var further = Word(P("Recalling its mandate,"), Styled("Title", R("Annex")), P("Text of the annex."));

        Assert.Equal("Recalling its mandate,", Request(heading, "Revised recommendations", "A/HRC/59/L.1").Markdown);
        Assert.Equal("Recalling its mandate,\n\n# Annex\n\nText of the annex.", Request(further, "Revised recommendations").Markdown);
    }

    [Fact]
    public void Without_a_title_the_title_paragraph_is_the_title()
    {
        var docx = Word([SymbolLine, Styled("Title", R("Enhanced cooperation")), Styled("Heading1", R("Preamble")), P("Recalling,")], coreTitle: "Template");

        var request = Request(docx, title: null, symbol: "A/HRC/59/L.1");
        var withoutSymbol = Request(docx, title: null);

        Assert.Equal("Enhanced cooperation", request.Title);
        Assert.Equal("# Preamble\n\nRecalling,", request.Markdown);
        Assert.Equal(("Enhanced cooperation", "A/HRC/59/L.1\n\n# Preamble\n\nRecalling,"), (withoutSymbol.Title, withoutSymbol.Markdown));
    }

    [Fact]
    public void Without_a_title_or_title_paragraph_the_core_title_then_the_first_heading_is_the_title()
    {
        var withCore = Word([Styled("Heading1", R("Draft")), P("Text.")], coreTitle: "Report of the Working Group");
        var withHeading = Word(Styled("Heading1", R("Draft  recommendations")), P("Text."));

        Assert.Equal(("Report of the Working Group", "# Draft\n\nText."), (Request(withCore, " ").Title, Request(withCore, " ").Markdown));
        Assert.Equal(("Draft recommendations", "Text."), (Request(withHeading, null).Title, Request(withHeading, null).Markdown));
    }

    [Fact]
    public void No_title_anywhere_is_invalid()
    {
        var (request, refusal) = DocxImport.ToRequest(Word(P("Just text.")), null, DocumentKind.Report, null, new DocxLimits());

        Assert.Null(request);
        Assert.Equal(ErrorCode.Invalid, refusal?.Code);
        Assert.Contains("title", refusal!.Message, StringComparison.Ordinal);
    }
}
