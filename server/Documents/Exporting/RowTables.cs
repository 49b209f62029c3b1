using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>A stretch of an export: one paragraph as it is, or consecutive table rows written as one table.</summary>
internal sealed record ExportBlock(ParagraphView? Paragraph, IReadOnlyList<ParagraphView>? Rows);

/// <summary>Splits the paragraphs of an export into blocks: each run of consecutive rows is one table, the rest stay paragraphs.</summary>
internal static class RowTables
{
    public static IEnumerable<ExportBlock> Blocks(IReadOnlyList<ParagraphView> paragraphs)
    {
        List<ParagraphView>? rows = null;
        foreach (var p in paragraphs)
        {
            if (p.Kind == ParagraphKind.Row)
            {
                (rows ??= []).Add(p);
                continue;
            }
            if (rows is not null)
                yield return new ExportBlock(null, rows);
            rows = null;
            yield return new ExportBlock(p, null);
        }
        if (rows is not null)
            yield return new ExportBlock(null, rows);
    }
}
