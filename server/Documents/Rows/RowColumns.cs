using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// The columns of the mapping table as people read it (the working group's annex): the display number, then the
/// five fields in <see cref="RowText.Names"/> order. Every table the server writes (CSV, HTML, DOCX, Markdown) has these headings.
/// </summary>
public static class RowColumns
{
    public const string Number = "No";
    public const string Sources = "Sources";

    /// <summary>The heading of each field, in <see cref="RowText.Values"/> order.</summary>
    public static readonly string[] Fields = ["Issue", "Category", "Grouping", "Activities and approaches", "Status"];

    /// <summary>The table's header row: No, then the fields.</summary>
    public static readonly string[] Header = [Number, .. Fields];

    /// <summary>A row's cells under <see cref="Header"/>: its display number, then its fields.</summary>
    public static string[] Cells(ParagraphView row) => [row.Number ?? "", .. RowText.Values(row.Fields ?? new RowFields())];
}
