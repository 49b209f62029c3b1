using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Rows;
using WGEC.Drafting.Tests.Documents.Exporting;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace WGEC.Drafting.Tests.Documents.Rows;

/// <summary>A table annex exported: each run of rows is one table, the other paragraphs stay as they are.</summary>
public sealed class RowTablesExportTests
{
    private static readonly string[] Header = ["No", "Issue", "Category", "Grouping", "Activities and approaches", "Status"];

    [Fact]
    public void Docx_writes_each_run_of_rows_as_one_valid_table_with_a_repeated_header_row_and_borders()
    {
        using var word = Docx.Export(Annex().State);

        var body = word.Body.ChildElements.Where(e => e is Paragraph or WordTable).ToList();
        var tables = word.Body.Elements<WordTable>().ToList();
        Assert.Equal(["p", "p", "p", "tbl", "p", "tbl", "p"], body.Select(e => e.LocalName).Skip(body.Count - 7));
        Assert.Equal(2, tables.Count);
        Assert.Equal([Header, ["1", "Spam", "Cybersecurity", "Security", "London Action Plan", "Open"], ["2", "<script>alert(1)</script>", "", "", "", ""]], Cells(tables[0]));
        Assert.Equal([Header, ["3", "Access | rights", "", "", "", ""]], Cells(tables[1]));
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(tables, t => Assert.Null(t.Elements<TableRow>().Skip(1).First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(tables, t => Assert.Equal(BorderValues.Single, t.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value));
        Assert.Equal(["Annex: mapping of issues", "Further issues:"], word.Paragraphs.Where(p => p.Style is "Heading1" or null && p.Text.Length > 0).Select(p => p.Text).TakeLast(2));
    }

    [Fact]
    public void Tracked_changes_keep_rows_as_paragraphs_and_stay_valid()
    {
        var annex = Annex();
        annex.Tag("Rev.1");
        var from = annex.Version;
        var row = annex.State.Live.First(p => p.Kind == ParagraphKind.Row);
        annex.Run(s => EditRow.Decide(s, new EditRowRequest(StateBuilder.DocumentId, row.Id, s.Version, new RowFields(Status: "Closed"))));

        using var word = new Docx(DocxExport.WriteTracked(Docx.Tracked(annex, from)));

        Assert.Empty(word.Body.Elements<WordTable>());
        Assert.Contains(word.Changes, c => c.Kind == "ins" && c.Text == "Closed");
    }

    [Fact]
    public void Html_writes_each_run_of_rows_as_one_table_with_a_header_and_every_field_encoded()
    {
        var html = HtmlExport.Write(Docx.Input(Annex().State));

        Assert.Equal(2, html.Split("<table class=\"rows\">").Length - 1);
        Assert.Equal(2, html.Split("<thead>").Length - 1);
        Assert.Equal(3, html.Split("<tr class=\"status-draft\"").Length - 1);
        Assert.Contains("<th scope=\"col\" class=\"number\">No</th><th scope=\"col\">Issue</th><th scope=\"col\">Category</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Further issues:", StringComparison.Ordinal) is var text
            && text > html.IndexOf("</table>", StringComparison.Ordinal) && text < html.LastIndexOf("<table", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_export_is_for_annexes_and_leaves_out_what_is_not_a_row()
    {
        var csv = CsvExport.Write(Docx.Input(Annex().State));
        var other = Assert.Throws<WGEC.Drafting.Documents.RefusedException>(() => CsvExport.Write(Docx.Input(StateBuilder.Document("1. Recommends.").State)));

        Assert.StartsWith("\uFEFFNo,Issue,Category,Grouping,Activities and approaches,Status\r\n1,Spam,", csv, StringComparison.Ordinal);
        Assert.Equal(4, csv.Split("\r\n").Length - 1);
        Assert.Equal("csv is for table annexes (documents of kind annex); this is a recommendations: export it as markdown, html, docx or akn", other.Refusal.Message);
    }

    /// <summary>A heading, rows 1 and 2, a text paragraph, row 3.</summary>
    private static StateBuilder Annex()
    {
        var annex = StateBuilder.Document("# Annex: mapping of issues", DocumentKind.Annex);
        var after = annex.Ids[0];
        after = Row(annex, after, new RowFields("Spam", "Cybersecurity", "Security", "London Action Plan", "Open"));
        after = Row(annex, after, new RowFields("<script>alert(1)</script>"));
        after = annex.Insert(ParagraphKind.Text, "Further issues:", after);
        Row(annex, after, new RowFields("Access | rights"));
        return annex;
    }

    private static Guid Row(StateBuilder annex, Guid after, RowFields fields)
    {
        var id = Guid.NewGuid();
        annex.Run(s => InsertParagraph.Decide(s, new InsertParagraphRequest(StateBuilder.DocumentId, after, ParagraphKind.Row, null, id, Fields: fields), id));
        return id;
    }

    private static List<string[]> Cells(WordTable table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => Docx.Text(c, deleted: false)).ToArray())];
}
