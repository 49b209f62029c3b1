using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Creating;

namespace WGEC.Drafting.Tests.Documents.Creating;

public class CreateDocumentTests
{
    private static readonly Guid DocumentId = Guid.NewGuid();

    private static Decision Create(string? title = "Draft recommendations", DocumentKind kind = DocumentKind.Recommendations, string? markdown = null, string? symbol = null) =>
        CreateDocument.Decide(new CreateDocumentRequest(title, kind, symbol, markdown), DocumentId, Guid.NewGuid);

    [Fact]
    public void Create_appends_the_document_then_its_paragraphs_each_after_the_one_before()
    {
        var decision = Create(markdown: "# Title\n\nRecalling its mandate,\n\n1. Recommends cooperation;\n\n2. Decides to continue.", symbol: "E/CN.16/2025/CRP.1");

        Assert.Null(decision.Refusal);
        Assert.Equal(new DocumentCreated(DocumentId, "Draft recommendations", DocumentKind.Recommendations, "E/CN.16/2025/CRP.1"), decision.Events[0]);
        var paragraphs = decision.Events.Skip(1).Cast<ParagraphInserted>().ToList();
        Assert.Equal([ParagraphKind.Heading, ParagraphKind.Preambular, ParagraphKind.Operative, ParagraphKind.Operative], paragraphs.Select(p => p.Kind));
        Assert.Equal(["# Title", "Recalling its mandate,", "Recommends cooperation;", "Decides to continue."], paragraphs.Select(p => p.Text));
        Assert.Null(paragraphs[0].AfterParagraphId);
        for (var i = 1; i < paragraphs.Count; i++)
            Assert.Equal(paragraphs[i - 1].ParagraphId, paragraphs[i].AfterParagraphId);
    }

    [Fact]
    public void Imported_operatives_are_numbered_one_to_n()
    {
        var decision = Create(markdown: "Preamble,\n\n7. First.\n\n3. Second.\n\n9. Third.");

        var paragraphs = decision.Events.Skip(1).Cast<ParagraphInserted>().ToList();
        Assert.Empty(paragraphs[0].Numbers);
        Assert.Equal(["1", "2", "3"], paragraphs.Skip(1).Select(p => Assert.Single(p.Numbers, n => n.Key == p.ParagraphId).Value));
    }

    [Fact]
    public void Created_state_shows_the_numbers()
    {
        var doc = StateBuilder.Document("# Title\n\n1. First.\n\nSome text.\n\n2. Second.", DocumentKind.Report);
        Assert.Equal([null, "1", null, "2"], doc.State.Live.Select(p => p.Number));
    }

    [Fact]
    public void Create_without_markdown_is_the_document_alone()
    {
        Assert.IsType<DocumentCreated>(Assert.Single(Create().Events));
    }

    [Fact]
    public void Empty_symbol_is_stored_as_none()
    {
        Assert.Null(Assert.IsType<DocumentCreated>(Assert.Single(Create(symbol: " ").Events)).Symbol);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Draft\nrecommendations")]
    public void Title_that_is_not_one_non_empty_line_is_invalid(string? title)
    {
        Decided.Refused(Create(title), ErrorCode.Invalid);
    }

    [Fact]
    public void Symbol_spanning_lines_is_invalid()
    {
        Assert.Null(Create(symbol: "E/CN.16/2014/CRP.3").Refusal);
        Decided.Refused(Create(symbol: "E/CN.16/2014\nCRP.3"), ErrorCode.Invalid);
    }

    [Fact]
    public void Title_of_301_characters_is_too_large()
    {
        Assert.Null(Create(new string('T', TextRules.MaxTitleLength)).Refusal);
        Decided.Refused(Create(new string('T', TextRules.MaxTitleLength + 1)), ErrorCode.TooLarge);
    }

    [Fact]
    public void Unknown_kind_is_invalid()
    {
        Decided.Refused(Create(kind: DocumentKind.Unknown), ErrorCode.Invalid);
    }

    [Fact]
    public void Markdown_with_a_bad_character_is_refused_and_nothing_is_created()
    {
        Decided.Refused(Create(markdown: "1. Fine.\n\n2. Not\0fine."), ErrorCode.Invalid);
    }
}
