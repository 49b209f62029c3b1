using System.Globalization;
using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Comparing;

/// <summary>
/// "Rev.2 compared with Rev.1" as delegations read it between meetings: a standalone, printable page
/// in the UN style (insertions underlined in bold, deletions struck through, statuses in the margin).
/// Pure: the page depends only on its arguments. The diff's HTML is already encoded and marked; every
/// other piece of user text is encoded here. Inline CSS only, so the page loads nothing else.
/// </summary>
public static class ComparePage
{
    private const string Css = """
        body{font-family:"Times New Roman",Times,serif;font-size:12pt;line-height:1.45;color:#000;background:#fff;max-width:54em;margin:2em auto;padding:0 1.5em}
        .compared{font-size:13pt;margin:0 0 .6em}
        .legend,.summary{font-family:Arial,Helvetica,sans-serif;font-size:9pt;color:#333;margin:.2em 0}
        .paragraph{display:grid;grid-template-columns:4em minmax(0,1fr) 12em;column-gap:1em;margin:0 0 .9em;break-inside:avoid;page-break-inside:avoid}
        .margin{font-family:Arial,Helvetica,sans-serif;font-size:8.5pt;color:#333;border-left:1px solid #999;padding-left:.6em}
        .margin span{display:block}
        .kind-heading .text{font-weight:bold}
        .kind-preambular .text{font-style:italic}
        .deleted .number{text-decoration:line-through}
        .deleted .text,.deleted .number{color:#444}
        .moved .margin .note{font-weight:bold}
        ins{text-decoration:underline;font-weight:bold}
        del{text-decoration:line-through}
        del+ins{margin-left:.25em}
        @media print{body{margin:0;max-width:none;padding:0;font-size:11pt}.paragraph{grid-template-columns:3em minmax(0,1fr) 10em}}
        """;

    public static string Render(DiffView diff, DocumentState from, DocumentState to)
    {
        var compared = $"{End(diff.To, to)} compared with {End(diff.From, from)}";
        var html = PrintablePage.Open(new StringBuilder(4096 + (diff.Paragraphs.Count * 256)), Css, null, to.Symbol, to.Title, compared, "compared", compared)
            .Append("<p class=\"legend\">Insertions are <ins>underlined in bold</ins>; deletions are <del>struck through</del>.</p>\n")
            .Append("<p class=\"summary\">").Append(PrintablePage.Encode(Summary(diff.Summary))).Append("</p>\n</header>\n<main>\n");
        foreach (var paragraph in diff.Paragraphs)
            Paragraph(html, paragraph, (to.Find(paragraph.ParagraphId) ?? from.Find(paragraph.ParagraphId))?.Kind ?? ParagraphKind.Text);
        return PrintablePage.Close(html);
    }

    /// <summary>"Rev.2" for a revision, else "version 7 (10 March 2025, 09:07 UTC)".</summary>
    public static string End(DiffPoint point, DocumentState state) =>
        point.Label ?? string.Create(CultureInfo.InvariantCulture, $"version {point.Version} ({state.LastEventAt.UtcDateTime:d MMMM yyyy, HH:mm} UTC)");

    public static string Status(ParagraphStatus status) => status switch
    {
        ParagraphStatus.Draft => "draft",
        ParagraphStatus.AgreedAdRef => "agreed ad ref.",
        ParagraphStatus.Agreed => "agreed",
        _ => "unknown status",
    };

    private static void Paragraph(StringBuilder html, ParagraphDiff p, ParagraphKind kind)
    {
        var classes = string.Join(' ', new[] { "paragraph", "kind-" + ProtocolJson.Name(kind) }.Concat(p.Changes.Select(ProtocolJson.Name)));
        var number = p.ToNumber ?? p.FromNumber;
        html.Append("<div class=\"").Append(classes).Append("\" data-paragraph-id=\"").Append(p.ParagraphId)
            .Append("\" data-change=\"").Append(ProtocolJson.Name(p.Change)).Append("\">\n")
            .Append("<div class=\"number\">").Append(number is null ? "" : PrintablePage.Encode(number + ".")).Append("</div>\n")
            .Append("<div class=\"text\">").Append(p.Html).Append("</div>\n")
            .Append("<div class=\"margin\">");
        foreach (var (css, text) in Margin(p))
            html.Append("<span class=\"").Append(css).Append("\">").Append(PrintablePage.Encode(text)).Append("</span>");
        html.Append("</div>\n</div>\n");
    }

    private static IEnumerable<(string Class, string Text)> Margin(ParagraphDiff p)
    {
        yield return ("status", p switch
        {
            { FromStatus: { } a, ToStatus: { } b } when a != b => $"{Status(a)} → {Status(b)}",
            { ToStatus: { } b } => Status(b),
            { FromStatus: { } a } => Status(a),
            _ => "",
        });
        if (p.Changes.Contains(ChangeKind.Inserted))
            yield return ("note", "inserted");
        if (p.Changes.Contains(ChangeKind.Deleted))
            yield return ("note", "deleted");
        if (p.Changes.Contains(ChangeKind.Moved))
            yield return ("note", p.FromNumber is null ? "moved" : $"moved from {p.FromNumber}");
        else if (p.Changes.Contains(ChangeKind.Renumbered) && p.FromNumber is not null)
            yield return ("note", $"formerly {p.FromNumber}");
        if (p.Changes.Contains(ChangeKind.Edited))
            yield return ("note", "amended");
    }

    private static string Summary(DiffSummary s)
    {
        var parts = new List<string>();
        void Add(int count, string what)
        {
            if (count > 0)
                parts.Add($"{count} {what}");
        }
        Add(s.Inserted, "inserted");
        Add(s.Deleted, "deleted");
        Add(s.Moved, "moved");
        Add(s.Edited, "amended");
        Add(s.StatusChanged, "with a new status");
        Add(s.BracketsOpened, "bracket(s) opened");
        Add(s.BracketsClosed, "bracket(s) closed");
        Add(s.ProposalsDecided, "proposal(s) decided");
        var changes = parts.Count == 0 ? "No changes" : "Paragraphs: " + string.Join(", ", parts);
        return $"{changes}. Open brackets: {s.OpenBracketsFrom} → {s.OpenBracketsTo}.";
    }
}
