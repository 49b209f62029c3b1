using System.Text;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Questionnaires.Importing;

/// <summary>One record of a CSV file and the line it starts on (a quoted field may hold line breaks, so records and lines differ).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 CSV: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold commas,
/// line breaks and doubled quotes. A UTF-8 byte order mark is skipped, and so are empty lines. A quote inside an
/// unquoted field, text after a closing quote and a quote never closed are refused with the line they are on:
/// a spreadsheet never writes them, so the file is not what it seems. Pure.
/// </summary>
public static class CsvReader
{
    public static (IReadOnlyList<CsvRecord> Records, Refusal? Refusal) Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, recordLine, i) = (1, 1, text.StartsWith('\uFEFF') ? 1 : 0);
        while (i <= text.Length)
        {
            // At the start of a field.
            if (i < text.Length && text[i] == '"')
            {
                var opened = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        return Refused(opened, $"the quoted field {fields.Count + 1} opened on this line is never closed");
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n')))
                        line++;
                    field.Append(c);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    return Refused(line, $"field {fields.Count + 1} has text after its closing quote; a quote inside a quoted field is doubled (\"\")");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                        return Refused(line, $"field {fields.Count + 1} has a quote but does not start with one; quote the whole field and double the quote inside it");
                    field.Append(text[i]);
                    i++;
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }
            // The end of a record: a line end or the end of the text.
            if (fields.Count > 1 || fields[0].Length > 0)
                records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
            if (i >= text.Length)
                break;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            recordLine = line;
            if (i == text.Length)
                break;
        }
        return (records, null);
    }

    private static (IReadOnlyList<CsvRecord>, Refusal) Refused(int line, string message) => ([], Refusal.Invalid($"line {line}: {message}"));
}
