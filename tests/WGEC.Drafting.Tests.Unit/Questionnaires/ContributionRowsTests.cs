using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires.Importing;

namespace WGEC.Drafting.Tests.Questionnaires;

public class ContributionRowsTests
{
    private static IReadOnlyList<ContributionRow> Parse(string csv)
    {
        var (rows, refusal) = ContributionRows.Parse(csv);
        Assert.True(refusal is null, refusal?.Message);
        return rows;
    }

    private static (ErrorCode Code, string Message) Refused(string csv)
    {
        var (rows, refusal) = ContributionRows.Parse(csv);
        Assert.NotNull(refusal);
        Assert.Empty(rows);
        return (refusal.Code, refusal.Message);
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_case_and_the_optional_ones_may_be_left_out()
    {
        var rows = Parse("contribution,QUESTION TEXT,group,question,stakeholder_type,respondent\n\"Yes, more.\",Should it?,A,3,Government,Brazil\n");

        var row = Assert.Single(rows);
        Assert.Equal(new ContributionRow(2, "Brazil", StakeholderType.Government, null, 3, "A", "Should it?", "Yes, more.", null), row);
    }

    [Theory]
    [InlineData("government", StakeholderType.Government)]
    [InlineData("Private sector", StakeholderType.PrivateSector)]
    [InlineData("private-sector", StakeholderType.PrivateSector)]
    [InlineData("Civil society", StakeholderType.CivilSociety)]
    [InlineData("Technical and academic community", StakeholderType.TechnicalAndAcademicCommunity)]
    [InlineData("Intergovernmental organization", StakeholderType.IntergovernmentalOrganisation)]
    [InlineData("Intergovernmental organisation", StakeholderType.IntergovernmentalOrganisation)]
    [InlineData("IGO", StakeholderType.IntergovernmentalOrganisation)]
    public void Stakeholder_types_are_read_in_their_wire_and_human_forms(string written, StakeholderType type)
    {
        Assert.Equal(type, Parse(Csv.File(Csv.Row("X", written, null, 1, "A", "Q?", "A."))).Single().StakeholderType);
    }

    [Fact]
    public void Received_is_a_day_at_its_start_in_utc_or_an_iso_time_and_empty_is_not_given()
    {
        var rows = Parse(Csv.File(
            Csv.Row("A", "Government", null, 1, "A", "Q?", "x", "2026-03-15"),
            Csv.Row("B", "Government", null, 1, "A", "Q?", "x", "2026-03-15T23:30:00+02:00"),
            Csv.Row("C", "Government", null, 1, "A", "Q?", "x", "2026-03-15T10:00:00"),
            Csv.Row("D", "Government", null, 1, "A", "Q?", "x")));

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 15, 21, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero), null],
            rows.Select(r => r.Received));
    }

    [Fact]
    public void Texts_are_normalised_and_an_empty_contribution_names_its_respondent_and_question_only()
    {
        var row = Parse(Csv.File(Csv.Row("  Kenya ", "Government", "Kenya", 2, "B", "Why?\r\n\r\nSay.", "  "))).Single();

        Assert.Equal(("Kenya", "Why?\n\nSay.", (string?)null), (row.Respondent, row.QuestionText, row.Contribution));
    }

    [Theory]
    [InlineData("Respondent,Stakeholder type,Question,Group,Question text\n", "line 1: the header has no column 'Contribution'")]
    [InlineData("Respondent,Stakeholder type,Question,Group,Question text,Contribution,Notes\n", "line 1: the column 'Notes' is not one of")]
    [InlineData("Respondent,Respondent,Stakeholder type,Question,Group,Question text,Contribution\n", "line 1: the column 'Respondent' is there twice")]
    [InlineData("", "the file is empty")]
    public void A_bad_header_is_refused(string csv, string message)
    {
        var (code, refusal) = Refused(csv);
        Assert.Equal(ErrorCode.Invalid, code);
        Assert.StartsWith(message, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Brazil,Goverment,,3,A,Q?,Yes.,", "line 3, column 'Stakeholder type': 'Goverment' is not one of")]
    [InlineData("Brazil,Government,,three,A,Q?,Yes.,", "line 3, column 'Question': 'three' is not a question number")]
    [InlineData("Brazil,Government,,0,A,Q?,Yes.,", "line 3, column 'Question': a question number is 1 to 999")]
    [InlineData(",Government,,3,A,Q?,Yes.,", "line 3, column 'Respondent': name is one non-empty line")]
    [InlineData("Brazil,Government,,3,,Q?,Yes.,", "line 3, column 'Group': group is one non-empty line")]
    [InlineData("Brazil,Government,,3,A,,Yes.,", "line 3, column 'Question text': question text is empty")]
    [InlineData("Brazil,Government,,3,A,Q?,Yes.,15/03/2026", "line 3, column 'Received': '15/03/2026' is not a date")]
    [InlineData("Brazil,Government,,3,A,Q?,Yes \u0001.,", "line 3, column 'Contribution': contribution text contains the control character U+0001")]
    [InlineData("Brazil,Government,,3,A,Q?,Yes.", "line 3 has 7 fields; the header has 8")]
    public void A_bad_row_refuses_the_file_naming_its_line_and_column(string row, string message)
    {
        var (code, refusal) = Refused(Csv.File(Csv.Row("Kenya", "Government", null, 1, "A", "Q?", "Fine."), row));

        Assert.Equal(ErrorCode.Invalid, code);
        Assert.StartsWith(message, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contribution_over_the_limit_is_too_large_and_says_where()
    {
        var (code, refusal) = Refused(Csv.File(Csv.Row("Kenya", "Government", null, 1, "A", "Q?", new string('x', 20_001))));

        Assert.Equal(ErrorCode.TooLarge, code);
        Assert.StartsWith("line 2, column 'Contribution': contribution text is 20,001 characters", refusal, StringComparison.Ordinal);
    }
}
