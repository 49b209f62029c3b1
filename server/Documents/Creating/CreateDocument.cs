using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Importing;

namespace WGEC.Drafting.Documents.Creating;

public static class CreateDocument
{
    /// <summary>A new stream: the document, then its imported paragraphs in order, numbered as they come.</summary>
    public static Decision Decide(CreateDocumentRequest request, Guid documentId, Func<Guid> newId)
    {
        var title = TextRules.NormalizeLine(request.Title, TextRules.MaxTitleLength, "title");
        if (title.Refusal is { } badTitle)
            return badTitle;
        if (request.Kind == DocumentKind.Unknown)
            return Refusal.Invalid("kind must be one of rolling-document, recommendations, report, annex");
        var symbol = TextRules.NormalizeLine(request.Symbol ?? "", TextRules.MaxTitleLength, "document symbol", required: false);
        if (symbol.Refusal is { } badSymbol)
            return badSymbol;
        var import = MarkdownImport.Split(request.Markdown ?? "", request.Kind);
        if (import.Refusal is { } badImport)
            return badImport;

        var events = new List<DocumentEvent>
        {
            new DocumentCreated(documentId, title.Text, request.Kind, symbol.Text.Length == 0 ? null : symbol.Text),
        };
        Guid? after = null;
        var operative = 0;
        foreach (var paragraph in import.Paragraphs)
        {
            var id = newId();
            var numbers = paragraph.Kind == ParagraphKind.Operative
                ? new Dictionary<Guid, string?> { [id] = (++operative).ToString(CultureInfo.InvariantCulture) }
                : [];
            events.Add(new ParagraphInserted(id, after, paragraph.Kind, paragraph.Text, numbers));
            after = id;
        }
        return Decision.Append([.. events]);
    }
}
