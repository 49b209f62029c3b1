using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Questionnaires.Entering;

namespace WGEC.Drafting.Questionnaires.Importing;

/// <summary>
/// The events of an import, decided on the whole file at once. Questions are matched by number and respondents by
/// name (in any case); one not yet there is added where the file first names it, and every later row must agree with
/// it (group and text; stakeholder type and country). Each answer is received, revises the earlier one, or is the
/// same again (nothing). Any disagreement refuses the whole file, naming its line and column. Pure.
/// </summary>
public static class ImportContributions
{
    public static QuestionnaireDecision Decide(QuestionnaireState state, IReadOnlyList<ContributionRow> rows, Func<Guid> newId, DateTimeOffset now)
    {
        var events = new List<QuestionnaireEvent>();
        var questions = new Dictionary<int, QuestionState>();
        var respondents = new Dictionary<string, RespondentState>(QuestionnaireState.Names);
        var answered = new Dictionary<(Guid, Guid), int>();
        var (questionsAdded, respondentsAdded, added, revised, unchanged, late) = (0, 0, 0, 0, 0, 0);
        foreach (var row in rows)
        {
            var question = state.QuestionNumbered(row.Question) ?? questions.GetValueOrDefault(row.Question);
            if (question is null)
            {
                question = questions[row.Question] = new QuestionState(newId(), row.Question, row.Group, row.QuestionText);
                events.Add(new QuestionAdded(question.Id, question.Number, question.Group, question.Text));
                questionsAdded++;
            }
            else if (Disagrees(row, question) is { } refusal)
            {
                return refusal;
            }
            var respondent = state.RespondentNamed(row.Respondent) ?? respondents.GetValueOrDefault(row.Respondent);
            if (respondent is null)
            {
                if (state.Respondents.Count + respondents.Count >= QuestionnaireRules.MaxRespondents)
                    return Refusal.TooLarge($"line {row.Line}: a questionnaire holds at most {QuestionnaireRules.MaxRespondents:N0} respondents");
                respondent = respondents[row.Respondent] = new RespondentState(newId(), row.Respondent, row.StakeholderType, row.Country);
                events.Add(new RespondentAdded(respondent.Id, respondent.Name, respondent.StakeholderType, respondent.Country));
                respondentsAdded++;
            }
            else if (Disagrees(row, respondent) is { } refusal)
            {
                return refusal;
            }
            if (row.Contribution is not { } text)
                continue;
            if (!answered.TryAdd((respondent.Id, question.Id), row.Line))
                return Refusal.Invalid($"line {row.Line}: {respondent.Name} already answered question {question.Number} on line {answered[(respondent.Id, question.Id)]}; one row per answer");
            var receivedAt = row.Received ?? QuestionnaireRules.Received(now);
            var (answer, outcome) = AddContribution.Answer(state, respondent.Id, question.Id, text, receivedAt, newId());
            events.AddRange(answer);
            switch (outcome.Change)
            {
                case ContributionChange.Added:
                    added++;
                    late += Lateness.IsLate(state.Deadline, receivedAt) ? 1 : 0;
                    break;
                case ContributionChange.Revised:
                    revised++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }
        return QuestionnaireDecision.Append(events, new ImportSummary(questionsAdded, respondentsAdded, added, revised, unchanged, late));
    }

    private static Refusal? Disagrees(ContributionRow row, QuestionState question)
    {
        if (question.Group != row.Group)
            return At(row, ContributionRows.Group, $"question {question.Number} is in group '{question.Group}', not '{row.Group}'");
        return question.Text != row.QuestionText
            ? At(row, ContributionRows.QuestionText, $"question {question.Number} already has another text; the file must give it as it is")
            : null;
    }

    private static Refusal? Disagrees(ContributionRow row, RespondentState respondent)
    {
        if (respondent.StakeholderType != row.StakeholderType)
            return At(row, ContributionRows.StakeholderTypeColumn,
                $"{respondent.Name} is {StakeholderTypes.Label(respondent.StakeholderType)}, not {StakeholderTypes.Label(row.StakeholderType)}");
        // A row may leave the country out; one it gives must be the respondent's.
        return row.Country is { } country && !string.Equals(country, respondent.Country, StringComparison.Ordinal)
            ? At(row, ContributionRows.Country, $"{respondent.Name} is from {respondent.Country ?? "no country"}, not {country}")
            : null;
    }

    private static Refusal At(ContributionRow row, string column, string message) => Refusal.Invalid($"line {row.Line}, column '{column}': {message}");
}
