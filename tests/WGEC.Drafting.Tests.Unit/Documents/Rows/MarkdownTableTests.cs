using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Tests.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Rows;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Rows_are_a_pipe_table_with_the_header_a_delimiter_and_escaped_pipes()
    {
        var table = MarkdownTable.Write(
        [
            RowsCsvTests.Row("1", new RowFields("Spam | phishing", "Cybersecurity", "", "London Action Plan", "Open")),
            RowsCsvTests.Row("1 bis", new RowFields("Privacy")),
        ]);

        Assert.Equal(
            """
            | No | Issue | Category | Grouping | Activities and approaches | Status |
            | ---: | --- | --- | --- | --- | --- |
            | 1 | Spam \| phishing | Cybersecurity |  | London Action Plan | Open |
            | 1 bis | Privacy |  |  |  |  |
            """.ReplaceLineEndings("\n"),
            table);
    }

    [Fact]
    public void In_a_markdown_export_each_run_of_rows_is_one_table_between_the_other_paragraphs()
    {
        var input = Exports.Input(
        [
            Exports.Paragraph(1, ParagraphKind.Heading, "# Annex"),
            RowsCsvTests.Row("1", new RowFields("Spam")),
            RowsCsvTests.Row("2", new RowFields("Privacy")),
            Exports.Paragraph(4, ParagraphKind.Text, "Further issues:"),
            RowsCsvTests.Row("3", new RowFields("Access")),
        ], DocumentKind.Annex, statuses: true);

        var blocks = MarkdownExport.Write(input).TrimEnd('\n').Split("\n\n");

        Assert.Equal("# Annex", blocks[2]);
        Assert.StartsWith("| No | Issue |", blocks[4], StringComparison.Ordinal);
        Assert.EndsWith("| 2 | Privacy |  |  |  |  |", blocks[4], StringComparison.Ordinal);
        Assert.Equal(4, blocks[4].Split('\n').Length);
        Assert.Equal("Further issues:", blocks[5]);
        Assert.Equal(3, blocks[7].Split('\n').Length);
        Assert.Equal(8, blocks.Length);
    }

    [Fact]
    public void A_pipe_table_renderer_reads_six_columns_and_a_pipe_in_a_field_stays_in_its_cell()
    {
        var gfm = Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build();

        var html = Markdig.Markdown.ToHtml(MarkdownTable.Write([RowsCsvTests.Row("1", new RowFields("a | b", "c"))]), gfm);

        Assert.Equal(6, html.Split("</th>").Length - 1);
        Assert.Equal(6, html.Split("</td>").Length - 1);
        Assert.Contains("<td>a | b</td>", html, StringComparison.Ordinal);
    }
}
