using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// A Word table of plain-text cells: single borders, a fixed layout, a header row Word repeats on every page
/// (<c>w:tblHeader</c>), rows that do not break across pages; numbers right-aligned, a total row set like the header.
/// </summary>
internal static class DocxTable
{
    /// <summary>A table annex's columns in twips; together the A4 text width of <see cref="DocxPackage"/> (11,906 − 2 × 1,418).</summary>
    private static readonly int[] RowWidths = [680, 2000, 1500, 1300, 2290, 1300];

    /// <summary>Consecutive rows of a table annex as one table, under the header No | Issue | … | Status.</summary>
    public static Table Rows(DocxContext context, IReadOnlyList<ParagraphView> rows) =>
        Build(context, RowWidths, RowColumns.Header, rows.Select(RowColumns.Cells), numberColumns: [0]);

    /// <param name="widths">Each column's width in twips.</param>
    /// <param name="numberColumns">The columns of numbers (right-aligned).</param>
    /// <param name="total">A last row set like the header (a total), if any.</param>
    public static Table Build(
        DocxContext context, IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyCollection<int> numberColumns, IReadOnlyList<string>? total = null)
    {
        static T Single<T>(T border)
            where T : BorderType
        {
            (border.Val, border.Size, border.Space, border.Color) = (BorderValues.Single, 4U, 0U, "000000");
            return border;
        }

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    Single(new TopBorder()), Single(new LeftBorder()), Single(new BottomBorder()), Single(new RightBorder()),
                    Single(new InsideHorizontalBorder()), Single(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(context, widths, header, numberColumns, header: true));
        foreach (var row in rows)
            table.Append(Row(context, widths, row, numberColumns, header: false));
        if (total is not null)
            table.Append(Row(context, widths, total, numberColumns, header: false, bold: true));
        return table;
    }

    private static TableRow Row(
        DocxContext context, IReadOnlyList<int> widths, IReadOnlyList<string> cells, IReadOnlyCollection<int> numberColumns, bool header, bool bold = false)
    {
        var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var style = header ? DocxStyles.TableHeading : numberColumns.Contains(i) ? DocxStyles.TableNumber : DocxStyles.TableText;
            IEnumerable<MarkedPiece> text = cells[i].Length == 0 ? [] : [new MarkedPiece(TextPiece.Added(cells[i], new TextStyle(Bold: bold)), null)];
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                DocxParagraphs.Build(context, style, null, text)));
        }
        return row;
    }
}
