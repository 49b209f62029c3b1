using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>A questionnaire a matrix cell acts on: one question, one respondent, one contribution.</summary>
public sealed record MatrixQuestionnaire(Guid Id, Guid Question, Guid Respondent, Guid Contribution)
{
    /// <summary>A one-answer import file that adds a question and a respondent.</summary>
    public const string Csv = "Respondent,Stakeholder type,Country,Question,Group,Question text,Contribution\r\nInternet Society,Technical and academic community,,2,A,\"Who, then?\",All of us.\r\n";

    public static async Task<MatrixQuestionnaire> CreateAsync(AuthorizationMatrixServer server)
    {
        var api = server.Admin.Api;
        var questionnaire = await api.CreateQuestionnaireAsync("Questionnaire on enhanced cooperation", new DateOnly(2026, 3, 15));
        var question = await api.AddQuestionAsync(questionnaire.Id, 1, "A", "What is enhanced cooperation?");
        var respondent = await api.AddRespondentAsync(questionnaire.Id, "Brazil", StakeholderType.Government, "Brazil");
        var contribution = await api.AddContributionAsync(questionnaire.Id, respondent.Id, question.Id, "A process.");
        return new MatrixQuestionnaire(questionnaire.Id, question.Id, respondent.Id, contribution.Id);
    }
}
