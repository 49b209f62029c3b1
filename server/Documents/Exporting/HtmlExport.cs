using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Comparing;
using WGEC.Drafting.Documents.Rows;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The text as a standalone printable page in the UN style of <see cref="ComparePage"/>: symbol, title, revision
/// and date, then the paragraphs with their numbers, brackets highlighted as in the web client and, with
/// <c>statuses=true</c>, each paragraph's status in the margin; the rows of a table annex as tables. Paragraph bodies are the server's sanitised
/// <c>Html</c>; every other piece of user text is encoded here. Inline CSS only and no script, so the page loads
/// nothing else and runs nothing. Pure.
/// </summary>
public static class HtmlExport
{
    /// <summary>The page itself, its line under the title and its legend: shared with the other exported annexes.</summary>
    public const string PageCss = """
        body{font-family:"Times New Roman",Times,serif;font-size:12pt;line-height:1.45;color:#000;background:#fff;max-width:50em;margin:2em auto;padding:0 1.5em}
        .point{font-size:13pt;margin:0 0 .4em}
        .legend{font-family:Arial,Helvetica,sans-serif;font-size:9pt;color:#333;margin:.2em 0}
        """;

    private const string Css = PageCss + "\n" + """
        .paragraph{display:grid;grid-template-columns:4em minmax(0,1fr);column-gap:1em;margin:0 0 .9em;break-inside:avoid;page-break-inside:avoid}
        .with-statuses .paragraph{grid-template-columns:4em minmax(0,1fr) 8em}
        .text p,.text ul,.text ol,.text blockquote,.text pre{margin:0 0 .4em}
        .text h1,.text h2,.text h3,.text h4,.text h5,.text h6{font-size:12pt;margin:.6em 0 0}
        .kind-heading{break-after:avoid;page-break-after:avoid}
        .status{font-family:Arial,Helvetica,sans-serif;font-size:8.5pt;color:#333;border-left:1px solid #999;padding-left:.6em}
        .status-agreed .status{color:#1b5e20;font-weight:bold}
        .status-agreed-ad-ref .status{color:#5c4300;font-weight:bold}
        .bracket{background:#fff1c2;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .bracket .bracket{background:#ffe08a}
        .bracket .bracket .bracket{background:#ffc94d}
        .bracket-unmatched{outline:2px dashed #a4161a}
        table.rows{border-collapse:collapse;width:100%;margin:0 0 .9em;font-size:10.5pt;line-height:1.3}
        table.rows th,table.rows td{border:1px solid #000;padding:.25em .4em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
        table.rows th{font-family:Arial,Helvetica,sans-serif;font-size:9pt;background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        table.rows .number{text-align:right;width:3em}
        table.rows thead{display:table-header-group}
        table.rows tr{break-inside:avoid;page-break-inside:avoid}
        @media print{body{margin:0;max-width:none;padding:0;font-size:11pt}.paragraph{grid-template-columns:3em minmax(0,1fr)}.with-statuses .paragraph{grid-template-columns:3em minmax(0,1fr) 7em}}
        """;

    public static string Write(ExportInput input)
    {
        var document = input.Document;
        var line = ExportPoint.Label(input) + " · " + ExportPoint.Date(input);
        var html = PrintablePage.Open(new StringBuilder(4096 + (input.Paragraphs.Count * 512)), Css,
                input.Statuses ? "with-statuses" : null, document.Symbol, document.Title, ExportPoint.Label(input), "point", line)
            .Append("<p class=\"legend\">Text in square brackets is not agreed.")
            .Append(input.Statuses ? " Each paragraph's status is in the margin." : "").Append("</p>\n</header>\n<main>\n");
        foreach (var block in RowTables.Blocks(input.Paragraphs))
        {
            if (block.Rows is { } rows)
                Table(html, rows);
            else
                Paragraph(html, block.Paragraph!, input.Statuses);
        }
        return PrintablePage.Close(html);
    }

    /// <summary>
    /// Consecutive rows of a table annex as one table, its header repeated on each printed page. A field is plain
    /// text, encoded here (the row's <c>Html</c> is its fields joined by pipes, not a table's cells).
    /// </summary>
    private static void Table(StringBuilder html, IReadOnlyList<ParagraphView> rows)
    {
        html.Append("<table class=\"rows\">\n<thead>\n<tr>");
        foreach (var (title, i) in RowColumns.Header.Select((t, i) => (t, i)))
            html.Append(i == 0 ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">").Append(PrintablePage.Encode(title)).Append("</th>");
        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr class=\"status-").Append(ProtocolJson.Name(row.Status)).Append("\" id=\"").Append(AknNames.EId(row)).Append("\">");
            foreach (var (cell, i) in RowColumns.Cells(row).Select((c, i) => (c, i)))
                html.Append(i == 0 ? "<td class=\"number\">" : "<td>").Append(PrintablePage.Encode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Paragraph(StringBuilder html, ParagraphView p, bool statuses)
    {
        // Class names come from the protocol's closed spelling of our own enums, never from user text.
        html.Append("<div class=\"paragraph kind-").Append(ProtocolJson.Name(p.Kind))
            .Append(" status-").Append(ProtocolJson.Name(p.Status))
            .Append("\" id=\"").Append(AknNames.EId(p)).Append("\">\n")
            .Append("<div class=\"number\">").Append(p.Number is { Length: > 0 } n ? PrintablePage.Encode(n + ".") : "").Append("</div>\n")
            .Append("<div class=\"text\">").Append(p.Html).Append("</div>\n");
        if (statuses)
            html.Append("<div class=\"status\">").Append(PrintablePage.Encode(ComparePage.Status(p.Status))).Append("</div>\n");
        html.Append("</div>\n");
    }
}
