using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Questionnaires;

public sealed record QuestionState(Guid Id, int Number, string Group, string Text);

public sealed record RespondentState(Guid Id, string Name, StakeholderType StakeholderType, string? Country);

public sealed record ContributionState(Guid Id, Guid RespondentId, Guid QuestionId, string Text, DateTimeOffset ReceivedAt, bool Late);

/// <summary>
/// A questionnaire folded from its stream: what the decisions check (numbers and names taken, one answer per
/// respondent and question) and what the views read. <see cref="Apply"/> is pure and trusts the events: they were
/// decided against this same fold.
/// </summary>
public sealed class QuestionnaireState
{
    /// <summary>Respondent names are matched without regard to case: "Brazil" and "BRAZIL" are one respondent.</summary>
    public static readonly StringComparer Names = StringComparer.InvariantCultureIgnoreCase;

    private readonly Dictionary<Guid, QuestionState> questions = [];
    private readonly Dictionary<int, QuestionState> byNumber = [];
    private readonly Dictionary<Guid, RespondentState> respondents = [];
    private readonly Dictionary<string, RespondentState> byName = new(Names);
    private readonly Dictionary<Guid, ContributionState> contributions = [];
    private readonly Dictionary<(Guid Respondent, Guid Question), Guid> byPair = [];

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly? Deadline { get; private set; }

    public long Version { get; private set; }

    /// <summary>When the last event was stored (the date of an export, so the same questionnaire exports the same bytes).</summary>
    public DateTimeOffset LastEventAt { get; private set; }

    public IReadOnlyCollection<QuestionState> Questions => questions.Values;

    public IReadOnlyCollection<RespondentState> Respondents => respondents.Values;

    public IReadOnlyCollection<ContributionState> Contributions => contributions.Values;

    public QuestionState? Question(Guid id) => questions.GetValueOrDefault(id);

    public QuestionState? QuestionNumbered(int number) => byNumber.GetValueOrDefault(number);

    public RespondentState? Respondent(Guid id) => respondents.GetValueOrDefault(id);

    public RespondentState? RespondentNamed(string name) => byName.GetValueOrDefault(name);

    public ContributionState? Contribution(Guid id) => contributions.GetValueOrDefault(id);

    public ContributionState? ContributionOf(Guid respondentId, Guid questionId) =>
        byPair.TryGetValue((respondentId, questionId), out var id) ? contributions[id] : null;

    public void Apply(QuestionnaireEvent e, Guid streamId, long version, DateTimeOffset at)
    {
        switch (e)
        {
            case QuestionnaireCreated c:
                (Id, Title, Deadline) = (streamId, c.Title, c.Deadline);
                break;
            case QuestionAdded q:
                questions[q.QuestionId] = byNumber[q.Number] = new QuestionState(q.QuestionId, q.Number, q.Group, q.Text);
                break;
            case RespondentAdded r:
                respondents[r.RespondentId] = byName[r.Name] = new RespondentState(r.RespondentId, r.Name, r.StakeholderType, r.Country);
                break;
            case ContributionReceived c:
                contributions[c.ContributionId] = new ContributionState(
                    c.ContributionId, c.RespondentId, c.QuestionId, c.Text, c.ReceivedAt, Lateness.IsLate(Deadline, c.ReceivedAt));
                byPair[(c.RespondentId, c.QuestionId)] = c.ContributionId;
                break;
            case ContributionRevised r when contributions.TryGetValue(r.ContributionId, out var contribution):
                contributions[r.ContributionId] = contribution with { Text = r.Text };
                break;
        }
        (Version, LastEventAt) = (version, at);
    }

    /// <summary>How a paragraph citing a contribution names it: <c>Brazil (government), question 3</c>.</summary>
    public string Label(ContributionState contribution) =>
        Questionnaire.Label(respondents[contribution.RespondentId], questions[contribution.QuestionId]);

    /// <summary>A copy to read outside the questionnaire's gate (its parts are immutable records).</summary>
    public Questionnaire Snapshot() =>
        new(Id, Title, Deadline, Version, LastEventAt, [.. questions.Values], [.. respondents.Values], [.. contributions.Values]);
}

/// <summary>A questionnaire as it stood at one version, for the views and exports.</summary>
public sealed record Questionnaire(
    Guid Id, string Title, DateOnly? Deadline, long Version, DateTimeOffset LastEventAt,
    IReadOnlyList<QuestionState> Questions, IReadOnlyList<RespondentState> Respondents, IReadOnlyList<ContributionState> Contributions)
{
    public static string Label(RespondentState respondent, QuestionState question) =>
        $"{respondent.Name} ({StakeholderTypes.Label(respondent.StakeholderType)}), question {question.Number}";
}

public static class Lateness
{
    /// <summary>Late: received after the end of the deadline's day, UTC. No deadline, nothing is late.</summary>
    public static bool IsLate(DateOnly? deadline, DateTimeOffset receivedAt) =>
        deadline is { } day && receivedAt.UtcDateTime >= day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
