using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Tests.Documents.Rows;

/// <summary>An annex with table rows, built through the decisions like any other test document.</summary>
internal static class Table
{
    public static RowFields Fields(string issue, string category = "Cybersecurity", string grouping = "Security",
        string activities = "FIRST; national CERTs", string status = "Partially addressed") =>
        new(issue, category, grouping, activities, status);

    public static StateBuilder Annex(params string[] issues)
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);
        foreach (var issue in issues)
            AddRow(doc, Fields(issue));
        return doc;
    }

    public static Guid AddRow(StateBuilder doc, RowFields fields, IReadOnlyList<Guid>? sources = null)
    {
        var id = Guid.NewGuid();
        var after = doc.Ids.Count > 0 ? doc.Ids[^1] : (Guid?)null;
        doc.Run(s => InsertParagraph.Decide(s,
            new InsertParagraphRequest(StateBuilder.DocumentId, after, ParagraphKind.Row, null, id, Fields: fields, Sources: sources), Guid.NewGuid()));
        return id;
    }
}
