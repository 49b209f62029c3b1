using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Questionnaires.Entering;

public static class AddRespondent
{
    /// <summary>A new respondent; the name must be free (in any case). The result is the new respondent's id.</summary>
    public static QuestionnaireDecision Decide(QuestionnaireState state, AddRespondentRequest request, Guid newId)
    {
        if (Check(state, request.Name, request.StakeholderType, request.Country, out var name, out var country) is { } refusal)
            return refusal;
        return QuestionnaireDecision.Append([new RespondentAdded(newId, name, request.StakeholderType, country)], newId);
    }

    public static Refusal? Check(QuestionnaireState state, string? nameInput, StakeholderType type, string? countryInput, out string name, out string? country)
    {
        (name, country) = ("", null);
        var nameCheck = QuestionnaireRules.Name(nameInput);
        if (nameCheck.Refusal is { } badName)
            return badName;
        if (QuestionnaireRules.Type(type) is { } badType)
            return badType;
        var countryCheck = QuestionnaireRules.Country(countryInput);
        if (countryCheck.Refusal is { } badCountry)
            return badCountry;
        if (state.RespondentNamed(nameCheck.Text) is { } taken)
            return Refusal.Invalid($"a respondent named '{taken.Name}' is already in this questionnaire");
        if (state.Respondents.Count >= QuestionnaireRules.MaxRespondents)
            return Refusal.TooLarge($"a questionnaire holds at most {QuestionnaireRules.MaxRespondents:N0} respondents");
        (name, country) = (nameCheck.Text, countryCheck.Text.Length == 0 ? null : countryCheck.Text);
        return null;
    }
}
