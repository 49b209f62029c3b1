using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Questionnaires;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>Questionnaires entered by hand over REST: the rules, the roles, unknown ids, and questionnaire and document ids kept apart.</summary>
public sealed class QuestionnaireEntryTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private sealed record Stage(DraftingApi Api, QuestionnaireView Questionnaire, QuestionView Question, RespondentView Respondent);

    private async Task<Stage> StageAsync(Role role = Role.Chair)
    {
        var api = (await app.JoinAsync(role)).Api;
        var questionnaire = await api.CreateQuestionnaireAsync("Questionnaire on enhanced cooperation", new DateOnly(2026, 3, 15));
        var question = await api.AddQuestionAsync(questionnaire.Id, 3, "A", "What are the **main** obstacles?");
        var respondent = await api.AddRespondentAsync(questionnaire.Id, "Brazil", StakeholderType.Government, "Brazil");
        return new Stage(api, questionnaire, question, respondent);
    }

    [Fact]
    public async Task A_chair_enters_questions_respondents_and_contributions_by_hand()
    {
        var (api, questionnaire, question, respondent) = await StageAsync();

        var contribution = await api.AddContributionAsync(questionnaire.Id, respondent.Id, question.Id, "Access, *skills* and [cost].", new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal((1L, "Questionnaire on enhanced cooperation", new DateOnly(2026, 3, 15)), (questionnaire.Version, questionnaire.Title, questionnaire.Deadline));
        Assert.Equal(new QuestionView(question.Id, 3, "A", "What are the **main** obstacles?", 0), question);
        Assert.Equal(new RespondentView(respondent.Id, "Brazil", StakeholderType.Government, "Brazil", 0), respondent);
        Assert.Equal((questionnaire.Id, question.Id, respondent.Id, "Access, *skills* and [cost].", true, "Brazil (government), question 3"),
            (contribution.QuestionnaireId, contribution.QuestionId, contribution.RespondentId, contribution.Text, contribution.Late, contribution.Label));
        Assert.Contains("<em>skills</em>", contribution.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"bracket", contribution.Html, StringComparison.Ordinal);
        Assert.Equal(contribution, await api.GetContributionAsync(questionnaire.Id, contribution.Id));
        var view = await api.GetQuestionnaireAsync(questionnaire.Id);
        Assert.Equal((4L, 1, 1, 1, 1), (view.Version, view.Questions.Single().Contributions, view.Respondents.Single().Contributions, view.Contributions, view.Late));
    }

    [Fact]
    public async Task Posting_an_answer_again_revises_it_with_200_and_the_same_text_appends_nothing()
    {
        var (api, questionnaire, question, respondent) = await StageAsync();
        var path = $"api/questionnaires/{questionnaire.Id}/contributions";
        var first = await (await api.Http.SendAsync(HttpMethod.Post, path, api.Token, new AddContributionRequest(respondent.Id, question.Id, "First."))).ReadAsync<ContributionView>(HttpStatusCode.Created);

        var same = await (await api.Http.SendAsync(HttpMethod.Post, path, api.Token, new AddContributionRequest(respondent.Id, question.Id, "First.\n"))).ReadAsync<ContributionView>(HttpStatusCode.OK);
        var version = (await api.GetQuestionnaireAsync(questionnaire.Id)).Version;
        var revised = await (await api.Http.SendAsync(HttpMethod.Post, path, api.Token, new AddContributionRequest(respondent.Id, question.Id, "Second."))).ReadAsync<ContributionView>(HttpStatusCode.OK);

        Assert.Equal(first, same);
        Assert.Equal(4L, version);
        Assert.Equal((first.Id, "Second.", first.ReceivedAt), (revised.Id, revised.Text, revised.ReceivedAt));
        Assert.Equal(5L, (await api.GetQuestionnaireAsync(questionnaire.Id)).Version);
        Assert.Equal("Second.", (await api.ByRespondentAsync(questionnaire.Id)).Single().Contributions.Single().Text);
    }

    [Fact]
    public async Task Numbers_and_names_are_unique_and_bad_fields_are_refused_with_their_code()
    {
        var (api, questionnaire, question, respondent) = await StageAsync();
        var id = questionnaire.Id;
        var http = api.Http;

        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/questions", api.Token, new AddQuestionRequest(3, "B", "Again?")), HttpStatusCode.BadRequest, "invalid");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/respondents", api.Token, new AddRespondentRequest("BRAZIL", StakeholderType.CivilSociety)), HttpStatusCode.BadRequest, "invalid");
        await Problem.AssertAsync(await http.PostRawAsync($"api/questionnaires/{id}/respondents", api.Token, "{\"name\":\"Peru\",\"stakeholderType\":\"unknown\"}"), HttpStatusCode.BadRequest, "invalid");
        await Problem.AssertAsync(await http.PostRawAsync($"api/questionnaires/{id}/questions", api.Token, "{\"number\":\"4\",\"group\":\"A\",\"text\":\"Q?\"}"), HttpStatusCode.BadRequest, "invalid");
        await Problem.AssertAsync(await http.PostRawAsync("api/questionnaires", api.Token, "{\"title\":\"T\",\"deadline\":\"15/03/2026\"}"), HttpStatusCode.BadRequest, "invalid");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, "api/questionnaires", api.Token, new CreateQuestionnaireRequest(new string('t', 301))), HttpStatusCode.RequestEntityTooLarge, "too-large");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/contributions", api.Token,
            new AddContributionRequest(respondent.Id, question.Id, new string('c', 20_001))), HttpStatusCode.RequestEntityTooLarge, "too-large");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/contributions", api.Token,
            new AddContributionRequest(respondent.Id, question.Id, "a\u0000b")), HttpStatusCode.BadRequest, "invalid");
        Assert.Equal(3L, (await api.GetQuestionnaireAsync(id)).Version);
    }

    [Fact]
    public async Task Unknown_questionnaires_questions_respondents_and_contributions_are_not_found()
    {
        var (api, questionnaire, question, respondent) = await StageAsync();
        var (id, unknown, http) = (questionnaire.Id, Guid.NewGuid(), api.Http);

        foreach (var path in new[] { $"api/questionnaires/{unknown}", $"api/questionnaires/{unknown}/by-question", $"api/questionnaires/{unknown}/by-respondent",
            $"api/questionnaires/{unknown}/export?format=html", $"api/questionnaires/{id}/contributions/{unknown}", $"api/questionnaires/{id}/contributions/{question.Id}" })
            await Problem.AssertAsync(await http.GetAsync(path, api.Token), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{unknown}/questions", api.Token, new AddQuestionRequest(1, "A", "Q?")), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/contributions", api.Token, new AddContributionRequest(unknown, question.Id, "x")), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/contributions", api.Token, new AddContributionRequest(respondent.Id, unknown, "x")), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{id}/contributions", api.Token, new AddContributionRequest(question.Id, respondent.Id, "x")), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Members_and_observers_read_and_may_not_write(Role role)
    {
        var (_, questionnaire, question, respondent) = await StageAsync();
        var reader = (await app.JoinAsync(role)).Api;
        var (id, http) = (questionnaire.Id, reader.Http);

        var writes = new (string Path, object Body)[]
        {
            ("api/questionnaires", new CreateQuestionnaireRequest("Mine")),
            ($"api/questionnaires/{id}/questions", new AddQuestionRequest(4, "A", "Q?")),
            ($"api/questionnaires/{id}/respondents", new AddRespondentRequest("Peru", StakeholderType.Government)),
            ($"api/questionnaires/{id}/contributions", new AddContributionRequest(respondent.Id, question.Id, "Mine.")),
        };
        foreach (var (path, body) in writes)
            await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, path, reader.Token, body), HttpStatusCode.Forbidden, "forbidden");
        var import = await Assert.ThrowsAsync<DraftingException>(() => reader.ImportContributionsCsvAsync(id, "Respondent,Stakeholder type,Question,Group,Question text,Contribution\nPeru,Government,4,A,Q?,Mine.\n"));
        Assert.Equal(ErrorCode.Forbidden, import.Code);

        Assert.Equal(3L, (await reader.GetQuestionnaireAsync(id)).Version);
        Assert.Contains(await reader.ListQuestionnairesAsync(), q => q.Id == id);
        Assert.Single(await reader.ByQuestionAsync(id));
        Assert.NotEmpty(await reader.ExportContributionsAsync(id, "docx"));
    }

    [Fact]
    public async Task A_questionnaire_id_is_no_document_and_a_document_id_is_no_questionnaire()
    {
        var (api, questionnaire, question, respondent) = await StageAsync(Role.Secretariat);
        var contribution = await api.AddContributionAsync(questionnaire.Id, respondent.Id, question.Id, "Text.");
        var document = await api.CreateDocumentAsync("Draft", DocumentKind.Report, "One.\n\nTwo.");
        var (q, d, http) = (questionnaire.Id, document.Id, api.Http);

        foreach (var path in new[]
        {
            $"api/documents/{q}", $"api/documents/{q}?version=1", $"api/documents/{q}?at=2100-01-01T00:00:00Z", $"api/documents/{q}/events",
            $"api/documents/{q}/diff?from=1", $"api/documents/{q}/compare?from=1", $"api/documents/{q}/export?format=html", $"api/documents/{q}/export?format=docx&version=1",
            $"api/documents/{q}/paragraphs/{question.Id}/history", $"api/documents/{q}/progress", $"api/documents/{q}/timeline", $"api/documents/{q}/activity",
            $"api/documents/{q}/meetings", $"api/documents/{q}/revisions/Rev.1/concordance",
            $"api/questionnaires/{d}", $"api/questionnaires/{d}/by-question", $"api/questionnaires/{d}/by-respondent", $"api/questionnaires/{d}/export?format=docx",
            $"api/questionnaires/{d}/contributions/{contribution.Id}",
        })
            await Problem.AssertAsync(await http.GetAsync(path, api.Token), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await http.SendAsync(HttpMethod.Post, $"api/questionnaires/{d}/questions", api.Token, new AddQuestionRequest(1, "A", "Q?")), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DraftingException>(() => api.ImportContributionsCsvAsync(d, "Respondent,Stakeholder type,Question,Group,Question text,Contribution\nPeru,Government,4,A,Q?,x\n"))).Code);
        await using var hub = await (await app.JoinAsync(Role.Member)).ConnectAsync();
        var join = await Assert.ThrowsAnyAsync<Exception>(() => hub.JoinDocumentAsync(new JoinDocumentRequest(q)));
        Assert.StartsWith("not-found: ", join.Message, StringComparison.Ordinal);
        var edit = await Assert.ThrowsAnyAsync<Exception>(() => hub.EditParagraphAsync(new EditParagraphRequest(q, question.Id, 1, "x")));
        Assert.StartsWith("not-found: ", edit.Message, StringComparison.Ordinal);
        // Both still answer as themselves.
        Assert.Equal(2, (await api.DocumentAsync(d)).Paragraphs.Count);
        Assert.DoesNotContain(await api.DocumentsAsync(), s => s.Id == q);
        Assert.DoesNotContain(await api.ListQuestionnairesAsync(), s => s.Id == d);
        Assert.Equal(4L, (await api.GetQuestionnaireAsync(q)).Version);
    }

    [Fact]
    public async Task FindContributionAsync_names_a_contribution_wherever_it_is_and_nothing_else()
    {
        var (api, questionnaire, question, respondent) = await StageAsync();
        var contribution = await api.AddContributionAsync(questionnaire.Id, respondent.Id, question.Id, "Text.");
        var document = await api.CreateDocumentAsync("Draft", DocumentKind.Report, "One.");
        var store = app.Services.GetRequiredService<QuestionnaireStore>();

        Assert.Equal(new ContributionReference(questionnaire.Id, contribution.Id, "Brazil (government), question 3"), await store.FindContributionAsync(contribution.Id, default));
        Assert.Null(await store.FindContributionAsync(Guid.NewGuid(), default));
        Assert.Null(await store.FindContributionAsync(questionnaire.Id, default));
        Assert.Null(await store.FindContributionAsync(document.Id, default));
        Assert.Null(await store.FindContributionAsync(document.Paragraphs[0].Id, default));
    }
}
