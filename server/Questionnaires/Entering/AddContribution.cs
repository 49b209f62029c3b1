using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Questionnaires.Entering;

/// <summary>What became of an answer: a new contribution, a revision of the respondent's earlier one, or the same text again.</summary>
public enum ContributionChange { Added, Revised, Unchanged }

/// <summary>The result of <see cref="AddContribution.Decide"/>: which contribution, and what became of it.</summary>
public sealed record ContributionOutcome(Guid ContributionId, ContributionChange Change);

public static class AddContribution
{
    /// <summary>
    /// One answer per respondent and question: a first one is received; another with a different text revises it;
    /// the same text again appends nothing.
    /// </summary>
    public static QuestionnaireDecision Decide(QuestionnaireState state, AddContributionRequest request, Guid newId, DateTimeOffset now)
    {
        if (state.Respondent(request.RespondentId) is null)
            return Refusal.NotFound($"respondent {request.RespondentId} is not in this questionnaire");
        if (state.Question(request.QuestionId) is null)
            return Refusal.NotFound($"question {request.QuestionId} is not in this questionnaire");
        var text = QuestionnaireRules.Text(request.Text, "contribution text");
        if (text.Refusal is { } refusal)
            return refusal;
        var (events, outcome) = Answer(state, request.RespondentId, request.QuestionId, text.Text, QuestionnaireRules.Received(request.ReceivedAt ?? now), newId);
        return QuestionnaireDecision.Append(events, outcome);
    }

    /// <summary>The events for one checked answer.</summary>
    public static (QuestionnaireEvent[] Events, ContributionOutcome Outcome) Answer(
        QuestionnaireState state, Guid respondentId, Guid questionId, string text, DateTimeOffset receivedAt, Guid newId) =>
        state.ContributionOf(respondentId, questionId) switch
        {
            null => ([new ContributionReceived(newId, respondentId, questionId, text, receivedAt)], new(newId, ContributionChange.Added)),
            { Text: var same } existing when same == text => ([], new(existing.Id, ContributionChange.Unchanged)),
            var existing => ([new ContributionRevised(existing.Id, text)], new(existing.Id, ContributionChange.Revised)),
        };
}
