using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires;
using WGEC.Drafting.Questionnaires.Entering;

namespace WGEC.Drafting.Tests.Questionnaires;

public class QuestionnaireDecisionsTests
{
    [Fact]
    public void The_fold_keeps_questions_respondents_and_one_contribution_per_pair_and_counts_versions()
    {
        var q = Questionnaires.Created(new DateOnly(2026, 3, 15));
        var question = q.Question(3, "B", "How?");
        var respondent = q.Respondent("Brazil", StakeholderType.Government, "Brazil");
        var added = (ContributionOutcome)q.Apply(AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "Like this."), q.NewId(), q.Now)).Result!;
        q.Apply(AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "Like that."), q.NewId(), q.Now));

        var state = q.State;
        Assert.Equal((Questionnaires.Id, "Questionnaire on enhanced cooperation", new DateOnly(2026, 3, 15), 5L), (state.Id, state.Title, state.Deadline, state.Version));
        Assert.Equal(new QuestionState(question, 3, "B", "How?"), state.QuestionNumbered(3));
        Assert.Equal(respondent, state.RespondentNamed("BRAZIL")!.Id);
        var contribution = Assert.Single(state.Contributions);
        Assert.Equal((added.ContributionId, "Like that.", q.Now, false), (contribution.Id, contribution.Text, contribution.ReceivedAt, contribution.Late));
        Assert.Equal("Brazil (government), question 3", state.Label(contribution));
    }

    [Fact]
    public void The_same_text_again_appends_nothing_and_another_text_revises_the_first()
    {
        var q = Questionnaires.Created();
        var (question, respondent) = (q.Question(1), q.Respondent("Kenya"));
        var first = q.Apply(AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "Yes."), q.NewId(), q.Now));

        var same = AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "  Yes.\r\n"), q.NewId(), q.Now);
        var other = AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "No."), q.NewId(), q.Now);

        var id = ((ContributionOutcome)first.Result!).ContributionId;
        Assert.Empty(same.Events);
        Assert.Equal(new ContributionOutcome(id, ContributionChange.Unchanged), same.Result);
        Assert.Equal([new ContributionRevised(id, "No.")], other.Events);
        Assert.Equal(new ContributionOutcome(id, ContributionChange.Revised), other.Result);
    }

    [Theory]
    [InlineData(2026, 3, 15, 23, 59, false)]
    [InlineData(2026, 3, 16, 0, 0, true)]
    [InlineData(2026, 1, 1, 0, 0, false)]
    public void A_contribution_is_late_from_the_end_of_the_deadlines_day_in_utc(int year, int month, int day, int hour, int minute, bool late)
    {
        var q = Questionnaires.Created(new DateOnly(2026, 3, 15));
        var (question, respondent) = (q.Question(1), q.Respondent("Chile"));

        q.Apply(AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "Text.", new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero)), q.NewId(), q.Now));

        Assert.Equal(late, q.State.Contributions.Single().Late);
        Assert.False(Lateness.IsLate(null, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Numbers_and_names_are_unique_names_in_any_case()
    {
        var q = Questionnaires.Created();
        q.Question(1);
        q.Respondent("Brazil");

        Assert.Equal("question 1 is already in this questionnaire", AddQuestion.Decide(q.State, new AddQuestionRequest(1, "B", "Other?"), q.NewId()).Refusal?.Message);
        Assert.Equal("a respondent named 'Brazil' is already in this questionnaire",
            AddRespondent.Decide(q.State, new AddRespondentRequest("bRAZIL", StakeholderType.CivilSociety), q.NewId()).Refusal?.Message);
    }

    [Theory]
    [InlineData(0, "A", "Q?", ErrorCode.Invalid)]
    [InlineData(1000, "A", "Q?", ErrorCode.Invalid)]
    [InlineData(1, "A\nB", "Q?", ErrorCode.Invalid)]
    [InlineData(1, "A", " ", ErrorCode.Invalid)]
    [InlineData(1, "A", null, ErrorCode.Invalid)]
    public void A_bad_question_is_refused(int number, string group, string? text, ErrorCode code)
    {
        var q = Questionnaires.Created();

        Assert.Equal(code, AddQuestion.Decide(q.State, new AddQuestionRequest(number, group, text), q.NewId()).Refusal?.Code);
    }

    [Fact]
    public void Texts_follow_the_limits_of_section_5_and_a_stakeholder_type_is_required()
    {
        var q = Questionnaires.Created();
        var (question, respondent) = (q.Question(1), q.Respondent("Chile"));

        Assert.Equal(ErrorCode.TooLarge, AddQuestion.Decide(q.State, new AddQuestionRequest(2, "A", new string('q', 20_001)), q.NewId()).Refusal?.Code);
        Assert.Equal(ErrorCode.TooLarge, AddRespondent.Decide(q.State, new AddRespondentRequest(new string('n', 301), StakeholderType.Government), q.NewId()).Refusal?.Code);
        Assert.Equal(ErrorCode.Invalid, AddRespondent.Decide(q.State, new AddRespondentRequest("Peru", StakeholderType.Unknown), q.NewId()).Refusal?.Code);
        Assert.Equal(ErrorCode.TooLarge, AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, new string('c', 20_001)), q.NewId(), q.Now).Refusal?.Code);
        Assert.Equal(ErrorCode.Invalid, AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "a\0b"), q.NewId(), q.Now).Refusal?.Code);
        Assert.Equal(ErrorCode.TooLarge, CreateQuestionnaire.Decide(new CreateQuestionnaireRequest(new string('t', 301))).Refusal?.Code);
        // Contributions are Markdown of several paragraphs.
        Assert.Null(AddContribution.Decide(q.State, new AddContributionRequest(respondent, question, "One.\n\nTwo."), q.NewId(), q.Now).Refusal);
    }

    [Fact]
    public void Unknown_respondents_and_questions_are_not_found()
    {
        var q = Questionnaires.Created();
        var (question, respondent) = (q.Question(1), q.Respondent("Chile"));

        Assert.Equal(ErrorCode.NotFound, AddContribution.Decide(q.State, new AddContributionRequest(Guid.NewGuid(), question, "x"), q.NewId(), q.Now).Refusal?.Code);
        Assert.Equal(ErrorCode.NotFound, AddContribution.Decide(q.State, new AddContributionRequest(respondent, Guid.NewGuid(), "x"), q.NewId(), q.Now).Refusal?.Code);
        Assert.Equal(ErrorCode.NotFound, AddContribution.Decide(q.State, new AddContributionRequest(question, respondent, "x"), q.NewId(), q.Now).Refusal?.Code);
    }
}
