using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Questionnaires.Exporting;

/// <summary>
/// The annex as a Word file in the package and styles of the document export: the title, the distribution of
/// respondents as a real table, sections and items as Heading1 and Heading2, each contribution under a bold line
/// saying who (or which question), late ones marked; Markdown as runs. Same questionnaire, same bytes.
/// </summary>
internal static class SummaryDocx
{
    public static byte[] Write(Questionnaire q, SummaryGrouping by) =>
        DocxPackage.Write(q.Title, q.LastEventAt, context => Body(context, q, by));

    private static IEnumerable<OpenXmlElement> Body(DocxContext context, Questionnaire q, SummaryGrouping by)
    {
        yield return Line(context, "Title", q.Title);
        yield return Line(context, "DateLine", SummaryLayout.Line(q, by) + " · " + DocxParagraphs.Date(q.LastEventAt));
        yield return Line(context, "Heading1", "Respondents by stakeholder type");
        yield return Distribution(context, q);
        foreach (var section in SummaryLayout.Sections(q, by))
        {
            yield return Line(context, "Heading1", section.Heading);
            foreach (var item in section.Items)
            {
                yield return Line(context, "Heading2", item.Heading);
                if (item.Intro is { } intro)
                {
                    foreach (var paragraph in Markdown(context, intro, italic: true))
                        yield return paragraph;
                }
                foreach (var entry in item.Entries)
                {
                    var who = new List<TextPiece> { TextPiece.Added(entry.Heading, new TextStyle(Bold: true)) };
                    if (entry.Late is { } late)
                        who.Add(TextPiece.Added(" — " + late, new TextStyle(Italic: true)));
                    yield return DocxParagraphs.Build(context, null, null, who.Select(p => new MarkedPiece(p, null)));
                    foreach (var paragraph in Markdown(context, entry.Text, italic: false))
                        yield return paragraph;
                }
            }
        }
    }

    private static Paragraph Line(DocxContext context, string style, string text) =>
        DocxParagraphs.Build(context, style, null, [new MarkedPiece(TextPiece.Added(text), null)]);

    private static IEnumerable<Paragraph> Markdown(DocxContext context, string markdown, bool italic) =>
        SummaryLayout.Paragraphs(markdown).Select(text => DocxParagraphs.Build(context, null, null,
            MarkdownRuns.Parse(text).Pieces.Select(p => new MarkedPiece(italic ? p with { Style = p.Style with { Italic = true } } : p, null))));

    private static Table Distribution(DocxContext context, Questionnaire q) =>
        DocxTable.Build(context, [5000, 1800], ["Stakeholder type", "Respondents"],
            Reading.QuestionnaireViews.Distribution(q).Select(line => (IReadOnlyList<string>)[StakeholderTypes.Title(line.StakeholderType), $"{line.Respondents}"]),
            numberColumns: [1], total: ["Total", $"{q.Respondents.Count}"]);
}
