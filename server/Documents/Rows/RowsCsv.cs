using System.Globalization;
using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>A row read from a CSV file, with the line it starts on; its fields are not yet normalised (<see cref="ImportRows"/> does that).</summary>
public sealed record ImportedRow(int Line, RowFields Fields, IReadOnlyList<Guid>? Sources);

/// <summary>
/// The mapping table as CSV (the form of the working group's sample, <c>mapping.csv</c>). Reading: a header naming
/// the columns (any order, any case; <c>Issue</c> required, <c>No</c> read and ignored since numbers are the
/// server's, <c>Sources</c> optional: contribution ids separated by <c>;</c>), then one record per row; blank lines
/// are skipped. Writing: the header No, Issue, Category, Grouping, Activities and approaches, Status, and Sources
/// when a row has any. Pure.
/// </summary>
public static class RowsCsv
{
    private const int NumberColumn = -1;
    private const int SourcesColumn = -2;

    /// <summary>Header names and the field index each stands for (or No, or Sources).</summary>
    private static readonly Dictionary<string, int> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        [RowColumns.Number] = NumberColumn,
        [RowColumns.Sources] = SourcesColumn,
        ["activities"] = 3,
        [RowColumns.Fields[0]] = 0,
        [RowColumns.Fields[1]] = 1,
        [RowColumns.Fields[2]] = 2,
        [RowColumns.Fields[3]] = 3,
        [RowColumns.Fields[4]] = 4,
    };

    public static (IReadOnlyList<ImportedRow> Rows, Refusal? Refusal) Read(string text)
    {
        var (records, refusal) = Csv.Read(text);
        if (refusal is not null)
            return ([], refusal);
        var lines = records.Where(r => !r.IsBlank).ToList();
        if (lines.Count == 0)
            return ([], Refusal.Invalid($"the file is empty: it starts with a header line such as {Csv.Line(RowColumns.Header)}"));
        var (header, headerRefusal) = Header(lines[0]);
        if (headerRefusal is not null)
            return ([], headerRefusal);
        var rows = new List<ImportedRow>(lines.Count - 1);
        foreach (var record in lines.Skip(1))
        {
            if (record.Fields.Count != header.Length)
                return ([], At(record.Line, $"{record.Fields.Count} fields, but the header has {header.Length} columns"));
            var values = new string?[RowText.Names.Length];
            IReadOnlyList<Guid>? sources = null;
            for (var i = 0; i < header.Length; i++)
            {
                var value = record.Fields[i];
                if (header[i] >= 0 && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
                    return ([], At(record.Line, $"field {RowText.Names[header[i]]}: a line break inside quotes; a row's fields are one line each"));
                if (header[i] >= 0)
                {
                    values[header[i]] = value;
                }
                else if (header[i] == SourcesColumn)
                {
                    var (ids, bad) = Sources(value);
                    if (bad is not null)
                        return ([], At(record.Line, $"field sources: {bad}"));
                    sources = ids;
                }
            }
            rows.Add(new ImportedRow(record.Line, new RowFields(values[0], values[1], values[2], values[3], values[4]), sources));
        }
        return (rows, null);
    }

    /// <summary>The table as CSV: a header line, then one line per row (CRLF line ends, RFC 4180 quoting).</summary>
    public static string Write(IReadOnlyList<ParagraphView> rows)
    {
        var withSources = rows.Any(r => r.Sources is { Count: > 0 });
        var csv = new StringBuilder();
        csv.Append(Csv.Line(withSources ? [.. RowColumns.Header, RowColumns.Sources] : RowColumns.Header)).Append("\r\n");
        foreach (var row in rows)
        {
            var cells = RowColumns.Cells(row);
            csv.Append(Csv.Line(withSources ? [.. cells, string.Join(';', row.Sources ?? [])] : cells)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>For each column of the header, the field it fills (see <see cref="Columns"/>).</summary>
    private static (int[] Header, Refusal? Refusal) Header(CsvRecord record)
    {
        var header = new int[record.Fields.Count];
        for (var i = 0; i < header.Length; i++)
        {
            var name = record.Fields[i].Trim();
            if (!Columns.TryGetValue(name, out header[i]))
            {
                return ([], At(record.Line, $"column '{Clip(name)}' is not one of {string.Join(", ", RowColumns.Header)}, {RowColumns.Sources}"));
            }
            if (header.AsSpan(0, i).Contains(header[i]))
                return ([], At(record.Line, $"column '{Clip(name)}' is named twice"));
        }
        return header.Contains(0)
            ? (header, null)
            : ([], At(record.Line, $"the header has no {RowColumns.Fields[0]} column (the columns are {string.Join(", ", RowColumns.Header)}, and optionally {RowColumns.Sources})"));
    }

    /// <summary>Contribution ids separated by semicolons (spaces around them ignored); an empty cell is none.</summary>
    private static (IReadOnlyList<Guid>? Ids, string? Refusal) Sources(string cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
            return (null, null);
        var ids = new List<Guid>();
        foreach (var part in cell.Split(';'))
        {
            if (!Guid.TryParse(part.Trim(), CultureInfo.InvariantCulture, out var id))
                return (null, $"'{Clip(part.Trim())}' is not a contribution id (ids are separated by ';')");
            ids.Add(id);
        }
        return (ids, null);
    }

    private static Refusal At(int line, string message) =>
        Refusal.Invalid(string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}"));

    /// <summary>Echoes a bit of the input in a message, not all of it.</summary>
    private static string Clip(string text) =>
        text.Length <= 40 ? text : text[..(char.IsHighSurrogate(text[39]) ? 39 : 40)] + "…";
}
