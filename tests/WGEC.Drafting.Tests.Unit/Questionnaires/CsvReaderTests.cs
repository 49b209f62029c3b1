using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires.Importing;

namespace WGEC.Drafting.Tests.Questionnaires;

public class CsvReaderTests
{
    private static IReadOnlyList<CsvRecord> Read(string text)
    {
        var (records, refusal) = CsvReader.Read(text);
        Assert.Null(refusal);
        return records;
    }

    private static string Refused(string text)
    {
        var (records, refusal) = CsvReader.Read(text);
        Assert.NotNull(refusal);
        Assert.Equal(ErrorCode.Invalid, refusal.Code);
        Assert.Empty(records);
        return refusal.Message;
    }

    [Fact]
    public void Plain_fields_split_at_commas_and_records_at_any_line_end()
    {
        var records = Read("a,b,c\r\nd,e,f\ng,h,i\rj,k,l");

        Assert.Equal([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"], ["j", "k", "l"]], records.Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_later_records_keep_their_physical_line()
    {
        var records = Read("name,text\r\n\"Smith, J.\",\"She said \"\"no\"\".\r\nThen left.\"\r\nKenya,\"\"\r\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["Smith, J.", "She said \"no\".\r\nThen left."], records[1].Fields);
        Assert.Equal(["Kenya", ""], records[2].Fields);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_empty_lines_and_a_final_line_end_make_no_record()
    {
        var records = Read("\uFEFFRespondent,Country\n\nBrazil,Brazil\r\n\r\n");

        Assert.Equal([["Respondent", "Country"], ["Brazil", "Brazil"]], records.Select(r => r.Fields.ToArray()));
        // Compared as ordinal strings: a collection comparison ignores the (zero-width) mark.
        Assert.Equal("Respondent", records[0].Fields[0]);
        Assert.Equal([1, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Empty_fields_are_kept_at_either_end()
    {
        Assert.Equal(["", "b", ""], Read(",b,\n").Single().Fields);
        Assert.Empty(Read(""));
    }

    [Theory]
    [InlineData("a,b\nc,d\"e\n", "line 2: field 2 has a quote but does not start with one")]
    [InlineData("a,b\n\"c\"x,d\n", "line 2: field 1 has text after its closing quote")]
    [InlineData("a,b\nc,\"d\ne\nf", "line 2: the quoted field 2 opened on this line is never closed")]
    [InlineData("a,\"b\nc\"\nd,\"e\"\"\"f\n", "line 3: field 2 has text after its closing quote")]
    public void Malformed_quoting_is_refused_with_its_line(string text, string message)
    {
        Assert.StartsWith(message, Refused(text), StringComparison.Ordinal);
    }
}
