using System.Globalization;
using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Questionnaires.Reading;

namespace WGEC.Drafting.Questionnaires.Exporting;

/// <summary>How the annex groups the contributions: by question (under each group) or by respondent (under each stakeholder type).</summary>
public enum SummaryGrouping { ByQuestion, ByRespondent }

/// <summary>
/// The "summary of contributions" annex as both exports lay it out: sections (a group of questions, or a stakeholder
/// type), each with its items (a question, or a respondent) and their contributions, late ones marked. Pure.
/// </summary>
public static partial class SummaryLayout
{
    public sealed record Section(string Heading, IReadOnlyList<Item> Items);

    /// <param name="Intro">The question's text (Markdown), or null for a respondent.</param>
    public sealed record Item(string Heading, string? Intro, IReadOnlyList<Entry> Entries);

    /// <param name="Late">"Late: received 16 March 2026", or null.</param>
    public sealed record Entry(string Heading, string? Late, string Text);

    public static SummaryGrouping Parse(string? by) => by?.ToLowerInvariant() switch
    {
        null or "" or "question" => SummaryGrouping.ByQuestion,
        "respondent" => SummaryGrouping.ByRespondent,
        _ => throw new RefusedException(Refusal.Invalid($"by is question or respondent, not '{(by.Length > 40 ? by[..40] + "…" : by)}'")),
    };

    public static string Name(SummaryGrouping by) => by == SummaryGrouping.ByQuestion ? "question" : "respondent";

    public static IReadOnlyList<Section> Sections(Questionnaire q, SummaryGrouping by)
    {
        var questions = q.Questions.ToDictionary(x => x.Id);
        var respondents = q.Respondents.ToDictionary(r => r.Id);
        if (by == SummaryGrouping.ByQuestion)
        {
            var answers = q.Contributions.ToLookup(c => c.QuestionId);
            return [.. QuestionnaireViews.InOrder(q.Questions).GroupBy(x => x.Group).Select(group => new Section($"Group {group.Key}",
                [.. group.Select(question => new Item($"Question {question.Number}", question.Text,
                    [.. answers[question.Id].Select(c => (c, r: respondents[c.RespondentId]))
                        .OrderBy(a => a.r.Name, QuestionnaireViews.NameOrder).ThenBy(a => a.r.Name, StringComparer.Ordinal)
                        .Select(a => new Entry(Who(a.r), Late(a.c), a.c.Text))]))]))];
        }
        var byRespondent = q.Contributions.ToLookup(c => c.RespondentId);
        return [.. QuestionnaireViews.InOrder(q.Respondents).GroupBy(r => r.StakeholderType).Select(type => new Section(StakeholderTypes.Title(type.Key),
            [.. type.Select(respondent => new Item(respondent.Country is { } country && country != respondent.Name ? $"{respondent.Name} ({country})" : respondent.Name, null,
                [.. byRespondent[respondent.Id].Select(c => (c, question: questions[c.QuestionId]))
                    .OrderBy(a => a.question.Group, StringComparer.Ordinal).ThenBy(a => a.question.Number)
                    .Select(a => new Entry($"Question {a.question.Number} (group {a.question.Group})", Late(a.c), a.c.Text))]))]))];
    }

    /// <summary>"Brazil (government, Brazil)": who answered, as a line above their answer.</summary>
    private static string Who(RespondentState r) =>
        $"{r.Name} ({StakeholderTypes.Label(r.StakeholderType)}{(r.Country is { } c ? ", " + c : "")})";

    private static string? Late(ContributionState c) => c.Late ? "Late: received " + Day(c.ReceivedAt) : null;

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The line under the title: what this is, how many, the deadline.</summary>
    public static string Line(Questionnaire q, SummaryGrouping by) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Summary of contributions by {Name(by)} · {q.Respondents.Count:N0} respondents, {q.Contributions.Count:N0} contributions") +
        (q.Deadline is { } deadline ? $" · deadline {Day(deadline)}" : "");

    /// <summary>A Markdown text's paragraphs (separated by blank lines), each to be one paragraph of the export.</summary>
    public static IEnumerable<string> Paragraphs(string markdown) =>
        BlankLine().Split(markdown).Where(p => p.Trim().Length > 0);

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    public static string FileName(Questionnaire q, SummaryGrouping by, string extension) =>
        $"{Documents.Exporting.ExportApi.Slug(q.Title)}_contributions-by-{Name(by)}.{extension}";
}
