using System.Globalization;
using Microsoft.Extensions.Primitives;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// Which rows of a table to list and in what order (<c>GET /documents/{id}/rows</c>): <c>issue=</c>, <c>category=</c>,
/// <c>grouping=</c>, <c>activities=</c>, <c>status=</c> each keep the rows whose field contains the value (ignoring
/// case, the same in every culture), <c>q=</c> the rows with any field that does, all of them together (AND);
/// <c>sort=</c> keys <c>number|issue|category|grouping|activities|status</c>, <c>-</c> before one for descending, several
/// separated by commas; rows that compare equal keep document order. <c>version</c>, <c>revision</c>, <c>at</c> select
/// the point read. An unknown parameter or key is <c>invalid</c>: a misspelt filter would otherwise list every row. Pure.
/// </summary>
public sealed record RowQuery(
    IReadOnlyList<(int Field, string Value)> Filters, string? Any, IReadOnlyList<(int Key, bool Descending)> Sort,
    string? Version = null, string? Revision = null, string? At = null)
{
    /// <summary>The sort key for document order: the display number.</summary>
    public const int NumberKey = -1;

    private const string AnyName = "q";
    private const string SortName = "sort";
    private static readonly string[] Selectors = ["version", "revision", "at"];
    private static readonly StringComparer Order = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public static readonly RowQuery All = new([], null, []);

    /// <summary>The parameters a call may carry, for messages.</summary>
    public static string Parameters => string.Join(", ", [.. RowText.Names, AnyName, SortName, .. Selectors]);

    public static RowQuery Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var (filters, sort) = (new List<(int, string)>(), new List<(int, bool)>());
        string? any = null;
        var selectors = new string?[Selectors.Length];
        foreach (var (name, values) in query)
        {
            if (values.Count > 1)
                throw Invalid($"{Clip(name)} is given {values.Count} times; give it once");
            var value = values.Count == 1 ? values[0] ?? "" : "";
            var field = Array.FindIndex(RowText.Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            var selector = Array.FindIndex(Selectors, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field >= 0)
            {
                if (Needle(value, name) is { } needle)
                    filters.Add((field, needle));
            }
            else if (name.Equals(AnyName, StringComparison.OrdinalIgnoreCase))
            {
                any = Needle(value, name);
            }
            else if (name.Equals(SortName, StringComparison.OrdinalIgnoreCase))
            {
                sort.AddRange(Keys(value));
            }
            else if (selector >= 0)
            {
                selectors[selector] = value;
            }
            else
            {
                throw Invalid($"'{Clip(name)}' is not a parameter of this call; they are {Parameters}");
            }
        }
        return new RowQuery(filters, any, sort, selectors[0], selectors[1], selectors[2]);
    }

    /// <summary>The table's rows (the document's paragraphs of kind row) that pass the filters, in the asked order.</summary>
    public IReadOnlyList<RowView> Apply(DocumentView document)
    {
        var rows = document.Paragraphs
            .Where(p => p.Kind == ParagraphKind.Row)
            .Select((p, index) => (Row: p, Index: index, Values: RowText.Values(p.Fields ?? new RowFields())))
            .Where(r => Filters.All(f => Contains(r.Values[f.Field], f.Value)))
            .Where(r => Any is null || r.Values.Any(v => Contains(v, Any)))
            .ToList();
        rows.Sort((a, b) =>
        {
            foreach (var (key, descending) in Sort)
            {
                var order = key == NumberKey ? a.Index.CompareTo(b.Index) : Order.Compare(a.Values[key], b.Values[key]);
                if (order != 0)
                    return descending ? -order : order;
            }
            return a.Index.CompareTo(b.Index);
        });
        return [.. rows.Select(r => View(r.Row))];
    }

    public static RowView View(ParagraphView row) =>
        new(row.Id, row.Number, row.Fields ?? new RowFields(), row.Sources ?? [], row.MergedFrom ?? [], row.Status, row.Revision, row.CitedBy);

    private static bool Contains(string field, string value) => Compare.IndexOf(field, value, CompareOptions.IgnoreCase) >= 0;

    /// <summary>A filter's value as the fields are stored (§5: NFC, trimmed); an empty one filters nothing.</summary>
    private static string? Needle(string value, string name)
    {
        var check = TextRules.NormalizeLine(value, RowText.MaxFieldLength, name, required: false);
        if (check.Refusal is { } refused)
            throw new RefusedException(refused);
        return check.Text.Length == 0 ? null : check.Text;
    }

    private static IEnumerable<(int Key, bool Descending)> Keys(string value)
    {
        if (value.Length == 0)
            yield break;
        foreach (var part in value.Split(','))
        {
            var descending = part.StartsWith('-');
            var name = descending ? part[1..] : part;
            var key = name.Equals("number", StringComparison.OrdinalIgnoreCase)
                ? NumberKey
                : Array.FindIndex(RowText.Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is var field and >= 0
                    ? field
                    : throw Invalid($"sort key '{Clip(part)}' is not one of number, {string.Join(", ", RowText.Names)} (with '-' before it for descending)");
            yield return (key, descending);
        }
    }

    private static string Clip(string text) =>
        text.Length <= 40 ? text : text[..(char.IsHighSurrogate(text[39]) ? 39 : 40)] + "…";

    private static RefusedException Invalid(string message) => new(Refusal.Invalid(message));
}
