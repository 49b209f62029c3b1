using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Questionnaires.Entering;

public static class AddQuestion
{
    /// <summary>A new question; its number must be free. The result is the new question's id.</summary>
    public static QuestionnaireDecision Decide(QuestionnaireState state, AddQuestionRequest request, Guid newId)
    {
        if (Check(state, request.Number, request.Group, request.Text, out var group, out var text) is { } refusal)
            return refusal;
        return QuestionnaireDecision.Append([new QuestionAdded(newId, request.Number, group, text)], newId);
    }

    public static Refusal? Check(QuestionnaireState state, int number, string? groupInput, string? textInput, out string group, out string text)
    {
        (group, text) = ("", "");
        if (QuestionnaireRules.Number(number) is { } badNumber)
            return badNumber;
        var groupCheck = QuestionnaireRules.Group(groupInput);
        if (groupCheck.Refusal is { } badGroup)
            return badGroup;
        var textCheck = QuestionnaireRules.Text(textInput, "question text");
        if (textCheck.Refusal is { } badText)
            return badText;
        if (state.QuestionNumbered(number) is not null)
            return Refusal.Invalid($"question {number} is already in this questionnaire");
        (group, text) = (groupCheck.Text, textCheck.Text);
        return null;
    }
}
