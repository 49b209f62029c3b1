using System.Text.Json.Serialization;

namespace WGEC.Drafting.Contracts;

// The questionnaire sent before drafting and its contributions (issue 10): REST under /api/questionnaires.

/// <summary>Who a respondent speaks for; the wire names are kebab-case (<c>private-sector</c>). Open, like every enum.</summary>
public enum StakeholderType
{
    Unknown,
    Government,
    PrivateSector,
    CivilSociety,
    TechnicalAndAcademicCommunity,
    IntergovernmentalOrganisation,
}

/// <param name="Deadline">The last day for contributions (UTC); one received after the end of that day is late.</param>
public sealed record CreateQuestionnaireRequest(string? Title, DateOnly? Deadline = null);

/// <param name="Number">1 to 999, unique in the questionnaire. A JSON number: a string is refused.</param>
public sealed record AddQuestionRequest([property: JsonNumberHandling(JsonNumberHandling.Strict)] int Number, string? Group, string? Text);

public sealed record AddRespondentRequest(string? Name, StakeholderType StakeholderType, string? Country = null);

/// <param name="ReceivedAt">When it was received; the server's clock when left out.</param>
public sealed record AddContributionRequest(Guid RespondentId, Guid QuestionId, string? Text, DateTimeOffset? ReceivedAt = null);

public sealed record QuestionnaireSummary(
    Guid Id, string Title, DateOnly? Deadline, long Version, int Questions, int Respondents, int Contributions, int Late);

public sealed record QuestionnaireView(
    Guid Id,
    string Title,
    DateOnly? Deadline,
    long Version,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<RespondentView> Respondents,
    IReadOnlyList<StakeholderCount> Distribution,
    int Contributions,
    int Late);

/// <param name="Contributions">How many respondents answered it.</param>
public sealed record QuestionView(Guid Id, int Number, string Group, string Text, int Contributions);

/// <param name="Contributions">How many questions they answered.</param>
public sealed record RespondentView(Guid Id, string Name, StakeholderType StakeholderType, string? Country, int Contributions);

/// <summary>One line of the distribution of respondents: every known type, in the order of the enum, those with none too.</summary>
public sealed record StakeholderCount(StakeholderType StakeholderType, int Respondents);

/// <param name="Html">The text's safe rendering (PROTOCOL.md §6), made when read.</param>
/// <param name="Label">How a paragraph citing it names it: <c>Brazil (government), question 3</c>.</param>
public sealed record ContributionView(
    Guid Id, Guid QuestionnaireId, Guid QuestionId, Guid RespondentId, string Text, string Html, DateTimeOffset ReceivedAt, bool Late, string Label);

/// <summary>What an import did. A file imported again adds and revises nothing: every answer is <c>unchanged</c>.</summary>
/// <param name="Late">Of the contributions added, how many came after the deadline.</param>
public sealed record ImportSummary(int QuestionsAdded, int RespondentsAdded, int ContributionsAdded, int ContributionsRevised, int Unchanged, int Late);

public sealed record RespondentRef(Guid Id, string Name, StakeholderType StakeholderType, string? Country);

public sealed record QuestionRef(Guid Id, int Number, string Group);

/// <summary>A question and its answers, by respondent name (<c>GET /by-question</c>).</summary>
public sealed record QuestionContributions(QuestionView Question, IReadOnlyList<ContributionOfRespondent> Contributions);

public sealed record ContributionOfRespondent(Guid Id, RespondentRef Respondent, string Text, string Html, DateTimeOffset ReceivedAt, bool Late);

/// <summary>A respondent and their answers, by question (<c>GET /by-respondent</c>).</summary>
public sealed record RespondentContributions(RespondentView Respondent, IReadOnlyList<ContributionToQuestion> Contributions);

public sealed record ContributionToQuestion(Guid Id, QuestionRef Question, string Text, string Html, DateTimeOffset ReceivedAt, bool Late);
