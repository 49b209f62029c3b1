using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Creating;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>How a Word document becomes paragraphs: kinds, numbers, headings (the same rules as the Markdown import).</summary>
public class DocxImportTests
{
    /// <summary>The paragraphs a document created from <paramref name="docx"/> starts with, as (kind, text, number).</summary>
    internal static List<(ParagraphKind Kind, string Text, string? Number)> Paragraphs(
        byte[] docx, DocumentKind kind = DocumentKind.Recommendations, string? title = "Draft", string? symbol = null)
    {
        var (request, refusal) = DocxImport.ToRequest(docx, title, kind, symbol, new DocxLimits());
        Assert.Null(refusal);
        var decision = CreateDocument.Decide(request!, Guid.NewGuid(), Guid.NewGuid);
        Assert.Null(decision.Refusal);
        return [.. decision.Events.OfType<ParagraphInserted>().Select(p => (p.Kind, p.Text, p.Numbers.GetValueOrDefault(p.ParagraphId)))];
    }

    [Theory]
    [InlineData("recommendations.md", DocumentKind.Recommendations)]
    [InlineData("rolling-document.md", DocumentKind.RollingDocument)]
    public void A_sample_typed_in_Word_imports_as_its_Markdown_does(string sample, DocumentKind kind)
    {
        var markdown = SharedSamples.Read(sample);
        // As someone would type it in Word: headings in heading styles, numbers typed with a tab.
        var docx = Word([.. markdown.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(block =>
            block.StartsWith("## ", StringComparison.Ordinal) ? Styled("Heading2", R(block[3..]))
            : block.StartsWith("# ", StringComparison.Ordinal) ? Styled("Heading1", R(block[2..]))
            : P(Regex.Replace(block, @"^([0-9]+)\. ", "$1.\t")))]);
        var fromMarkdown = CreateDocument.Decide(new CreateDocumentRequest("Draft", kind, null, markdown), Guid.NewGuid(), Guid.NewGuid).Events
            .OfType<ParagraphInserted>().Select(p => (p.Kind, p.Text, p.Numbers.GetValueOrDefault(p.ParagraphId)));

        Assert.Equal(fromMarkdown, Paragraphs(docx, kind));
    }

    [Fact]
    public void Word_list_numbers_on_the_paragraph_make_numbered_operative_paragraphs()
    {
        var docx = Word(
            [P("Recalling its resolution,"), Listed(1, 0, R("Recommends cooperation;")), Listed(1, 0, R("Decides to continue.")),
             Listed(7, 0, R("Names a list that is not defined.")), Listed(1, 5, R("Names a level that is not defined."))],
            main => AddNumbering(main));

        Assert.Equal(
            [(ParagraphKind.Preambular, "Recalling its resolution,", null), (ParagraphKind.Operative, "Recommends cooperation;", "1"), (ParagraphKind.Operative, "Decides to continue.", "2"),
             (ParagraphKind.Text, "Names a list that is not defined.", null), (ParagraphKind.Text, "Names a level that is not defined.", null)],
            Paragraphs(docx));
    }

    [Fact]
    public void Word_list_numbers_from_the_style_make_operative_paragraphs_unless_the_paragraph_switches_them_off()
    {
        var numbered = new NumberingProperties(new NumberingId { Val = 1 });
        var docx = Word(
            [Styled("OP", R("Recommends.")), Styled("OPItalic", R("Requests.")),
             P(new ParagraphProperties(new ParagraphStyleId { Val = "OP" }, new NumberingProperties(new NumberingId { Val = 0 })), R("Not numbered."))],
            main =>
            {
                AddStyles(main, ParagraphStyle("OP", "UN operative", numbered), ParagraphStyle("OPItalic", "UN operative italic", basedOn: "OP"));
                AddNumbering(main, styleOfLevel0: "OP");
            });

        Assert.Equal(
            [(ParagraphKind.Operative, "Recommends.", "1"), (ParagraphKind.Operative, "Requests.", "2"), (ParagraphKind.Text, "Not numbered.", null)],
            Paragraphs(docx));
    }

    [Fact]
    public void Typed_numbers_make_operative_paragraphs_and_are_dropped()
    {
        // A number alone is no operative paragraph (nothing follows it); it is escaped, or Markdown would read an empty list item.
        var docx = Word(
            P("Recalling,"), P("3.\tRecommends;"), P(R("3 bis."), new Run(new TabChar()), R("Also recommends;")), P("12. Decides."),
            P("4.\u00A0Invites."), P("3.5 per cent of the budget is text."), P("3."));

        Assert.Equal(
            [(ParagraphKind.Preambular, "Recalling,", null), (ParagraphKind.Operative, "Recommends;", "1"), (ParagraphKind.Operative, "Also recommends;", "2"),
             (ParagraphKind.Operative, "Decides.", "3"), (ParagraphKind.Operative, "Invites.", "4"), (ParagraphKind.Text, "3.5 per cent of the budget is text.", null), (ParagraphKind.Text, "3\\.", null)],
            Paragraphs(docx));
    }

