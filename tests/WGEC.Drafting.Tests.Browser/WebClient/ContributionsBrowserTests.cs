using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// A questionnaire's contributions in the web client (issue 10): listed on the documents page, shown by
/// question and by respondent, late ones marked, and reached from a paragraph that cites one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContributionsBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private static readonly DateOnly Deadline = new(2026, 3, 31);

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_contributions_page_shows_them_by_question_and_by_respondent_with_late_ones_marked()
    {
        var q = await QuestionnaireAsync("views");
        var member = await screens.JoinAsync(Role.Member, "contributions-member", "Ana", "Brazil");

        var listed = member.Page.Locator($"table.questionnaires tr[data-questionnaire-id=\"{q.Id}\"]");
        await Expect(listed).ToContainTextAsync(q.Title);
        await listed.Locator("a.open").ClickAsync();
        await Expect(member.Page).ToHaveURLAsync(new Uri(app.BaseAddress, $"questionnaires/{q.Id}").ToString());

        var byQuestion = member.Page.Locator("#panel-by-question");
        var byRespondent = member.Page.Locator("#panel-by-respondent");
        await Expect(member.Page.Locator("#tab-by-question")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(byQuestion).ToBeVisibleAsync();
        await Expect(byRespondent).ToBeHiddenAsync();
        await Expect(byQuestion.Locator("section.group h2")).ToHaveTextAsync(["Group A", "Group B"]);
        var first = byQuestion.Locator($"section.question[data-question-id=\"{q.Questions[0]}\"]");
        await Expect(first.Locator("li.contribution")).ToHaveCountAsync(2);
        await Expect(first.Locator($"#c-{q.Brazil}")).ToContainTextAsync("Brazil (Government, Brazil)");
        // The server's sanitised rendering: Markdown made bold, raw HTML shown as text, nothing run.
        await Expect(first.Locator($"#c-{q.Brazil} .contribution-text strong")).ToHaveTextAsync("capacity");
        await Expect(first.Locator($"#c-{q.Brazil} .contribution-text")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Expect(byQuestion.Locator("li.contribution.late")).ToHaveCountAsync(1);
        await Expect(byQuestion.Locator($"#c-{q.Late} .badge.late")).ToHaveTextAsync("late");
        await Expect(member.Page.Locator(".distribution tr[data-stakeholder-type=government] td")).ToHaveTextAsync("1");
        await Expect(member.Page.Locator(".distribution tr[data-stakeholder-type=civil-society] td")).ToHaveTextAsync("1");
        await member.AssertAaContrastAsync("contributions-by-question", null, ".contribution .contributor", ".badge.late", "[role=tab]", ".distribution th");

        await member.Page.Locator("#tab-by-respondent").ClickAsync();
        await Expect(byRespondent).ToBeVisibleAsync();
        await Expect(byQuestion).ToBeHiddenAsync();
        await Expect(byRespondent.Locator("section.group h2")).ToHaveTextAsync(["Government", "Civil society", "Technical and academic community"]);
        var isoc = byRespondent.Locator("section.group[data-stakeholder-type=technical-and-academic-community] section.respondent");
        await Expect(isoc.Locator("h3")).ToHaveTextAsync("ISOC");
        await Expect(isoc.Locator("li.contribution")).ToHaveCountAsync(1);
        await Expect(byRespondent.Locator("li.contribution.late")).ToHaveCountAsync(1);
        await member.AssertAaContrastAsync("contributions-by-respondent", "#panel-by-respondent", ".contribution .contributor", ".badge.late");

        // The tabs are one tab stop; the arrow keys move between them.
        await member.Page.Locator("#tab-by-respondent").PressAsync("ArrowLeft");
        await Expect(member.Page.Locator("#tab-by-question")).ToBeFocusedAsync();
        await Expect(byQuestion).ToBeVisibleAsync();
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task A_paragraph_citing_a_contribution_links_to_it_on_the_contributions_page()
    {
        var q = await QuestionnaireAsync("cited");
        var chair = await app.JoinAsync(Role.Chair);
        var report = await chair.Api.CreateDocumentAsync("Report citing contributions", DocumentKind.Report, "1. Capacity remains the first need.");
        var paragraph = report.Paragraphs[0].Id;
        var member = await screens.JoinAsync(Role.Member, "contribution-citer", "Ana", "Brazil");
        await member.OpenAsync(report.Id);

        await member.Action(paragraph, "cite-evidence").ClickAsync();
        var dialog = member.Page.Locator("dialog.cite");
        await dialog.Locator("select[name=source]").SelectOptionAsync($"questionnaire:{q.Id}");
        var choice = dialog.Locator($"input[type=radio][value=\"contribution:{q.Brazil}\"]");
        await Expect(choice).ToHaveCountAsync(1);
        await dialog.Locator("input[name=search]").FillAsync("brazil");
        await Expect(dialog.Locator("label.choice:visible")).ToHaveCountAsync(1);
        await choice.CheckAsync();
        await dialog.Locator("button[value=confirm]").ClickAsync();

        var chip = member.Paragraph(paragraph).Locator($".evidence-chip[data-evidence-id=\"{q.Brazil}\"]");
        await Expect(chip).ToContainTextAsync("Cites: Brazil");
        await chip.Locator("a").ClickAsync();
        await Expect(member.Page).ToHaveURLAsync(new Uri(app.BaseAddress, $"questionnaires/{q.Id}#c-{q.Brazil}").ToString());
        await Expect(member.Page.Locator($"#c-{q.Brazil}")).ToHaveClassAsync(Targeted());
        await Expect(member.Page.Locator($"#c-{q.Brazil}")).ToBeFocusedAsync();

        await member.Page.GoBackAsync();
        await Expect(chip).ToBeVisibleAsync();
        await chip.Locator("button[data-action=unlink-evidence]").ClickAsync();
        await Expect(chip).ToHaveCountAsync(0);
        Assert.Empty((await member.Participant.Api.DocumentAsync(report.Id)).Paragraphs[0].Evidence);
        Assert.Empty(member.ScriptErrors);
    }

    private sealed record Sample(Guid Id, string Title, Guid[] Questions, Guid Brazil, Guid Late);

    /// <summary>Three questions in groups A and B, three respondents of three stakeholder types, one contribution late.</summary>
    private async Task<Sample> QuestionnaireAsync(string name)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var api = chair.Api;
        var q = await api.CreateQuestionnaireAsync("Questionnaire on data governance " + name, Deadline);
        var q1 = await api.AddQuestionAsync(q.Id, 1, "A", "What are the main challenges?");
        var q2 = await api.AddQuestionAsync(q.Id, 2, "A", "Which approaches work?");
        var q3 = await api.AddQuestionAsync(q.Id, 3, "B", "What should the working group recommend?");
        var brazil = await api.AddRespondentAsync(q.Id, "Brazil", StakeholderType.Government, "Brazil");
        var isoc = await api.AddRespondentAsync(q.Id, "ISOC", StakeholderType.TechnicalAndAcademicCommunity);
        var access = await api.AddRespondentAsync(q.Id, "Access Now", StakeholderType.CivilSociety);
        var onTime = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var c1 = await api.AddContributionAsync(q.Id, brazil.Id, q1.Id, "Lack of **capacity** in developing countries <img src=x onerror=alert(1)>", onTime);
        await api.AddContributionAsync(q.Id, isoc.Id, q1.Id, "Fragmentation of rules across borders.", onTime);
        var late = await api.AddContributionAsync(q.Id, access.Id, q3.Id, "Protect human rights online.", new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));
        return new Sample(q.Id, q.Title, [q1.Id, q2.Id, q3.Id], c1.Id, late.Id);
    }

    [GeneratedRegex("targeted")]
    private static partial Regex Targeted();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
