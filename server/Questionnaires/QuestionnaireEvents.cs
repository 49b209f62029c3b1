using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Questionnaires;

// The stored facts of a questionnaire's stream (one stream per questionnaire, its id the questionnaire's).
// Past tense; a stored type is never renamed or changed incompatibly: add a new one. Who did it travels with
// every event, as on a document's stream.

public abstract record QuestionnaireEvent
{
    public Actor By { get; init; } = Actor.System;
}

public sealed record QuestionnaireCreated(string Title, DateOnly? Deadline) : QuestionnaireEvent;

public sealed record QuestionAdded(Guid QuestionId, int Number, string Group, string Text) : QuestionnaireEvent;

public sealed record RespondentAdded(Guid RespondentId, string Name, StakeholderType StakeholderType, string? Country) : QuestionnaireEvent;

public sealed record ContributionReceived(Guid ContributionId, Guid RespondentId, Guid QuestionId, string Text, DateTimeOffset ReceivedAt) : QuestionnaireEvent;

/// <summary>The respondent sent another text for the same question: it replaces the first; the date received stays.</summary>
public sealed record ContributionRevised(Guid ContributionId, string Text) : QuestionnaireEvent;

public static class QuestionnaireEventTypes
{
    public static readonly Type[] All =
        [typeof(QuestionnaireCreated), typeof(QuestionAdded), typeof(RespondentAdded), typeof(ContributionReceived), typeof(ContributionRevised)];
}
