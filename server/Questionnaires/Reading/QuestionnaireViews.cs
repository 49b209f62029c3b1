using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Questionnaires.Reading;

/// <summary>
/// The read views of a questionnaire, in the secretariat's published order: questions by group then number (their
/// answers by respondent name), respondents by stakeholder type then name (their answers by question). Contribution
/// text is Markdown; its HTML is the paragraphs' safe rendering, made here when read.
/// </summary>
public sealed class QuestionnaireViews(MarkdownRenderer renderer)
{
    /// <summary>Names sort as people read them, the same on every machine.</summary>
    public static readonly StringComparer NameOrder = StringComparer.InvariantCulture;

    public static IEnumerable<QuestionState> InOrder(IEnumerable<QuestionState> questions) =>
        questions.OrderBy(q => q.Group, StringComparer.Ordinal).ThenBy(q => q.Number);

    public static IEnumerable<RespondentState> InOrder(IEnumerable<RespondentState> respondents) =>
        respondents.OrderBy(r => StakeholderTypes.Rank(r.StakeholderType)).ThenBy(r => r.Name, NameOrder).ThenBy(r => r.Name, StringComparer.Ordinal);

    public QuestionnaireView View(Questionnaire q)
    {
        var (byQuestion, byRespondent) = Counts(q);
        return new QuestionnaireView(q.Id, q.Title, q.Deadline, q.Version,
            [.. InOrder(q.Questions).Select(x => Question(x, byQuestion))],
            [.. InOrder(q.Respondents).Select(r => Respondent(r, byRespondent))],
            Distribution(q),
            q.Contributions.Count,
            q.Contributions.Count(c => c.Late));
    }

    /// <summary>Respondents per stakeholder type: every known type in the published order, those with none too.</summary>
    public static IReadOnlyList<StakeholderCount> Distribution(Questionnaire q) =>
        [.. StakeholderTypes.Known.Select(t => new StakeholderCount(t, q.Respondents.Count(r => r.StakeholderType == t)))];

    public ContributionView Contribution(Questionnaire q, ContributionState c)
    {
        var (respondent, question) = (q.Respondents.First(r => r.Id == c.RespondentId), q.Questions.First(x => x.Id == c.QuestionId));
        return new ContributionView(c.Id, q.Id, c.QuestionId, c.RespondentId, c.Text, renderer.ToHtml(c.Text), c.ReceivedAt, c.Late,
            Questionnaire.Label(respondent, question));
    }

    public IReadOnlyList<QuestionContributions> ByQuestion(Questionnaire q)
    {
        var (byQuestion, _) = Counts(q);
        var respondents = q.Respondents.ToDictionary(r => r.Id);
        var answers = q.Contributions.ToLookup(c => c.QuestionId);
        return [.. InOrder(q.Questions).Select(question => new QuestionContributions(
            Question(question, byQuestion),
            [.. answers[question.Id]
                .Select(c => (Contribution: c, Respondent: respondents[c.RespondentId]))
                .OrderBy(a => a.Respondent.Name, NameOrder).ThenBy(a => a.Respondent.Name, StringComparer.Ordinal)
                .Select(a => new ContributionOfRespondent(a.Contribution.Id, Ref(a.Respondent), a.Contribution.Text,
                    renderer.ToHtml(a.Contribution.Text), a.Contribution.ReceivedAt, a.Contribution.Late))]))];
    }

    public IReadOnlyList<RespondentContributions> ByRespondent(Questionnaire q)
    {
        var (_, byRespondent) = Counts(q);
        var questions = q.Questions.ToDictionary(x => x.Id);
        var answers = q.Contributions.ToLookup(c => c.RespondentId);
        return [.. InOrder(q.Respondents).Select(respondent => new RespondentContributions(
            Respondent(respondent, byRespondent),
            [.. answers[respondent.Id]
                .Select(c => (Contribution: c, Question: questions[c.QuestionId]))
                .OrderBy(a => a.Question.Group, StringComparer.Ordinal).ThenBy(a => a.Question.Number)
                .Select(a => new ContributionToQuestion(a.Contribution.Id, new QuestionRef(a.Question.Id, a.Question.Number, a.Question.Group),
                    a.Contribution.Text, renderer.ToHtml(a.Contribution.Text), a.Contribution.ReceivedAt, a.Contribution.Late))]))];
    }

    public static RespondentRef Ref(RespondentState r) => new(r.Id, r.Name, r.StakeholderType, r.Country);

    private static QuestionView Question(QuestionState q, IReadOnlyDictionary<Guid, int> counts) =>
        new(q.Id, q.Number, q.Group, q.Text, counts.GetValueOrDefault(q.Id));

    private static RespondentView Respondent(RespondentState r, IReadOnlyDictionary<Guid, int> counts) =>
        new(r.Id, r.Name, r.StakeholderType, r.Country, counts.GetValueOrDefault(r.Id));

    private static (Dictionary<Guid, int> ByQuestion, Dictionary<Guid, int> ByRespondent) Counts(Questionnaire q) =>
        (q.Contributions.CountBy(c => c.QuestionId).ToDictionary(), q.Contributions.CountBy(c => c.RespondentId).ToDictionary());
}
