using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires;
using WGEC.Drafting.Questionnaires.Importing;

namespace WGEC.Drafting.Tests.Questionnaires;

public class ImportContributionsTests
{
    private static readonly string File = Csv.File(
        Csv.Row("Brazil", "Government", "Brazil", 1, "A", "What is enhanced cooperation?", "A process.", "2026-03-10"),
        Csv.Row("ISOC", "Technical and academic community", null, 1, "A", "What is enhanced cooperation?", "Dialogue, \"open\".", "2026-03-15T23:59:59Z"),
        Csv.Row("brazil", "government", "", 2, "B", "Who takes part?", "Everyone.\n\nGovernments first.", "2026-03-16"),
        Csv.Row("ISOC", "Technical and academic community", null, 3, "B", "What next?", ""));

    private static ImportSummary Import(Questionnaires q, string csv)
    {
        var (rows, refusal) = ContributionRows.Parse(csv);
        Assert.True(refusal is null, refusal?.Message);
        return (ImportSummary)q.Apply(ImportContributions.Decide(q.State, rows, q.NewId, q.Now)).Result!;
    }

    private static string Refused(Questionnaires q, string csv)
    {
        var (rows, refusal) = ContributionRows.Parse(csv);
        Assert.True(refusal is null, refusal?.Message);
        var decision = ImportContributions.Decide(q.State, rows, q.NewId, q.Now);
        Assert.Empty(decision.Events);
        return decision.Refusal!.Message;
    }

    [Fact]
    public void Questions_and_respondents_are_added_at_first_sight_and_matched_after_by_number_and_by_name_in_any_case()
    {
        var q = Questionnaires.Created(new DateOnly(2026, 3, 15));

        var summary = Import(q, File);

        Assert.Equal(new ImportSummary(QuestionsAdded: 3, RespondentsAdded: 2, ContributionsAdded: 3, ContributionsRevised: 0, Unchanged: 0, Late: 1), summary);
        Assert.Equal([(1, "A"), (2, "B"), (3, "B")], q.State.Questions.OrderBy(x => x.Number).Select(x => (x.Number, x.Group)));
        Assert.Equal([("Brazil", StakeholderType.Government, "Brazil"), ("ISOC", StakeholderType.TechnicalAndAcademicCommunity, null)],
            q.State.Respondents.OrderBy(r => r.Name).Select(r => (r.Name, r.StakeholderType, r.Country)));
        var brazil = q.State.RespondentNamed("Brazil")!.Id;
        Assert.Equal("Everyone.\n\nGovernments first.", q.State.ContributionOf(brazil, q.State.QuestionNumbered(2)!.Id)!.Text);
        Assert.Null(q.State.ContributionOf(q.State.RespondentNamed("ISOC")!.Id, q.State.QuestionNumbered(3)!.Id));
    }

    [Fact]
    public void The_late_flag_turns_at_the_end_of_the_deadlines_day()
    {
        var q = Questionnaires.Created(new DateOnly(2026, 3, 15));
        Import(q, File);

        var late = q.State.Contributions.OrderBy(c => c.ReceivedAt).Select(c => (c.ReceivedAt.Day, c.Late));

        Assert.Equal([(10, false), (15, false), (16, true)], late);
    }

    [Fact]
    public void The_same_file_again_appends_nothing()
    {
        var q = Questionnaires.Created(new DateOnly(2026, 3, 15));
        Import(q, File);
        var version = q.State.Version;

        var again = ImportContributions.Decide(q.State, ContributionRows.Parse(File).Rows, q.NewId, q.Now.AddDays(3));

        Assert.Empty(again.Events);
        Assert.Equal(new ImportSummary(0, 0, 0, 0, Unchanged: 3, Late: 0), again.Result);
        Assert.Equal(version, q.State.Version);
    }

    [Fact]
    public void A_changed_answer_revises_the_contribution_and_new_answers_are_added_beside_it()
    {
        var q = Questionnaires.Created();
        Import(q, File);
        var first = q.State.Contributions.Single(c => c.Text == "A process.");

        var summary = Import(q, Csv.File(
            Csv.Row("Brazil", "Government", null, 1, "A", "What is enhanced cooperation?", "A process, and a goal."),
            Csv.Row("Kenya", "Government", "Kenya", 1, "A", "What is enhanced cooperation?", "Cooperation.")));

        Assert.Equal(new ImportSummary(0, 1, ContributionsAdded: 1, ContributionsRevised: 1, Unchanged: 0, Late: 0), summary);
        Assert.Equal("A process, and a goal.", q.State.Contribution(first.Id)!.Text);
        Assert.Equal(first.ReceivedAt, q.State.Contribution(first.Id)!.ReceivedAt);
    }

    [Fact]
    public void An_answer_with_no_date_is_received_at_the_time_of_the_import()
    {
        var q = Questionnaires.Created();

        Import(q, Csv.File(Csv.Row("Peru", "Government", null, 1, "A", "Q?", "Yes.")));

        Assert.Equal(q.Now, q.State.Contributions.Single().ReceivedAt);
    }

    [Theory]
    [InlineData(1, "B", "What is enhanced cooperation?", "Government", "line 2, column 'Group': question 1 is in group 'A', not 'B'")]
    [InlineData(1, "A", "What is it?", "Government", "line 2, column 'Question text': question 1 already has another text")]
    [InlineData(2, "B", "Who takes part?", "Civil society", "line 2, column 'Stakeholder type': Brazil is government, not civil society")]
    public void A_row_that_disagrees_with_what_is_known_refuses_the_file(int number, string group, string text, string type, string message)
    {
        var q = Questionnaires.Created();
        Import(q, File);
        var version = q.State.Version;

        Assert.StartsWith(message, Refused(q, Csv.File(Csv.Row("Brazil", type, null, number, group, text, "New."))), StringComparison.Ordinal);
        Assert.Equal(version, q.State.Version);
    }

    [Fact]
    public void Rows_of_one_file_must_agree_with_each_other_and_answer_a_question_once()
    {
        var q = Questionnaires.Created();

        Assert.StartsWith("line 3, column 'Country': Chile is from Chile, not Peru",
            Refused(q, Csv.File(Csv.Row("Chile", "Government", "Chile", 1, "A", "Q?", "x"), Csv.Row("Chile", "Government", "Peru", 2, "A", "R?", "y"))), StringComparison.Ordinal);
        Assert.StartsWith("line 3: Chile already answered question 1 on line 2",
            Refused(q, Csv.File(Csv.Row("Chile", "Government", "Chile", 1, "A", "Q?", "x"), Csv.Row("CHILE", "Government", null, 1, "A", "Q?", "y"))), StringComparison.Ordinal);
        Assert.Empty(q.State.Questions);
    }
}
