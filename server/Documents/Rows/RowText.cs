using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// The rules of a mapping-table row's fields, and the paragraph text a row is given so that
/// everything made for text (diffs, history, bracket counts, search) works on rows too.
/// </summary>
public static class RowText
{
    public const int MaxFieldLength = 4_000;

    /// <summary>The most contributions one row can hold as its sources.</summary>
    public const int MaxSources = 2_000;

    public static readonly string[] Names = ["issue", "category", "grouping", "activities", "status"];

    /// <summary>A row's fields in column order.</summary>
    public static string[] Values(RowFields fields) =>
        [fields.Issue ?? "", fields.Category ?? "", fields.Grouping ?? "", fields.Activities ?? "", fields.Status ?? ""];

    public static RowFields FromValues(IReadOnlyList<string> values) => new(values[0], values[1], values[2], values[3], values[4]);

    /// <summary>The row as one line of text: its fields, a pipe between them (a pipe inside a field is escaped).</summary>
    public static string Of(RowFields fields) =>
        string.Join(" | ", Values(fields).Select(v => v.Replace("|", "\\|", StringComparison.Ordinal)));

    /// <summary>How a citation names a row: its issue.</summary>
    public static string Label(RowFields fields) => fields.Issue ?? "";

    /// <summary>
    /// The fields to store: each given field normalised as one line (§5), each left out taken from
    /// <paramref name="keep"/> (or empty). The issue may not end up empty.
    /// </summary>
    public static (RowFields Fields, Refusal? Refusal) Normalize(RowFields? given, RowFields? keep)
    {
        if (given is null)
            return (new RowFields(), Refusal.Invalid("fields are missing: { issue, category, grouping, activities, status }"));
        var values = Values(keep ?? new RowFields());
        var asked = new[] { given.Issue, given.Category, given.Grouping, given.Activities, given.Status };
        for (var i = 0; i < values.Length; i++)
        {
            if (asked[i] is not { } value)
                continue;
            var check = TextRules.NormalizeLine(value, MaxFieldLength, $"field {Names[i]}", required: false);
            if (check.Refusal is { } bad)
                return (new RowFields(), bad);
            values[i] = check.Text;
        }
        return values[0].Length == 0
            ? (new RowFields(), Refusal.Invalid("a row's issue may not be empty"))
            : (FromValues(values), null);
    }

    /// <summary>Contributions named as sources: no empty id, none twice, not too many.</summary>
    public static Refusal? CheckSources(IReadOnlyList<Guid>? sources) => sources switch
    {
        null => null,
        { Count: > MaxSources } => Refusal.TooLarge($"a row holds at most {MaxSources:N0} sources"),
        _ when sources.Contains(Guid.Empty) => Refusal.Invalid("a source is a contribution id, not the empty id"),
        _ when sources.Distinct().Count() != sources.Count => Refusal.Invalid("a source is named twice"),
        _ => null,
    };
}
