using Microsoft.Extensions.Primitives;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

public sealed class RowQueryTests
{
    private static readonly DocumentView Table = new(Guid.NewGuid(), "Annex", DocumentKind.Annex, null, 9,
        [
            RowsCsvTests.Row("1", new RowFields("Spam", "Cybersecurity", "Security", "M3AAWG", "Partially addressed")),
            new ParagraphView(Guid.NewGuid(), null, null, ParagraphKind.Text, "Between the rows.", "", ParagraphStatus.Draft, 1, 0, []),
            RowsCsvTests.Row("2", new RowFields("Privacy and data protection", "Human rights", "Legal", "OECD guidelines", "Partially addressed")),
            RowsCsvTests.Row("3", new RowFields("Freedom of expression online", "Human rights", "Social", "HRC resolutions", "Not addressed")),
            RowsCsvTests.Row("4", new RowFields("Network neutrality", "Economic issues", "Infrastructure", "BEREC", "Not addressed")),
            RowsCsvTests.Row("5", new RowFields("Étude des coûts", "économie", "Infrastructure", "", "Addressed")),
        ],
        [], null);

    [Fact]
    public void With_no_parameters_every_row_is_listed_in_document_order_and_other_paragraphs_are_not()
    {
        var rows = Rows();

        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r.Number));
        Assert.Equal(Table.Paragraphs[2].Id, rows[1].Id);
        Assert.Equal("Partially addressed", rows[1].Fields.Status);
    }

    [Fact]
    public void A_field_filter_keeps_rows_whose_field_contains_the_value_ignoring_case_and_filters_combine()
    {
        Assert.Equal(["2", "3"], Numbers(("category", "HUMAN rights")));
        Assert.Equal(["3"], Numbers(("category", "human"), ("status", "not ADDRESSED")));
        Assert.Equal(["1", "2"], Numbers(("status", "partially")));
        Assert.Equal(["5"], Numbers(("issue", "ÉTUDE")));
        Assert.Empty(Numbers(("grouping", "Legal"), ("issue", "Spam")));
        // Empty values filter nothing; a value is trimmed as the fields are.
        Assert.Equal(["1", "2", "3", "4", "5"], Numbers(("issue", ""), ("q", "  ")));
        Assert.Equal(["4"], Numbers(("activities", " BEREC ")));
    }

    [Fact]
    public void Q_keeps_rows_with_any_field_that_contains_it_together_with_the_field_filters()
    {
        Assert.Equal(["4", "5"], Numbers(("q", "infrastructure")));
        Assert.Equal(["1", "2"], Numbers(("q", "partially")));
        Assert.Equal(["2"], Numbers(("q", "partially"), ("category", "rights")));
    }

    [Fact]
    public void Sort_orders_by_each_key_in_turn_descending_with_a_minus_and_equal_rows_keep_document_order()
    {
        Assert.Equal(["5", "4", "3", "2", "1"], Numbers(("sort", "-number")));
        Assert.Equal(["1", "2", "4", "3", "5"], Numbers(("sort", "-issue")));
        Assert.Equal(["5", "4", "3", "1", "2"], Numbers(("sort", "status,-issue")));
        Assert.Equal(["4", "5", "2", "1", "3"], Numbers(("sort", "Grouping")));
        Assert.Equal(["5", "4", "2", "1", "3"], Numbers(("sort", "grouping,-number")));
        Assert.Equal(["2", "3"], Numbers(("category", "rights"), ("sort", "-STATUS,issue")));
        // Culture-invariant: "économie" sorts with the e's, after "Economic issues", not after "Human rights".
        Assert.Equal(["1", "4", "5", "2", "3"], Numbers(("sort", "category")));
    }

    [Theory]
    [InlineData("colour", "red", "'colour' is not a parameter of this call")]
    [InlineData("sort", "issue,,status", "sort key '' is not one of")]
    [InlineData("sort", "-", "sort key '-' is not one of")]
    [InlineData("sort", "--issue", "sort key '--issue' is not one of")]
    [InlineData("sort", "revision", "sort key 'revision' is not one of")]
    [InlineData("issue", "a\u0000b", "issue contains a NUL character")]
    [InlineData("q", "\uFFFE", "q contains the noncharacter U+FFFE")]
    public void An_unknown_parameter_or_sort_key_or_a_bad_value_is_invalid(string name, string value, string message)
    {
        var refused = Assert.Throws<RefusedException>(() => RowQuery.Parse([new(name, new StringValues(value))]));

        Assert.Equal(ErrorCode.Invalid, refused.Refusal.Code);
        Assert.Contains(message, refused.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_given_twice_is_invalid_and_a_value_longer_than_a_field_is_too_large()
    {
        var twice = Assert.Throws<RefusedException>(() => RowQuery.Parse([new("issue", new StringValues(["a", "b"]))]));
        var huge = Assert.Throws<RefusedException>(() => RowQuery.Parse([new("q", new StringValues(new string('q', RowText.MaxFieldLength + 1)))]));

        Assert.Equal("issue is given 2 times; give it once", twice.Refusal.Message);
        Assert.Equal(ErrorCode.TooLarge, huge.Refusal.Code);
    }

    [Fact]
    public void The_point_selectors_are_passed_on()
    {
        var query = RowQuery.Parse([new("revision", "Rev.1"), new("Issue", "spam")]);

        Assert.Equal(("Rev.1", null, null), (query.Revision, query.Version, query.At));
        Assert.Equal([(0, "spam")], query.Filters);
    }

    private static List<RowView> Rows(params (string Name, string Value)[] query) =>
        [.. RowQuery.Parse(query.Select(q => new KeyValuePair<string, StringValues>(q.Name, q.Value))).Apply(Table)];

    private static List<string?> Numbers(params (string Name, string Value)[] query) => [.. Rows(query).Select(r => r.Number)];
}
