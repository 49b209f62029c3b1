using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Tests.Documents;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,,\"\",end\n");

        Assert.Equal(["a", "b, c", "say \"hi\"", "two\nlines"], records[0].Fields);
        Assert.Equal(["next", "", "", "end"], records[1].Fields);
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_crlf_lf_and_cr_all_end_a_record()
    {
        var records = Read("\uFEFFNo,Issue\r\n1,Spam\n2,Privacy\r3,Access");

        Assert.Equal(["No", "Issue"], records[0].Fields);
        // Compared as ordinal strings too: a collection comparison ignores the zero-width mark.
        Assert.Equal("No", records[0].Fields[0], StringComparer.Ordinal);
        Assert.Equal([["1", "Spam"], ["2", "Privacy"], ["3", "Access"]], records.Skip(1).Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Empty_and_blank_lines_are_marked_blank_and_count_as_lines()
    {
        var records = Read("a,b\r\n\r\n   \n\"\"\n,\nc,d\n");

        Assert.Equal([false, true, true, false, false, false], records.Select(r => r.IsBlank));
        Assert.Equal([1, 2, 3, 4, 5, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void No_final_line_end_still_ends_the_last_record_and_an_empty_file_has_none()
    {
        Assert.Equal(["x", "y"], Assert.Single(Read("x,y")).Fields);
        Assert.Equal(["x", ""], Assert.Single(Read("x,")).Fields);
        Assert.Empty(Read(""));
        Assert.Empty(Read("\uFEFF"));
    }

    [Theory]
    [InlineData("a,b\nc,d\"e\",f\n", 2, "a quote inside a field")]
    [InlineData("a,b\n\"c\"d,e\n", 2, "text after a closing quote")]
    [InlineData("a,b\nc,\"open\nstill open\nat the end", 2, "is not closed")]
    [InlineData("\"x\ny\",z\n\"q\" ,r\n", 3, "text after a closing quote")]
    public void Malformed_csv_is_invalid_naming_the_line(string text, int line, string message)
    {
        var (records, refusal) = Csv.Read(text);

        Assert.Empty(records);
        Assert.NotNull(refusal);
        Assert.Equal(ErrorCode.Invalid, refusal.Code);
        Assert.StartsWith($"line {line}: ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("ICANN; IETF", "ICANN; IETF")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void The_writer_quotes_a_field_only_when_it_must(string value, string written) =>
        Assert.Equal(written, Csv.Field(value));

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        string[] fields = ["a, b", "say \"hi\"", "", "x\ny", "plain", " spaced "];

        var back = Read(Csv.Line(fields) + "\r\n" + Csv.Line(fields));

        Assert.Equal([fields, fields], back.Select(r => r.Fields.ToArray()));
    }

    private static IReadOnlyList<CsvRecord> Read(string text)
    {
        var (records, refusal) = Csv.Read(text);
        Assert.Null(refusal);
        return records;
    }
}
