using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// Consecutive rows of a table annex as one pipe table (GitHub Flavored Markdown): the header No | Issue | Category |
/// Grouping | Activities and approaches | Status, a delimiter row, then one line per row. A pipe inside a cell is
/// escaped (<c>\|</c>); a field is one line already (§5), so a cell never breaks the table. Pure.
/// </summary>
public static class MarkdownTable
{
    public static string Write(IReadOnlyList<ParagraphView> rows)
    {
        var lines = new List<string>(rows.Count + 2)
        {
            Line(RowColumns.Header),
            Line(RowColumns.Header.Select((_, i) => i == 0 ? "---:" : "---")),
        };
        lines.AddRange(rows.Select(row => Line(RowColumns.Cells(row))));
        return string.Join('\n', lines);
    }

    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";
}
