using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Testing;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// CSV imports in the web client (issue 10): a mapping table made into an annex from the documents page or appended
/// from the annex's table, and a questionnaire created with its answers; refusals name the line and change nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CsvImportBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>Every control that would import rows: the table's button and its file input.</summary>
    private const string ImportControls = "button[data-action=import-rows], input#import-rows";

    /// <summary>Line 3 (the second row) has no issue, which the server requires.</summary>
    private const string BadMapping = "No,Issue,Category,Grouping,Activities and approaches,Status\n" +
        "1,Spam,Security,Threats,Filtering,open\n" +
        "2,,Security,Threats,Awareness,closed\n";

    private const string SmallMapping = "No,Issue,Category,Grouping,Activities and approaches,Status\n" +
        "1,Spam,Security,Threats,Filtering,open\n" +
        "2,Phishing,Security,Threats,Awareness,closed\n";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_secretariat_makes_an_annex_from_the_sample_mapping_table_and_sees_its_20_rows_numbered_1_to_20()
    {
        var secretariat = await screens.JoinAsync(Role.Secretariat, "csv-secretariat", "Sam", "Secretariat");
        var form = secretariat.Page.Locator("#create-document");
        await form.Locator("input[name=title]").FillAsync("Mapping of issues (sample)");
        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("mapping.csv", File.ReadAllText(SampleFolder.File("mapping.csv"))));
        await Expect(form.Locator("select[name=kind]")).ToHaveValueAsync("annex");
        await Expect(form.Locator("textarea[name=markdown]")).ToBeDisabledAsync();
        await secretariat.AssertAaContrastAsync("csv-forms", null, "#create-document label", "#create-questionnaire label", "#create-questionnaire .help");
        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(secretariat.Page).ToHaveURLAsync(DocumentUrl());
        await Expect(secretariat.Connection).ToHaveAttributeAsync("data-status", "connected");
        await Expect(TableRows(secretariat)).ToHaveCountAsync(20);
        await Expect(TableRows(secretariat).Locator(".row-number")).ToHaveTextAsync([.. Enumerable.Range(1, 20).Select(n => n.ToString())]);
        await Expect(secretariat.Page.Locator("#row-count")).ToHaveTextAsync("20 rows");
        await Expect(secretariat.Page.Locator("#announcer")).ToHaveTextAsync("20 rows imported");
        await Expect(secretariat.Page.Locator("#import-rows-error")).ToBeEmptyAsync();

        var annex = await secretariat.Participant.Api.DocumentAsync(DocumentId(secretariat));
        Assert.Equal(DocumentKind.Annex, annex.Kind);
        Assert.Equal(20, annex.Paragraphs.Count(p => p.Kind == ParagraphKind.Row));
        Assert.Equal("Allocation of domain names", annex.Paragraphs[0].Fields?.Issue);
        Assert.Empty(secretariat.ScriptErrors);
    }

    [Fact]
    public async Task A_refused_file_names_its_line_and_appends_nothing_and_the_table_can_import_a_corrected_one()
    {
        var chair = await screens.JoinAsync(Role.Chair, "csv-chair", "Carla", "Chair");
        var form = chair.Page.Locator("#create-document");
        await form.Locator("input[name=title]").FillAsync("Mapping refused first");
        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("bad.csv", BadMapping));
        await form.Locator("button[type=submit]").ClickAsync();

        // The annex is made, empty; its page says why the rows were not imported.
        await Expect(chair.Page).ToHaveURLAsync(DocumentUrl());
        await Expect(chair.Connection).ToHaveAttributeAsync("data-status", "connected");
        var error = chair.Page.Locator("#import-rows-error");
        await Expect(error).ToContainTextAsync(new Regex("The rows were not imported: .*line 3"));
        await Expect(error).ToHaveAttributeAsync("role", "alert");
        var id = DocumentId(chair);
        Assert.Empty((await chair.Participant.Api.DocumentAsync(id)).Paragraphs);
        await chair.AssertAaContrastAsync("csv-refused", ".mapping", "#import-rows-error", "button[data-action=import-rows]");

        // From the table: a bad file again changes nothing, then a good one appends its rows.
        await chair.Page.Locator("input#import-rows").SetInputFilesAsync(Csv("bad-again.csv", SmallMapping + "3,,Security,Threats,Takedowns,open\n"));
        await Expect(error).ToContainTextAsync("line 4");
        await Expect(TableRows(chair)).ToHaveCountAsync(0);
        await chair.Page.Locator("button[data-action=import-rows]").FocusAsync();
        await Expect(chair.Page.Locator("button[data-action=import-rows]")).ToHaveTextAsync("Import rows from CSV…");
        await chair.Page.Locator("input#import-rows").SetInputFilesAsync(Csv("good.csv", SmallMapping));
        await Expect(TableRows(chair)).ToHaveCountAsync(2);
        await Expect(error).ToBeEmptyAsync();
        await Expect(chair.Page.Locator("#announcer")).ToHaveTextAsync("2 rows imported");
        var stored = await chair.Participant.Api.DocumentAsync(id);
        Assert.Equal(["Spam", "Phishing"], stored.Paragraphs.Select(p => p.Fields?.Issue));
        Assert.Empty(chair.ScriptErrors);
    }

    [Fact]
    public async Task A_member_sees_no_import_control_and_no_creation_forms_where_the_secretariat_sees_them()
    {
        var secretariat = await app.JoinAsync(Role.Secretariat);
        var annex = await secretariat.Api.CreateDocumentAsync("Mapping for members", DocumentKind.Annex);
        await secretariat.Api.ImportRowsCsvAsync(annex.Id, SmallMapping);
        var steering = await screens.SignInAsync(secretariat, "csv-steering");
        var member = await screens.JoinAsync(Role.Member, "csv-member", "Ana", "Brazil");
        await Expect(steering.Page.Locator("#create-questionnaire")).ToHaveCountAsync(1);
        await Expect(member.Page.Locator("table.documents")).ToBeVisibleAsync();
        await Expect(member.Page.Locator("#create-document, #create-questionnaire")).ToHaveCountAsync(0);

        await steering.OpenAsync(annex.Id);
        await member.OpenAsync(annex.Id);
        await Expect(TableRows(member)).ToHaveCountAsync(2);
        await Expect(steering.Page.Locator(ImportControls)).ToHaveCountAsync(2); // the same selector finds them where they belong
        await Expect(member.Page.Locator("button[data-action=add-row]")).ToHaveCountAsync(1); // a member edits the table, but imports nothing
        await Expect(member.Page.Locator(ImportControls)).ToHaveCountAsync(0);
        await Expect(member.Page.Locator("#import-rows-error")).ToHaveCountAsync(0);
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task A_questionnaire_created_with_its_answers_opens_with_the_contributions_by_question_and_a_refused_file_makes_no_second_one()
    {
        var secretariat = await screens.JoinAsync(Role.Secretariat, "csv-questionnaire", "Sam", "Secretariat");
        var form = secretariat.Page.Locator("#create-questionnaire");
        var title = "Survey on capacity " + Guid.NewGuid().ToString("N")[..6];
        await form.Locator("input[name=title]").FillAsync(title);
        await form.Locator("input[name=deadline]").FillAsync("2026-03-31");

        // One bad row: the questionnaire exists, the form says so, and the next submit imports into it.
        var bad = Answers() + "Chile,Goverment,Chile,1,A,What capacity is missing?,More training.,2026-03-01\n";
        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("answers-bad.csv", bad));
        await form.Locator("button[type=submit]").ClickAsync();
        var error = form.Locator("p.error");
        await Expect(error).ToContainTextAsync(new Regex("was created, but its answers were not imported: .*line 5"));
        await Expect(form.Locator("button[type=submit]")).ToHaveTextAsync("Import answers");

        await form.Locator("input[type=file]").SetInputFilesAsync(Csv("answers.csv", Answers()));
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(secretariat.Page).ToHaveURLAsync(new Regex("/questionnaires/[0-9a-f-]{36}$"));
        var byQuestion = secretariat.Page.Locator("#panel-by-question");
        await Expect(byQuestion.Locator("section.group h2")).ToHaveTextAsync(["Group A", "Group B"]);
        await Expect(byQuestion.Locator("section.question h3")).ToHaveTextAsync(["Question 1", "Question 2"]);
        await Expect(byQuestion.Locator("section.question").Nth(0).Locator("li.contribution")).ToHaveCountAsync(2);
        await Expect(byQuestion.Locator("section.question").Nth(1).Locator("li.contribution")).ToHaveCountAsync(1);
        await Expect(byQuestion.Locator("li.contribution.late")).ToHaveCountAsync(1);

        var mine = (await secretariat.Participant.Api.ListQuestionnairesAsync()).Where(q => q.Title == title).ToList();
        var made = Assert.Single(mine);
        Assert.Equal((2, 2, 3, 1, new DateOnly(2026, 3, 31)), (made.Questions, made.Respondents, made.Contributions, made.Late, made.Deadline));
        Assert.Empty(secretariat.ScriptErrors);
    }

    /// <summary>Two questions, two respondents, three answers; ISOC's arrived after the deadline.</summary>
    private static string Answers() =>
        "Respondent,Stakeholder type,Country,Question,Group,Question text,Contribution,Received\n" +
        "Brazil,Government,Brazil,1,A,What capacity is missing?,Training for **regulators**.,2026-03-01\n" +
        "ISOC,Technical and academic community,,1,A,What capacity is missing?,\"Peering, exchange points.\",2026-04-10\n" +
        "Brazil,Government,Brazil,2,B,Who takes part?,Everyone.,2026-03-02\n";

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private Regex DocumentUrl() => new("^" + Regex.Escape(new Uri(app.BaseAddress, "documents/").ToString()) + "[0-9a-f-]{36}$");

    private static Guid DocumentId(Screen screen) => Guid.Parse(screen.Page.Url[^36..]);

    private static ILocator TableRows(Screen screen) => screen.Page.Locator("table.mapping-table tbody tr[data-paragraph-id]");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
