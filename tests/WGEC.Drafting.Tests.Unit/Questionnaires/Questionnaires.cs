using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires;
using WGEC.Drafting.Questionnaires.Entering;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>Folds decisions into a state as the store does, with versions, times and ids from the test.</summary>
internal sealed class Questionnaires
{
    private int nextId;

    public QuestionnaireState State { get; } = new();

    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Questionnaires Created(DateOnly? deadline = null)
    {
        var q = new Questionnaires();
        q.Apply(CreateQuestionnaire.Decide(new CreateQuestionnaireRequest("Questionnaire on enhanced cooperation", deadline)));
        return q;
    }

    public Guid NewId() => new(++nextId, 0, 0, new byte[8]);

    /// <summary>Applies the decision's events (a refusal fails the test) and gives the decision back.</summary>
    public QuestionnaireDecision Apply(QuestionnaireDecision decision)
    {
        Assert.True(decision.Refusal is null, decision.Refusal?.Message);
        foreach (var e in decision.Events)
            State.Apply(e, Id, State.Version + 1, Now);
        return decision;
    }

    public static readonly Guid Id = new("0195a000-0000-7000-8000-000000000001");

    public Guid Question(int number, string group = "A", string text = "What should be done?") =>
        (Guid)Apply(AddQuestion.Decide(State, new AddQuestionRequest(number, group, text), NewId())).Result!;

    public Guid Respondent(string name, StakeholderType type = StakeholderType.Government, string? country = null) =>
        (Guid)Apply(AddRespondent.Decide(State, new AddRespondentRequest(name, type, country), NewId())).Result!;
}
