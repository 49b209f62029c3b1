using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Importing;

namespace WGEC.Drafting.Documents.Creating;

public static class CreateDocument
{
    /// <summary>A new stream: the document, then its imported paragraphs in order, numbered as they come.</summary>
    public static Decision Decide(CreateDocumentRequest request, Guid documentId, Func<Guid> newId)
    {
        var title = TextRules.Normalize(request.Title, TextRules.MaxTitleLength, "title");
        if (title.Refusal is { } badTitle)
            return badTitle;
        if (title.Text.Length == 0 || title.Text.Contains('\n'))
            return Refusal.Invalid("a title is one non-empty line");
        if (request.Kind == DocumentKind.Unknown)
            return Refusal.Invalid("kind must be one of rolling-document, recommendations, report, annex");
        var symbol = TextRules.Normalize(request.Symbol ?? "", TextRules.MaxTitleLength, "symbol");
        if (symbol.Refusal is { } badSymbol)
            return badSymbol;
        if (symbol.Text.Contains('\n'))
            return Refusal.Invalid("a document symbol is one line, e.g. E/CN.16/2014/CRP.3");
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
