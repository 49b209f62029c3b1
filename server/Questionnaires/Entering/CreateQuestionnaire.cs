using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Questionnaires.Entering;

public static class CreateQuestionnaire
{
    public static QuestionnaireDecision Decide(CreateQuestionnaireRequest request)
    {
        var title = QuestionnaireRules.Title(request.Title);
        if (title.Refusal is { } refusal)
            return refusal;
        return QuestionnaireDecision.Append([new QuestionnaireCreated(title.Text, request.Deadline)]);
    }
}
