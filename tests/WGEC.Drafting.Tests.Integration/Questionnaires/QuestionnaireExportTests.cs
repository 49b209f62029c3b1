using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>The "summary of contributions" annex of the generated questionnaire, as a printable page and as a Word file.</summary>
public sealed class QuestionnaireExportTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private static readonly string[] Types = ["Government", "Private sector", "Civil society", "Technical and academic community", "Intergovernmental organisation"];

    [Fact]
    public async Task The_html_annex_by_question_has_the_distribution_table_headings_per_group_and_question_late_marks_and_escaped_html()
    {
        var (file, questionnaire, _, api) = await QuestionnaireImportTests.ImportedAsync(app);

        using var response = await api.Http.GetAsync($"api/questionnaires/{questionnaire.Id}/export?format=html", api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Questionnaire-on-enhanced-cooperation_contributions-by-question.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Questionnaire on enhanced cooperation", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(["Respondents by stakeholder type", "Group A", "Group B", "Group C", "Group D", "Group E"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(file.Questions.Select(q => $"Question {q.Number}"), page.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(
            [["Stakeholder type", "Respondents"], .. Types.Zip(["31", "9", "15", "10", "4"], (t, n) => new[] { t, n }), ["Total", "69"]],
            page.QuerySelectorAll("table.distribution tr").Select(row => row.Children.Select(c => c.TextContent).ToArray()));
        var contributions = page.QuerySelectorAll(".contribution").ToList();
        Assert.Equal(1_242, contributions.Count);
        Assert.Equal(file.Answers.Count(a => a.Late), page.QuerySelectorAll(".contribution .late").Length);
        var late = file.Answers.First(a => a.Late);
        Assert.Contains(contributions, c => c.QuerySelector(".late")?.TextContent == "Late: received " + QuestionnaireImportTests.Day(late.Received)
            && c.QuerySelector(".text")!.TextContent.Trim() == late.Text.Replace("**", "", StringComparison.Ordinal).Replace("\n\n", "", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("main b"));
        Assert.Contains(contributions, c => c.QuerySelector(".text")!.TextContent.Trim() == ContributionsFile.Script);
    }

    [Fact]
    public async Task The_html_annex_by_respondent_has_a_heading_per_stakeholder_type_and_respondent()
    {
        var (file, questionnaire, _, api) = await QuestionnaireImportTests.ImportedAsync(app);

        using var response = await api.Http.GetAsync($"api/questionnaires/{questionnaire.Id}/export?format=html&by=respondent", api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Respondents by stakeholder type", .. Types], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(QuestionnaireImportTests.ExpectedRespondents(file).Select(r => r.Country is { } c && c != r.Name ? $"{r.Name} ({c})" : r.Name),
            page.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(1_242, page.QuerySelectorAll(".contribution").Length);
    }

    [Fact]
    public async Task The_docx_annex_is_a_valid_word_file_with_real_headings_a_real_table_and_the_texts()
    {
        var (file, questionnaire, _, api) = await QuestionnaireImportTests.ImportedAsync(app);

        using var response = await api.Http.GetAsync($"api/questionnaires/{questionnaire.Id}/export?format=docx&by=question", api.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Questionnaire-on-enhanced-cooperation_contributions-by-question.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Description} at {e.Path?.XPath}")));
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: Text(p))).ToList();
        Assert.Equal("Questionnaire on enhanced cooperation", paragraphs.Single(p => p.Style == "Title").Text);
        Assert.Equal(["Respondents by stakeholder type", "Group A", "Group B", "Group C", "Group D", "Group E"], paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Equal(file.Questions.Select(q => $"Question {q.Number}"), paragraphs.Where(p => p.Style == "Heading2").Select(p => p.Text));
        var table = Assert.Single(body.Elements<Table>());
        Assert.Equal(
            [["Stakeholder type", "Respondents"], .. Types.Zip(["31", "9", "15", "10", "4"], (t, n) => new[] { t, n }), ["Total", "69"]],
            table.Elements<TableRow>().Select(row => row.Elements<TableCell>().Select(Text).ToArray()));
        var texts = paragraphs.Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ContributionsFile.Script, texts);
        var late = file.Answers.First(a => a.Late && !a.Text.Contains("**", StringComparison.Ordinal));
        Assert.Contains($"{late.Respondent.Name} ({ProtocolJson.Name(late.Respondent.Type).Replace('-', ' ')}{(late.Respondent.Country is { } c ? ", " + c : "")}) — Late: received {QuestionnaireImportTests.Day(late.Received)}", texts);
        Assert.Contains(late.Text.Split("\n\n")[0], texts);
    }

    [Theory]
    [InlineData("?format=pdf")]
    [InlineData("")]
    [InlineData("?format=html&by=country")]
    public async Task An_unknown_format_or_grouping_is_invalid(string query)
    {
        var (_, questionnaire, _, api) = await QuestionnaireImportTests.ImportedAsync(app);

        await Problem.AssertAsync(await api.Http.GetAsync($"api/questionnaires/{questionnaire.Id}/export{query}", api.Token), HttpStatusCode.BadRequest, "invalid");
    }

    private static string Text(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));
}
