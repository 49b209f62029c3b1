using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>
/// Issue 10: a generated questionnaire of 69 respondents × 18 questions imported over REST as one CSV file, then every
/// view read back against what the file says; the same file again; a file with one bad row.
/// </summary>
public sealed class QuestionnaireImportTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    public const int Seed = 20_260_315;

    private static readonly ConcurrentDictionary<DraftingApp, Lazy<Task<Imported>>> Imports = new();

    /// <summary>The generated file, imported once per app by the secretariat, and what the import answered.</summary>
    public sealed record Imported(ContributionsFile File, QuestionnaireView Created, ImportSummary Summary, DraftingApi Api);

    public static Task<Imported> ImportedAsync(DraftingApp app) =>
        Imports.GetOrAdd(app, a => new Lazy<Task<Imported>>(async () =>
        {
            var file = ContributionsFile.Generate(Seed);
            var api = (await a.SecretariatAsync()).Api;
            var created = await api.CreateQuestionnaireAsync("Questionnaire on enhanced cooperation", ContributionsFile.Deadline);
            var summary = await api.ImportContributionsCsvAsync(created.Id, file.Csv);
            return new Imported(file, created, summary, api);
        })).Value;

    private static string Why(ContributionsFile file) => $"(generated with seed {file.Seed})";

    [Fact]
    public async Task The_import_adds_every_question_respondent_and_answer_and_counts_the_late_ones()
    {
        var (file, created, summary, api) = await ImportedAsync(app);

        Assert.Equal(1_242, file.Answers.Count);
        Assert.True(new ImportSummary(18, 69, 1_242, 0, 0, file.Answers.Count(a => a.Late)) == summary, $"{summary} {Why(file)}");
        Assert.InRange(summary.Late, 40, 200);
        var view = await api.GetQuestionnaireAsync(created.Id);
        Assert.Equal((18, 69, 1_242, summary.Late), (view.Questions.Count, view.Respondents.Count, view.Contributions, view.Late));
        Assert.Equal(1 + 18 + 69 + 1_242, view.Version);
        var listed = Assert.Single(await api.ListQuestionnairesAsync(), q => q.Id == created.Id);
        Assert.Equal(new QuestionnaireSummary(created.Id, created.Title, ContributionsFile.Deadline, view.Version, 18, 69, 1_242, summary.Late), listed);
    }

    [Fact]
    public async Task The_questionnaire_lists_questions_by_group_and_number_respondents_by_type_and_name_and_the_distribution_of_every_type()
    {
        var (file, created, _, api) = await ImportedAsync(app);

        var view = await api.GetQuestionnaireAsync(created.Id);

        Assert.Equal(file.Questions.Select(q => (q.Number, q.Group, q.Text, 69)), view.Questions.Select(q => (q.Number, q.Group, q.Text, q.Contributions)));
        Assert.Equal(ExpectedRespondents(file).Select(r => (r.Name, r.Type, r.Country, 18)),
            view.Respondents.Select(r => (r.Name, r.StakeholderType, r.Country, r.Contributions)));
        Assert.Equal(
            [
                new(StakeholderType.Government, 31), new(StakeholderType.PrivateSector, 9), new(StakeholderType.CivilSociety, 15),
                new(StakeholderType.TechnicalAndAcademicCommunity, 10), new StakeholderCount(StakeholderType.IntergovernmentalOrganisation, 4),
            ],
            view.Distribution);
    }

    [Fact]
    public async Task By_question_holds_each_answer_of_the_file_under_its_question_by_respondent_name()
    {
        var (file, created, _, api) = await ImportedAsync(app);

        var byQuestion = await api.ByQuestionAsync(created.Id);

        Assert.Equal(file.Questions.Select(q => q.Number), byQuestion.Select(q => q.Question.Number));
        foreach (var (question, answers) in byQuestion.Select(q => (q.Question, q.Contributions)))
        {
            var expected = file.Answers.Where(a => a.Question.Number == question.Number).OrderBy(a => a.Respondent.Name, StringComparer.InvariantCulture).ToList();
            Assert.Equal(
                expected.Select(a => (a.Respondent.Name, a.Respondent.Type, a.Respondent.Country, a.Text, a.Received, a.Late)),
                answers.Select(c => (c.Respondent.Name, c.Respondent.StakeholderType, c.Respondent.Country, c.Text, c.ReceivedAt, c.Late)));
            // Ordinal, which the tuple comparison above is not for every character.
            Assert.True(expected.Select(a => a.Text).SequenceEqual(answers.Select(c => c.Text), StringComparer.Ordinal), $"question {question.Number} {Why(file)}");
            Assert.All(answers, c => Assert.False(string.IsNullOrEmpty(c.Html)));
        }
        var script = byQuestion.SelectMany(q => q.Contributions).Single(c => c.Text == ContributionsFile.Script);
        Assert.DoesNotContain("<script", script.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", script.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_respondent_holds_each_answer_of_the_file_under_its_respondent_by_question()
    {
        var (file, created, _, api) = await ImportedAsync(app);

        var byRespondent = await api.ByRespondentAsync(created.Id);

        Assert.Equal(ExpectedRespondents(file).Select(r => r.Name), byRespondent.Select(r => r.Respondent.Name));
        foreach (var (respondent, answers) in byRespondent.Select(r => (r.Respondent, r.Contributions)))
        {
            var expected = file.Answers.Where(a => a.Respondent.Name == respondent.Name).OrderBy(a => a.Question.Group, StringComparer.Ordinal).ThenBy(a => a.Question.Number);
            Assert.Equal(
                expected.Select(a => (a.Question.Number, a.Question.Group, a.Text, a.Received, a.Late)),
                answers.Select(c => (c.Question.Number, c.Question.Group, c.Text, c.ReceivedAt, c.Late)));
        }
    }

    [Fact]
    public async Task The_same_file_imported_again_appends_nothing()
    {
        var (file, created, _, api) = await ImportedAsync(app);
        var before = await api.GetQuestionnaireAsync(created.Id);

        var again = await api.ImportContributionsCsvAsync(created.Id, file.Csv);

        Assert.Equal(new ImportSummary(0, 0, 0, 0, 1_242, 0), again);
        Assert.Equal(before.Version, (await api.GetQuestionnaireAsync(created.Id)).Version);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_is_refused_naming_its_line_and_column_and_stores_nothing()
    {
        var file = ContributionsFile.Generate(Seed + 1);
        var api = (await app.SecretariatAsync()).Api;
        var questionnaire = await api.CreateQuestionnaireAsync("Refused import", ContributionsFile.Deadline);
        // A government's answer on one line, past the thousandth: every row before it is good, and would be stored by an
        // import that went row by row. Its stakeholder type is misspelt.
        var index = Enumerable.Range(1_000, 242).First(i => file.Answers[i].Respondent.Type == StakeholderType.Government);
        var bad = file.Answers[index];
        // One record a line: records end in CRLF, line breaks inside a quoted answer are LF alone.
        var records = file.Csv.Split("\r\n");
        Assert.Contains(",Government,", records[index + 1], StringComparison.Ordinal);
        records[index + 1] = records[index + 1].Replace(",Government,", ",Goverment,", StringComparison.Ordinal);

        using var response = await api.Http.PostAsync(new Uri($"api/questionnaires/{questionnaire.Id}/import", UriKind.Relative),
            new StringContent(string.Join("\r\n", records), Encoding.UTF8, "text/csv"));

        var detail = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid");
        Assert.StartsWith($"line {bad.Line}, column 'Stakeholder type': 'Goverment' is not one of", detail, StringComparison.Ordinal);
        Assert.Equal(1, (await api.GetQuestionnaireAsync(questionnaire.Id)).Version);
        Assert.Empty((await api.ByQuestionAsync(questionnaire.Id)));
    }

    [Theory]
    [InlineData("Respondent,Stakeholder type,Question,Group,Question text,Contribution\r\nBrazil,Government,1,A,\"Q?,Yes.\r\n", "line 2: a quoted field is not closed before the end of the file")]
    [InlineData("Respondent,Stakeholder type,Question,Group,Question text\r\nBrazil,Government,1,A,Q?\r\n", "line 1: the header has no column 'Contribution'")]
    public async Task Malformed_csv_is_invalid(string csv, string message)
    {
        var api = (await app.SecretariatAsync()).Api;
        var questionnaire = await api.CreateQuestionnaireAsync("Malformed import");

        using var response = await api.Http.PostAsync(new Uri($"api/questionnaires/{questionnaire.Id}/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.StartsWith(message, await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_not_csv_is_invalid_and_one_over_30_mb_is_too_large()
    {
        var api = (await app.SecretariatAsync()).Api;
        var questionnaire = await api.CreateQuestionnaireAsync("Wrong files");
        var path = new Uri($"api/questionnaires/{questionnaire.Id}/import", UriKind.Relative);
        var latin1 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("Respondent,Stakeholder type,Question,Group,Question text,Contribution\r\nC"), 0xF4, .. "te,Government,1,A,Q?,Oui\r\n"u8.ToArray()]);
        latin1.Headers.ContentType = new("text/csv");
        using var huge = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(new byte[30_000_001]) };
        huge.Content.Headers.ContentType = new("text/csv");
        huge.Headers.ExpectContinue = true; // the answer comes before the body is sent, as curl asks for it

        Assert.Equal("the CSV file is not UTF-8 text", await Problem.AssertAsync(await api.Http.PostAsync(path, latin1), HttpStatusCode.BadRequest, "invalid"));
        await Problem.AssertAsync(await api.Http.PostAsync(path, new StringContent("a,b", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType, "invalid");
        // Found by the fuzzer: routing turns away a declared other type, but a body with no type reached the import.
        var untyped = new ByteArrayContent(Encoding.UTF8.GetBytes("Respondent,Stakeholder type,Question,Group,Question text,Contribution\r\nPeru,Government,1,A,Q?,Yes.\r\n"));
        Assert.Equal("the body is a CSV file, sent as text/csv", await Problem.AssertAsync(await api.Http.PostAsync(path, untyped), HttpStatusCode.BadRequest, "invalid"));
        await Problem.AssertAsync(await api.Http.SendAsync(huge), HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.Equal(1, (await api.GetQuestionnaireAsync(questionnaire.Id)).Version);
    }

    /// <summary>The respondents as the views order them: by stakeholder type in the published order, then by name.</summary>
    public static IEnumerable<ContributionsFile.Respondent> ExpectedRespondents(ContributionsFile file) =>
        file.Respondents.OrderBy(r => (int)r.Type).ThenBy(r => r.Name, StringComparer.InvariantCulture);

    internal static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
