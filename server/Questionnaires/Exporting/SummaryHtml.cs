using System.Globalization;
using System.Text;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Questionnaires.Exporting;

/// <summary>
/// The annex as a standalone printable page in the shell of the document export (<see cref="PrintablePage"/>): the
/// distribution of respondents as a table, then the contributions under their headings. Contribution and question
/// texts are the paragraphs' sanitised rendering; every other piece of user text is encoded here. No script, inline CSS only.
/// </summary>
public static class SummaryHtml
{
    private const string Css = Documents.Exporting.HtmlExport.PageCss + "\n" + """
        h2{font-size:14pt;margin:1.4em 0 .5em;break-after:avoid;page-break-after:avoid}
        h3{font-size:12pt;margin:1.1em 0 .4em;break-after:avoid;page-break-after:avoid}
        table{border-collapse:collapse;margin:0 0 1em}
        th,td{border:1px solid #666;padding:.2em .6em;text-align:left}
        td.count,tfoot td{text-align:right}
        .question-text{font-style:italic;margin:0 0 .6em}
        .contribution{margin:0 0 .9em;break-inside:avoid;page-break-inside:avoid}
        .who{font-weight:bold;margin:0 0 .2em}
        .late{font-family:Arial,Helvetica,sans-serif;font-size:8.5pt;font-weight:bold;color:#a4161a;margin-left:.6em}
        .text p,.text ul,.text ol,.text blockquote,.question-text p{margin:0 0 .4em}
        .bracket{background:#fff1c2}
        """;

    public static string Write(Questionnaire q, SummaryGrouping by, MarkdownRenderer renderer)
    {
        var html = PrintablePage.Open(new StringBuilder(8192 + (q.Contributions.Count * 1024)), Css, null, null, q.Title,
                "Summary of contributions", "point", SummaryLayout.Line(q, by))
            .Append("<p class=\"legend\">Contributions received after the deadline are marked late.</p>\n</header>\n<main>\n");
        Distribution(html, q);
        foreach (var section in SummaryLayout.Sections(q, by))
        {
            html.Append("<section>\n<h2>").Append(PrintablePage.Encode(section.Heading)).Append("</h2>\n");
            foreach (var item in section.Items)
            {
                html.Append("<section>\n<h3>").Append(PrintablePage.Encode(item.Heading)).Append("</h3>\n");
                if (item.Intro is { } intro)
                    html.Append("<div class=\"question-text\">").Append(renderer.ToHtml(intro)).Append("</div>\n");
                foreach (var entry in item.Entries)
                {
                    html.Append(entry.Late is null ? "<div class=\"contribution\">\n" : "<div class=\"contribution is-late\">\n")
                        .Append("<p class=\"who\">").Append(PrintablePage.Encode(entry.Heading));
                    if (entry.Late is { } late)
                        html.Append("<span class=\"late\">").Append(PrintablePage.Encode(late)).Append("</span>");
                    html.Append("</p>\n<div class=\"text\">").Append(renderer.ToHtml(entry.Text)).Append("</div>\n</div>\n");
                }
                html.Append("</section>\n");
            }
            html.Append("</section>\n");
        }
        return PrintablePage.Close(html);
    }

    private static void Distribution(StringBuilder html, Questionnaire q)
    {
        html.Append("<section>\n<h2>Respondents by stakeholder type</h2>\n<table class=\"distribution\">\n")
            .Append("<thead><tr><th scope=\"col\">Stakeholder type</th><th scope=\"col\">Respondents</th></tr></thead>\n<tbody>\n");
        foreach (var line in Reading.QuestionnaireViews.Distribution(q))
        {
            html.Append("<tr><td>").Append(PrintablePage.Encode(StakeholderTypes.Title(line.StakeholderType)))
                .Append("</td><td class=\"count\">").Append(line.Respondents.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n<tfoot><tr><th scope=\"row\">Total</th><td>").Append(q.Respondents.Count.ToString(CultureInfo.InvariantCulture))
            .Append("</td></tr></tfoot>\n</table>\n</section>\n");
    }
}