    [Fact]
    public void Typical_Word_output_with_a_hanging_indent_and_a_tab_after_the_number_is_operative()
    {
        var indent = new ParagraphProperties(new Indentation { Left = "1134", Hanging = "567" });
        var docx = Word(P(indent, R("5 ter.", italic: false), new Run(new TabChar()), R("Requests", italic: true), R(" the secretariat.")));

        Assert.Equal([(ParagraphKind.Operative, "*Requests* the secretariat.", "1")], Paragraphs(docx));
    }

    [Fact]
    public void Deeper_list_levels_keep_their_labels_and_restart_under_each_operative_paragraph()
    {
        var docx = Word(
            [Listed(1, 0, R("Recommends:")), Listed(1, 1, R("first;")), Listed(1, 1, R("second;")), Listed(1, 2, R("detail;")),
             Listed(1, 0, R("Requests:")), Listed(1, 1, R("again.")), Listed(3, 0, R("Decides:")), Listed(3, 1, R("in part."))],
            main => AddNumbering(main));

        Assert.Equal(
            [(ParagraphKind.Operative, "Recommends:", "1"), (ParagraphKind.Text, "(a) first;", null), (ParagraphKind.Text, "(b) second;", null),
             (ParagraphKind.Text, "(i) detail;", null), (ParagraphKind.Operative, "Requests:", "2"), (ParagraphKind.Text, "(a) again.", null),
             (ParagraphKind.Operative, "Decides:", "3"), (ParagraphKind.Text, "1.1. in part.", null)],
            Paragraphs(docx));
    }

    [Fact]
    public void A_list_that_names_a_list_style_is_numbered_by_that_style()
    {
        var docx = Word([Listed(2, 0, R("Recommends.")), Listed(2, 1, R("in part;")), Listed(1, 0, R("Decides."))], main =>
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(
                new AbstractNum(new StyleLink { Val = "UNList" },
                    new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "(%2)" }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new AbstractNum(new NumberingStyleLink { Val = "UNList" }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 }));

        Assert.Equal(
            [(ParagraphKind.Operative, "Recommends.", "1"), (ParagraphKind.Text, "(a) in part;", null), (ParagraphKind.Operative, "Decides.", "2")],
            Paragraphs(docx));
    }

    [Fact]
    public void Bullets_become_Markdown_list_items()
    {
        var docx = Word([Listed(2, 0, R("capacity building")), Listed(2, 0, R("- remote participation"))], main => AddNumbering(main));

        Assert.Equal(
            [(ParagraphKind.Text, "- capacity building", null), (ParagraphKind.Text, "- \\- remote participation", null)],
            Paragraphs(docx, DocumentKind.Report));
    }

    [Fact]
    public void Heading_and_title_styles_become_headings_by_style_id_or_name_and_outline_level()
    {
        var docx = Word(
            [P("Intro text."), Styled("Heading1", R("I. Introduction")), Styled("Heading2", R("A. Mandate")), Styled("Title", R("Annex")),
             Styled("UNH3", R("Custom heading")), Styled("Berschrift4", R("Localised heading")), Styled("Outlined", R("By outline level")),
             P(new ParagraphProperties(new OutlineLevel { Val = 9 }), R("Body text level."))],
            main => AddStyles(main,
                ParagraphStyle("UNH3", "UN H3", new OutlineLevel { Val = 2 }),
                ParagraphStyle("Berschrift4", "heading 4"),
                ParagraphStyle("Outlined", "Outlined", basedOn: "Heading2")));

        Assert.Equal(
            [(ParagraphKind.Text, "Intro text.", null), (ParagraphKind.Heading, "# I. Introduction", null), (ParagraphKind.Heading, "## A. Mandate", null),
             (ParagraphKind.Heading, "# Annex", null), (ParagraphKind.Heading, "### Custom heading", null), (ParagraphKind.Heading, "#### Localised heading", null),
             (ParagraphKind.Heading, "## By outline level", null), (ParagraphKind.Text, "Body text level.", null)],
            Paragraphs(docx, DocumentKind.Report));
    }

    [Fact]
    public void A_heading_is_one_line_and_keeps_its_list_label()
    {
        var docx = Word(
            [P(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }, new NumberingProperties(new NumberingId { Val = 1 })), R("Findings"), new Run(new Break()), R("and views"))],
            main => AddNumbering(main));

        Assert.Equal([(ParagraphKind.Heading, "# 1. Findings and views", null)], Paragraphs(docx, DocumentKind.Report));
    }

    [Fact]
    public void Tables_are_read_cell_by_cell()
    {
        var table = new Table(new TableRow(new TableCell(P("Issue")), new TableCell(P("Status"))), new TableRow(new TableCell(P("Access")), new TableCell(P("Open"))));

        Assert.Equal(["Issue", "Status", "Access", "Open"], Paragraphs(Word(table), DocumentKind.Annex).Select(p => p.Text));
    }

    [Fact]
    public void Empty_paragraphs_are_skipped()
    {
        var docx = Word(P("First."), P(), P(R("   ")), P(new Run(new Break()), new Run(new TabChar())), P("Second."));

        Assert.Equal(["First.", "Second."], Paragraphs(docx, DocumentKind.Report).Select(p => p.Text));
    }
}
