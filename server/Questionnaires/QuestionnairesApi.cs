using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Http;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Questionnaires.Entering;
using WGEC.Drafting.Questionnaires.Exporting;
using WGEC.Drafting.Questionnaires.Importing;
using WGEC.Drafting.Questionnaires.Reading;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Questionnaires;

/// <summary>
/// REST over questionnaires and their contributions (issue 10). Every call needs a token; any role reads; the
/// secretariat and the chair write (the permission that creates documents: the evidence is drafting material).
/// </summary>
public static class QuestionnairesApi
{
    /// <summary>Kestrel's own request limit, said here so that a declared length over it is refused before the body is read.</summary>
    public const long MaxCsvBytes = 30_000_000;

    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder app)
    {
        var questionnaires = app.MapGroup("/api/questionnaires").WithTags("Questionnaires").RequireAuthorization();
        questionnaires.MapGet("/", List)
            .WithDescription("Every questionnaire: [ { id, title, deadline, version, questions, respondents, contributions, late } ]");
        questionnaires.MapPost("/", Create)
            .WithDescription("Secretariat, chair: { title, deadline? (yyyy-mm-dd) } → 201 QuestionnaireView; a contribution received after the end of the deadline's day (UTC) is late");
        questionnaires.MapGet("/{id:guid}", Get)
            .WithDescription("The questionnaire: its questions (by group, then number), respondents (by stakeholder type, then name), the distribution of respondents by stakeholder type, and the counts");
        questionnaires.MapPost("/{id:guid}/questions", AddQuestionAsync)
            .WithDescription("Secretariat, chair: { number (1–999, unique), group, text } → 201 QuestionView");
        questionnaires.MapPost("/{id:guid}/respondents", AddRespondentAsync)
            .WithDescription("Secretariat, chair: { name (unique in any case), stakeholderType, country? } → 201 RespondentView");
        questionnaires.MapPost("/{id:guid}/contributions", AddContributionAsync)
            .WithDescription("Secretariat, chair: { respondentId, questionId, text, receivedAt? } → 201 ContributionView; one per respondent and question: another text revises it (200), the same text again changes nothing (200)");
        questionnaires.MapGet("/{id:guid}/contributions/{contributionId:guid}", GetContribution)
            .WithDescription("One contribution: { id, questionnaireId, questionId, respondentId, text, html, receivedAt, late, label }");
        questionnaires.MapPost("/{id:guid}/import", ImportAsync)
            .Accepts<string>(Csv.MediaType)
            .WithDescription("Secretariat, chair: a CSV file (RFC 4180, UTF-8), one row per answer, header row with the columns Respondent, Stakeholder type, Country?, Question, Group, Question text, Contribution, Received? in any order. Questions and respondents are added at first sight and matched after (by number, by name); the whole file is checked first and a bad row refuses it all, naming its line and column. → { questionsAdded, respondentsAdded, contributionsAdded, contributionsRevised, unchanged, late }");
        questionnaires.MapGet("/{id:guid}/by-question", ByQuestion)
            .WithDescription("The contributions by question (by group, then number), each question's by respondent name: [ { question, contributions: [ { id, respondent, text, html, receivedAt, late } ] } ]");
        questionnaires.MapGet("/{id:guid}/by-respondent", ByRespondent)
            .WithDescription("The contributions by respondent (by stakeholder type, then name), each respondent's by question: [ { respondent, contributions: [ { id, question, text, html, receivedAt, late } ] } ]");
        questionnaires.MapGet("/{id:guid}/export", Export)
            .WithDescription("The summary of contributions annex as format=html or docx, by=question (default) or respondent: the distribution of respondents, then the contributions under their headings, late ones marked");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<QuestionnaireSummary>>> List(HttpContext http, CurrentParticipant current, QuestionnaireStore store)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(await store.ListAsync(http.RequestAborted));
    }

    private static async Task<Created<QuestionnaireView>> Create(
        CreateQuestionnaireRequest? request, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        if (request is null)
            throw new RefusedException(Refusal.Invalid("the body is a questionnaire: { title, deadline? }"));
        var id = Guid.CreateVersion7();
        var view = await store.CreateAsync(id, actor, CreateQuestionnaire.Decide(request), state => views.View(state.Snapshot()), http.RequestAborted);
        return TypedResults.Created($"/api/questionnaires/{id}", view);
    }

    private static async Task<Ok<QuestionnaireView>> Get(Guid id, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(views.View(await SnapshotAsync(store, id, http)));
    }

    private static async Task<Created<QuestionView>> AddQuestionAsync(
        Guid id, AddQuestionRequest? request, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        var body = request ?? throw new RefusedException(Refusal.Invalid("the body is a question: { number, group, text }"));
        var question = await store.ExecuteAsync(id, actor, state => AddQuestion.Decide(state, body, Guid.CreateVersion7()),
            (state, decision) => views.View(state.Snapshot()).Questions.Single(q => q.Id == (Guid)decision.Result!), http.RequestAborted);
        return TypedResults.Created($"/api/questionnaires/{id}", question);
    }

    private static async Task<Created<RespondentView>> AddRespondentAsync(
        Guid id, AddRespondentRequest? request, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        var body = request ?? throw new RefusedException(Refusal.Invalid("the body is a respondent: { name, stakeholderType, country? }"));
        var respondent = await store.ExecuteAsync(id, actor, state => AddRespondent.Decide(state, body, Guid.CreateVersion7()),
            (state, decision) => views.View(state.Snapshot()).Respondents.Single(r => r.Id == (Guid)decision.Result!), http.RequestAborted);
        return TypedResults.Created($"/api/questionnaires/{id}", respondent);
    }

    private static async Task<Results<Created<ContributionView>, Ok<ContributionView>>> AddContributionAsync(
        Guid id, AddContributionRequest? request, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views, TimeProvider clock)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        var body = request ?? throw new RefusedException(Refusal.Invalid("the body is a contribution: { respondentId, questionId, text, receivedAt? }"));
        var (outcome, q) = await store.ExecuteAsync(id, actor, state => AddContribution.Decide(state, body, Guid.CreateVersion7(), clock.GetUtcNow()),
            (state, decision) => ((ContributionOutcome)decision.Result!, state.Snapshot()), http.RequestAborted);
        var view = views.Contribution(q, q.Contributions.Single(c => c.Id == outcome.ContributionId));
        return outcome.Change == ContributionChange.Added
            ? TypedResults.Created($"/api/questionnaires/{id}/contributions/{view.Id}", view)
            : TypedResults.Ok(view);
    }

    private static async Task<Ok<ContributionView>> GetContribution(
        Guid id, Guid contributionId, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var q = await SnapshotAsync(store, id, http);
        var contribution = q.Contributions.FirstOrDefault(c => c.Id == contributionId)
            ?? throw new RefusedException(Refusal.NotFound($"contribution {contributionId} is not in this questionnaire"));
        return TypedResults.Ok(views.Contribution(q, contribution));
    }

    private static async Task<Ok<ImportSummary>> ImportAsync(Guid id, HttpContext http, CurrentParticipant current, QuestionnaireStore store, TimeProvider clock)
    {
        // Who may, before a byte of the file is read.
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        var (rows, refusal) = ContributionRows.Parse(await CsvBody.ReadAsync(http, MaxCsvBytes));
        if (refusal is not null)
            throw new RefusedException(refusal);
        var summary = await store.ExecuteAsync(id, actor, state => ImportContributions.Decide(state, rows, Guid.CreateVersion7, clock.GetUtcNow()),
            (_, decision) => (ImportSummary)decision.Result!, http.RequestAborted);
        return TypedResults.Ok(summary);
    }

    private static async Task<Ok<IReadOnlyList<QuestionContributions>>> ByQuestion(
        Guid id, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(views.ByQuestion(await SnapshotAsync(store, id, http)));
    }

    private static async Task<Ok<IReadOnlyList<RespondentContributions>>> ByRespondent(
        Guid id, HttpContext http, CurrentParticipant current, QuestionnaireStore store, QuestionnaireViews views)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(views.ByRespondent(await SnapshotAsync(store, id, http)));
    }

    private static async Task<IResult> Export(
        Guid id, string? format, string? by, HttpContext http, CurrentParticipant current, QuestionnaireStore store, MarkdownRenderer renderer)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var grouping = SummaryLayout.Parse(by);
        var kind = format?.ToLowerInvariant() switch
        {
            "html" => "html",
            "docx" => "docx",
            null or "" => throw new RefusedException(Refusal.Invalid("format is required: html or docx")),
            _ => throw new RefusedException(Refusal.Invalid($"format is html or docx, not '{(format.Length > 40 ? format[..40] + "…" : format)}'")),
        };
        var q = await SnapshotAsync(store, id, http);
        var name = SummaryLayout.FileName(q, grouping, kind);
        if (kind == "docx")
            return TypedResults.File(SummaryDocx.Write(q, grouping), Documents.Exporting.DocxExport.ContentType, name);
        http.Response.Headers.ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy;
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(SummaryHtml.Write(q, grouping, renderer)), "text/html; charset=utf-8", name);
    }

    private static Task<Questionnaire> SnapshotAsync(QuestionnaireStore store, Guid id, HttpContext http) =>
        store.ReadAsync(id, state => state.Snapshot(), http.RequestAborted);
}
