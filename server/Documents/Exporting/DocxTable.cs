using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// Consecutive rows of a table annex as one Word table: single borders, a fixed layout over the A4 text width, a
/// header row Word repeats on every page (<c>w:tblHeader</c>), rows that do not break across pages, and each field
/// as plain text in a cell.
/// </summary>
internal static class DocxTable
{
    /// <summary>Column widths in twips; together the A4 text width of <see cref="DocxPackage"/> (11,906 − 2 × 1,418).</summary>
    private static readonly int[] Widths = [680, 2000, 1500, 1300, 2290, 1300];

    public static Table Build(DocxContext context, IReadOnlyList<ParagraphView> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(context, RowColumns.Header, header: true));
        foreach (var row in rows)
            table.Append(Row(context, RowColumns.Cells(row), header: false));
        return table;
    }

    private static TableRow Row(DocxContext context, string[] cells, bool header)
    {
        var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var style = header ? DocxStyles.TableHeading : i == 0 ? DocxStyles.TableNumber : DocxStyles.TableText;
            IEnumerable<MarkedPiece> text = cells[i].Length == 0 ? [] : [new MarkedPiece(TextPiece.Added(cells[i]), null)];
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = Widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                DocxParagraphs.Build(context, style, null, text)));
        }
        return row;
    }
}
