using System.IO.Compression;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class DocxExportTests
{
    private const string Draft = """
        # Recommendations

        Recalling its resolution A/RES/67/195 of 21 December 2012,

        Noting [with concern / with appreciation] the report,

        1. Recommends that all stakeholders [shall / should] **enhance** cooperation;

        2. Requests the secretariat to report.
        """;

    [Fact]
    public void A_document_is_valid_word_with_the_symbol_title_and_date_line_first()
    {
        var doc = StateBuilder.Document(Draft);
        var input = Docx.Input(doc.State, label: "Rev.1") with
        {
            Document = Docx.Input(doc.State).Document with { Symbol = "E/CN.16/2014/CRP.1" },
        };

        using var docx = new Docx(DocxExport.Write(input));

        Assert.Equal(
            [("Symbol", "E/CN.16/2014/CRP.1"), ("Title", "Draft recommendations"), ("DateLine", $"Rev.1, 10 March 2025, 09:0{doc.Version} UTC")],
            docx.Paragraphs.Take(3));
        var symbol = docx.Main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Symbol");
        Assert.Equal(JustificationValues.Right, symbol.StyleParagraphProperties!.Justification!.Val!.Value);
        var title = docx.Main.StyleDefinitionsPart.Styles.Elements<Style>().Single(s => s.StyleId == "Title");
        Assert.NotNull(title.StyleRunProperties!.Bold);
    }

    [Fact]
    public void Without_a_revision_the_date_line_names_the_version()
    {
        var doc = StateBuilder.Document(Draft);

        using var docx = Docx.Export(doc.State);

        Assert.Equal(6, doc.Version);
        Assert.Equal(("DateLine", "Version 6, 10 March 2025, 09:06 UTC"), docx.Paragraphs[1]);
    }

    [Fact]
    public void Each_kind_has_its_style_and_operative_paragraphs_their_number_as_typed_text()
    {
        using var docx = Docx.Export(StateBuilder.Document(Draft).State);

        Assert.Equal(
            [
                ("Heading1", "Recommendations"),
                ("Preambular", "Recalling its resolution A/RES/67/195 of 21 December 2012,"),
                ("Preambular", "Noting [with concern / with appreciation] the report,"),
                ("Operative", "1.\tRecommends that all stakeholders [shall / should] enhance cooperation;"),
                ("Operative", "2.\tRequests the secretariat to report."),
            ],
            docx.Paragraphs.Skip(2));
        Assert.Empty(docx.Body.Descendants<NumberingProperties>());
        Assert.Null(docx.Main.NumberingDefinitionsPart);
    }

    [Fact]
    public void Bis_and_ter_numbers_are_kept_exactly()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        var bis = doc.Insert(ParagraphKind.Operative, "Inserted after three.", doc.Ids[2]);
        doc.Insert(ParagraphKind.Operative, "Inserted after bis.", bis);
        doc.Insert(ParagraphKind.Operative, "Inserted at the top.");

        using var docx = Docx.Export(doc.State);

        Assert.Equal(
            ["0 bis.\tInserted at the top.", "1.\tOperative 1.", "2.\tOperative 2.", "3.\tOperative 3.", "3 bis.\tInserted after three.", "3 ter.\tInserted after bis."],
            docx.Paragraphs.Skip(2).Select(p => p.Text));
        Assert.All(docx.Paragraphs.Skip(2), p => Assert.Equal("Operative", p.Style));
    }

    [Fact]
    public void The_operative_style_hangs_the_number_in_the_indent()
    {
        using var docx = Docx.Export(StateBuilder.Operatives(1).State);

        var style = docx.Main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Operative");
        var indent = style.StyleParagraphProperties!.Indentation!;
        Assert.True(int.Parse(indent.Hanging!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 720, "room for \"3 bis.\"");
        Assert.Equal(indent.Left!.Value, style.StyleParagraphProperties.Tabs!.Elements<TabStop>().Single().Position!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Preambular_and_operative_paragraphs_open_with_their_first_word_in_italics_by_a_character_style()
    {
        using var docx = Docx.Export(StateBuilder.Document(Draft).State);

        // A style, not direct italics: the slant is layout, and a re-import must not read it as emphasis.
        var opening = docx.Body.Descendants<Run>().Where(r => r.RunProperties?.RunStyle?.Val?.Value == "OpeningWord").Select(r => Docx.Text(r, false));
        Assert.Equal(["Recalling", "Noting", "Recommends", "Requests"], opening);
        Assert.DoesNotContain(docx.Body.Descendants<Run>(), r => r.RunProperties?.Italic is not null);
        var style = docx.Main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "OpeningWord");
        Assert.NotNull(style.StyleRunProperties?.Italic);
    }

    [Fact]
    public void Inline_markdown_becomes_runs_and_links_external_hyperlinks()
    {
        var doc = StateBuilder.Document("Some **bold** and *italic* and `code` and [the report](https://unctad.org/cstd) and [x](javascript:alert(1)).", DocumentKind.Report);

        using var docx = Docx.Export(doc.State);

        var runs = docx.Body.Descendants<Run>().Select(r => (Text: Docx.Text(r, false), Bold: r.RunProperties?.Bold is not null,
            Italic: r.RunProperties?.Italic is not null, Style: r.RunProperties?.RunStyle?.Val?.Value)).ToList();
        Assert.Contains(("bold", true, false, null), runs);
        Assert.Contains(("italic", false, true, null), runs);
        Assert.Contains(("code", false, false, "Code"), runs);
        var link = Assert.Single(docx.Body.Descendants<Hyperlink>());
        Assert.Equal("the report", Docx.Text(link, false));
        var relationship = Assert.Single(docx.Main.HyperlinkRelationships);
        Assert.Equal((link.Id!.Value, new Uri("https://unctad.org/cstd"), true), (relationship.Id, relationship.Uri, relationship.IsExternal));
        Assert.Equal("Some bold and italic and code and the report and x.", docx.Paragraphs[^1].Text);
    }

    [Fact]
    public void Brackets_and_escapes_are_kept_as_typed()
    {
        var doc = StateBuilder.Document("Text [[outer] [inner / other]] and \\[not a bracket] and [unmatched", DocumentKind.Report);

        using var docx = Docx.Export(doc.State);

        Assert.Equal("Text [[outer] [inner / other]] and [not a bracket] and [unmatched", docx.Paragraphs[^1].Text);
    }

    [Fact]
    public void Statuses_are_tagged_after_agreed_paragraphs_only_when_asked()
    {
        var doc = StateBuilder.Operatives(3);
        doc.SetStatus(doc.Ids[0], ParagraphStatus.AgreedAdRef);
        doc.SetStatus(doc.Ids[1], ParagraphStatus.Agreed);

        using var with = Docx.Export(doc.State, statuses: true);
        using var without = Docx.Export(doc.State);

        Assert.Equal(["1.\tOperative 1. (agreed ad ref.)", "2.\tOperative 2. (agreed)", "3.\tOperative 3."], with.Paragraphs.Skip(2).Select(p => p.Text));
        Assert.Equal(["(agreed ad ref.)", "(agreed)"], with.Body.Descendants<Run>().Where(r => r.RunProperties?.RunStyle?.Val == "StatusTag").Select(r => Docx.Text(r, false)));
        Assert.Equal(["1.\tOperative 1.", "2.\tOperative 2.", "3.\tOperative 3."], without.Paragraphs.Skip(2).Select(p => p.Text));
    }

    [Fact]
    public void Line_breaks_tabs_and_lists_inside_a_paragraph_are_kept()
    {
        var doc = StateBuilder.Document("First line  \nsecond\tline\n- one\n- two", DocumentKind.Report);

        using var docx = Docx.Export(doc.State);

        Assert.Equal("First line\nsecond\tline\n\u2022 one\n\u2022 two", docx.Paragraphs[^1].Text);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_dated_from_the_data()
    {
        var doc = StateBuilder.Document(Draft + "\n\nSee [the site](https://example.org).");
        var input = Docx.Input(doc.State);

        var first = DocxExport.Write(input);
        Thread.Sleep(2100); // ZIP dates have a resolution of two seconds
        var second = DocxExport.Write(input);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(StateBuilder.At(doc.Version).UtcDateTime, DateTime.SpecifyKind(e.LastWriteTime.DateTime, DateTimeKind.Utc)));
        using var docx = new Docx(first);
        using var core = new StreamReader(docx.Core.GetStream());
        var xml = core.ReadToEnd();
        Assert.Contains("<dc:title>Draft recommendations</dc:title>", xml, StringComparison.Ordinal);
        Assert.Contains(">2025-03-10T09:07:00Z</dcterms:created>", xml, StringComparison.Ordinal);
        Assert.Contains(">2025-03-10T09:07:00Z</dcterms:modified>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_document_is_still_valid()
    {
        using var docx = Docx.Export(StateBuilder.Document("").State);

        Assert.Equal(["Draft recommendations", "Version 1, 10 March 2025, 09:01 UTC"], docx.Paragraphs.Select(p => p.Text));
    }
}
