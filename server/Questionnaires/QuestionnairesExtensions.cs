using WGEC.Drafting.Questionnaires.Reading;

namespace WGEC.Drafting.Questionnaires;

public static class QuestionnairesExtensions
{
    public static IServiceCollection AddDraftingQuestionnaires(this IServiceCollection services) =>
        services
            .AddSingleton<QuestionnaireStore>()
            .AddSingleton<QuestionnaireViews>()
            .AddSingleton<Documents.Citing.IContributionIndex, ContributionIndex>();
}
