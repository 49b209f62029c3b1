using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Questionnaires.Entering;

namespace WGEC.Drafting.Questionnaires.Importing;

/// <summary>One answer of an import, checked by the rules of each field. <c>Contribution</c> null: the row names its respondent and question only.</summary>
public sealed record ContributionRow(
    int Line, string Respondent, StakeholderType StakeholderType, string? Country, int Question, string Group, string QuestionText,
    string? Contribution, DateTimeOffset? Received);

/// <summary>
/// The records of an import file as answers: a header row names the columns (in any order and case), then one row
/// per answer. Every field is checked here, so a file with one bad row is refused before anything is decided, and the
/// refusal names the line and the column.
/// </summary>
public static class ContributionRows
{
    public const string Respondent = "Respondent";
    public const string StakeholderTypeColumn = "Stakeholder type";
    public const string Country = "Country";
    public const string Question = "Question";
    public const string Group = "Group";
    public const string QuestionText = "Question text";
    public const string Contribution = "Contribution";
    public const string Received = "Received";

    /// <summary>At most this many answers in one file (a 30 MB file of tiny rows would be millions of events in one transaction).</summary>
    public const int MaxRows = 50_000;

    private static readonly string[] Required = [Respondent, StakeholderTypeColumn, Question, Group, QuestionText, Contribution];
    private static readonly string[] All = [.. Required, Country, Received];

    public static (IReadOnlyList<ContributionRow> Rows, Refusal? Refusal) Parse(string csv)
    {
        var (read, refusal) = Csv.Read(csv);
        if (refusal is not null)
            return ([], refusal);
        var records = read.Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
            return ([], Refusal.Invalid("the file is empty: it needs a header row (" + string.Join(", ", All) + ") and one row per answer"));
        if (records.Count - 1 > MaxRows)
            return ([], Refusal.TooLarge($"the file has {records.Count - 1:N0} rows; an import takes at most {MaxRows:N0}"));
        var (columns, badHeader) = Header(records[0]);
        if (badHeader is not null)
            return ([], badHeader);
        var rows = new List<ContributionRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != records[0].Fields.Count)
                return ([], Refusal.Invalid($"line {record.Line} has {record.Fields.Count} fields; the header has {records[0].Fields.Count}"));
            var (row, bad) = Row(record, columns);
            if (bad is not null)
                return ([], bad);
            rows.Add(row!);
        }
        return (rows, null);
    }

    /// <summary>Each known column's index; names compared without case, spaces, hyphens or underscores.</summary>
    private static (Dictionary<string, int> Columns, Refusal? Refusal) Header(CsvRecord header)
    {
        var known = All.ToDictionary(Key, c => c, StringComparer.Ordinal);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            if (!known.TryGetValue(Key(name), out var column))
                return ([], Refusal.Invalid($"line {header.Line}: the column '{Clip(name)}' is not one of {string.Join(", ", All)}"));
            if (!columns.TryAdd(column, i))
                return ([], Refusal.Invalid($"line {header.Line}: the column '{column}' is there twice"));
        }
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? ([], Refusal.Invalid($"line {header.Line}: the header has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}"))
            : (columns, null);
    }

    private static string Key(string name) =>
        string.Concat(name.Trim().TrimStart('\uFEFF').Where(c => c is not (' ' or '-' or '_'))).ToLowerInvariant();

    private static (ContributionRow?, Refusal?) Row(CsvRecord record, Dictionary<string, int> columns)
    {
        string? Field(string column) => columns.TryGetValue(column, out var i) ? record.Fields[i] : null;
        Refusal At(string column, string message) => Refusal.Invalid($"line {record.Line}, column '{column}': {message}");
        Refusal Checked(string column, Refusal refusal) => refusal with { Message = $"line {record.Line}, column '{column}': {refusal.Message}" };

        var name = QuestionnaireRules.Name(Field(Respondent));
        if (name.Refusal is { } badName)
            return (null, Checked(Respondent, badName));
        var type = StakeholderTypes.Parse(Field(StakeholderTypeColumn));
        if (type == StakeholderType.Unknown)
            return (null, At(StakeholderTypeColumn, $"'{Clip(Field(StakeholderTypeColumn)!)}' is not one of " + string.Join(", ", StakeholderTypes.Known.Select(StakeholderTypes.Title))));
        var country = QuestionnaireRules.Country(Field(Country));
        if (country.Refusal is { } badCountry)
            return (null, Checked(Country, badCountry));
        var numberText = Field(Question)!.Trim();
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return (null, At(Question, $"'{Clip(numberText)}' is not a question number"));
        if (QuestionnaireRules.Number(number) is { } badNumber)
            return (null, Checked(Question, badNumber));
        var group = QuestionnaireRules.Group(Field(Group));
        if (group.Refusal is { } badGroup)
            return (null, Checked(Group, badGroup));
        var question = QuestionnaireRules.Text(Field(QuestionText), "question text");
        if (question.Refusal is { } badQuestion)
            return (null, Checked(QuestionText, badQuestion));
        var contribution = TextRules.Normalize(Field(Contribution), QuestionnaireRules.MaxTextLength, "contribution text", allowBlankLines: true);
        if (contribution.Refusal is { } badContribution)
            return (null, Checked(Contribution, badContribution));
        var (received, badReceived) = ReceivedAt(Field(Received));
        if (badReceived is not null)
            return (null, At(Received, badReceived));
        return (new ContributionRow(record.Line, name.Text, type, country.Text.Length == 0 ? null : country.Text, number, group.Text, question.Text,
            contribution.Text.Length == 0 ? null : contribution.Text, received), null);
    }

    /// <summary>A day (<c>2026-03-15</c>, its start in UTC) or an ISO time (UTC when it names no offset); empty: not given.</summary>
    private static (DateTimeOffset?, string?) ReceivedAt(string? field)
    {
        var text = field?.Trim() ?? "";
        if (text.Length == 0)
            return (null, null);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
        if (text.Length > 10 && text[10] == 'T' && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return (QuestionnaireRules.Received(time), null);
        return (null, $"'{Clip(text)}' is not a date (yyyy-mm-dd) or an ISO time");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
