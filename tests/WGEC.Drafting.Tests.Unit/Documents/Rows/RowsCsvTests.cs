using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

public sealed class RowsCsvTests
{
    [Fact]
    public void The_sample_mapping_table_reads_as_twenty_rows_with_their_lines_and_fields()
    {
        var rows = Read(SharedSamples.Read("mapping.csv"));

        Assert.Equal(20, rows.Count);
        Assert.Equal(Enumerable.Range(2, 20), rows.Select(r => r.Line));
        Assert.Equal(
            new RowFields("Allocation of domain names", "Critical Internet resources", "Infrastructure", "ICANN policy development; ccTLD operators", "Addressed"),
            rows[0].Fields);
        Assert.Equal(new RowFields("Internationalized domain names", "Critical Internet resources", "Infrastructure", "ICANN; IETF", "Addressed"), rows[19].Fields);
        Assert.All(rows, r => Assert.Null(r.Sources));
    }

    [Fact]
    public void Columns_are_matched_by_name_in_any_order_and_case_and_the_missing_ones_are_left_out()
    {
        var rows = Read("status,ISSUE,  no ,Activities\n Done ,Spam,7,M3AAWG\n");

        Assert.Equal(new RowFields(Issue: "Spam", Activities: "M3AAWG", Status: " Done "), Assert.Single(rows).Fields);
    }

    [Fact]
    public void Sources_are_contribution_ids_separated_by_semicolons()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var rows = Read($"Issue,Sources\nSpam, {a} ; {b}\nPrivacy,\n");

        Assert.Equal([a, b], rows[0].Sources);
        Assert.Null(rows[1].Sources);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_keep_the_line_numbers_of_what_follows()
    {
        var rows = Read("\r\nIssue,Status\r\n\r\nSpam,Open\r\n\r\n\r\nPrivacy,Closed\r\n");

        Assert.Equal([4, 7], rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData("", 0, "the file is empty")]
    [InlineData("\n\n", 0, "the file is empty")]
    [InlineData("No,Category\n1,Access\n", 1, "the header has no Issue column")]
    [InlineData("Issue,Colour\nSpam,red\n", 1, "column 'Colour' is not one of")]
    [InlineData("Issue,issue\nSpam,Spam\n", 1, "column 'issue' is named twice")]
    [InlineData("Issue,Status\nSpam,Open\nPrivacy\n", 3, "1 fields, but the header has 2 columns")]
    [InlineData("Issue,Status\nSpam,Open,extra\n", 2, "3 fields, but the header has 2 columns")]
    [InlineData("Issue,Activities and approaches\nSpam,\"one\ntwo\"\n", 2, "field activities: a line break inside quotes")]
    [InlineData("Issue,Sources\nSpam,not-an-id\n", 2, "field sources: 'not-an-id' is not a contribution id")]
    [InlineData("Issue,Status\nSpam,\"Open\" now\n", 2, "text after a closing quote")]
    public void A_bad_file_is_invalid_naming_the_line(string csv, int line, string message)
    {
        var (rows, refusal) = RowsCsv.Read(csv);

        Assert.Empty(rows);
        Assert.NotNull(refusal);
        Assert.Equal(ErrorCode.Invalid, refusal.Code);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        if (line > 0)
            Assert.StartsWith($"line {line}: ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_writes_the_header_numbers_and_fields_and_sources_only_when_a_row_has_any()
    {
        var plain = RowsCsv.Write([Row("1", new RowFields("Spam", "Cybersecurity", "Security", "London Action Plan; M3AAWG", "Partially addressed"))]);
        var source = Guid.NewGuid();
        var withSources = RowsCsv.Write([Row("1", new RowFields("Spam, email", "", "", "", "")), Row("2", new RowFields("Privacy"), [source, source])]);

        Assert.Equal("No,Issue,Category,Grouping,Activities and approaches,Status\r\n1,Spam,Cybersecurity,Security,London Action Plan; M3AAWG,Partially addressed\r\n", plain);
        Assert.Equal($"No,Issue,Category,Grouping,Activities and approaches,Status,Sources\r\n1,\"Spam, email\",,,,,\r\n2,Privacy,,,,,{source};{source}\r\n", withSources);
    }

    [Fact]
    public void The_sample_written_and_read_again_gives_the_same_rows()
    {
        var rows = Read(SharedSamples.Read("mapping.csv"));
        var views = rows.Select((r, i) => Row((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Fields)).ToList();

        var again = Read(RowsCsv.Write(views));

        Assert.Equal(rows.Select(r => r.Fields), again.Select(r => r.Fields));
    }

    internal static ParagraphView Row(string number, RowFields fields, IReadOnlyList<Guid>? sources = null) =>
        new(Guid.NewGuid(), number, null, ParagraphKind.Row, RowText.Of(fields), "", ParagraphStatus.Draft, 1, 0, [])
        {
            Fields = new RowFields(fields.Issue ?? "", fields.Category ?? "", fields.Grouping ?? "", fields.Activities ?? "", fields.Status ?? ""),
            Sources = sources ?? [],
            MergedFrom = [],
        };

    private static IReadOnlyList<ImportedRow> Read(string csv)
    {
        var (rows, refusal) = RowsCsv.Read(csv);
        Assert.Null(refusal);
        return rows;
    }
}
