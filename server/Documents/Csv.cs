using System.Globalization;
using System.Text;

namespace WGEC.Drafting.Documents;

/// <summary>One record of a CSV file: the line it starts on (1 = the first line) and its fields, unquoted.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>A line with nothing but spaces on it (no comma, no quotes).</summary>
    public bool IsBlank { get; init; }
}

/// <summary>
/// RFC 4180: records end at CRLF, LF or CR; a field is quoted when it holds a comma, a quote or a line end, and a
/// quote inside quotes is doubled. Strict where the RFC is (a quote inside an unquoted field, text after a closing
/// quote and an unclosed quote are <c>invalid</c>, naming the line), so a file that is not what it seems is refused,
/// not read wrong. Pure. The one CSV reader and writer of the server: mapping tables and questionnaire contributions.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    public static (IReadOnlyList<CsvRecord> Records, Refusal? Refusal) Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, i) = (1, 1, text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);
        // any: the record has begun (a field, a comma or a quote seen); quotes: a field of it was quoted.
        var (quoted, any, quotes) = (false, false, false);
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        return Bad(line, "text after a closing quote; a quote inside a quoted field is written twice (\"\")");
                    continue;
                }
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    (quoted, any, quotes) = (true, true, true);
                    break;
                case '"':
                    return Bad(line, "a quote inside a field that does not start with one; quote the whole field and write the quote twice (\"\")");
                case ',':
                    fields.Add(field.ToString());
                    (field.Length, any) = (0, true);
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    records.Add(Record(start, fields, quotes));
                    (field.Length, any, quotes) = (0, false, false);
                    fields.Clear();
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    start = ++line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
            i++;
        }
        if (quoted)
            return Bad(start, "a quoted field is not closed before the end of the file");
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(Record(start, fields, quotes));
        }
        return (records, null);
    }

    /// <summary>One record as a line (without its line end): each field quoted only when it must be.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static CsvRecord Record(int line, List<string> fields, bool quotes) =>
        new(line, [.. fields]) { IsBlank = !quotes && fields is [var only] && string.IsNullOrWhiteSpace(only) };

    private static (IReadOnlyList<CsvRecord>, Refusal?) Bad(int line, string message) =>
        ([], Refusal.Invalid(string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}")));
}
