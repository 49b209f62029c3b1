using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>The text of a Word paragraph as Markdown: formatting, links, brackets, tracked changes, breaks, and text that only looks like Markdown.</summary>
public class DocxTextTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static List<string> Texts(byte[] docx, DocumentKind kind = DocumentKind.Report) =>
        [.. DocxImportTests.Paragraphs(docx, kind).Select(p => p.Text)];

    /// <summary>What a reader sees of a stored text once rendered: the HTML without its tags.</summary>
    private static string Rendered(string markdown) =>
        WebUtility.HtmlDecode(Regex.Replace(Renderer.ToHtml(markdown), "<[^>]+>", "")).Trim();

    [Fact]
    public void Bold_and_italic_runs_become_Markdown_emphasis_with_spaces_outside_the_markers()
    {
        var strong = new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Strong" };
        var notBold = new Run(new RunProperties(new RunStyle { Val = "Strong" }, new Bold { Val = false }), new Text("plain"));
        var docx = Word(
            [P(R("Recalling ", italic: true), R("its resolution "), R("67/", bold: true), R("195", bold: true), R(" and"), R(" all", bold: true, italic: true),
               R(" of "), new Run(new RunProperties(new RunStyle { Val = "Strong" }), new Text("them")), R(", "), notBold)],
            main => AddStyles(main, strong));

        Assert.Equal(["*Recalling* its resolution **67/195** and ***all*** of **them**, plain"], Texts(docx));
    }

    [Fact]
    public void Hyperlinks_become_Markdown_links_for_http_https_and_mailto_only()
    {
        var docx = Word(
            [P(R("See "), new Hyperlink(R("the mapping")) { Id = "rWeb" }, R(", write to "), new Hyperlink(R("the secretariat")) { Id = "rMail" },
               R(" or open "), new Hyperlink(R("the file")) { Id = "rFile" }, R(" or "), new Hyperlink(R("[draft]")) { Id = "rWeb" }, R("."))],
            main =>
            {
                main.AddHyperlinkRelationship(new Uri("https://unctad.org/wgec (2014)"), true, "rWeb");
                main.AddHyperlinkRelationship(new Uri("mailto:wgec@unctad.org"), true, "rMail");
                main.AddHyperlinkRelationship(new Uri("file:///C:/drafts/wgec.docx"), true, "rFile");
            });

        Assert.Equal(
            ["See [the mapping](https://unctad.org/wgec%20%282014%29), write to [the secretariat](mailto:wgec@unctad.org) or open the file " +
             "or [draft] <https://unctad.org/wgec%20%282014%29>."],
            Texts(docx));
    }

    [Fact]
    public void Brackets_are_kept_exactly_as_typed()
    {
        const string typed = "[[an intergovernmental / a multi-stakeholder] mechanism] [shall/should] see A/RES/67/195 [";

        Assert.Equal([typed], Texts(Word(P(typed))));
    }

    [Fact]
    public void Text_inside_bidirectional_containers_is_read()
    {
        var docx = Word(P(R("Arabic: "), new BidirectionalEmbedding(R("نص")) { Val = DirectionValues.Rtl }, R(" and "),
            new BidirectionalOverride(R("أ")) { Val = DirectionValues.Rtl }, R(".")));

        Assert.Equal(["Arabic: نص and أ."], Texts(docx));
    }

    [Fact]
    public void Tracked_changes_are_taken_as_accepted()
    {
        var deletedMark = new ParagraphProperties(new ParagraphMarkRunProperties(new Deleted { Id = "9", Author = "Brazil" }));
        var docx = Word(
            P(R("The "), new InsertedRun(R("new ")) { Id = "1", Author = "Brazil" }, new DeletedRun(new Run(new DeletedText("old "))) { Id = "2", Author = "ISOC" },
              new MoveFromRun(R("moved ")) { Id = "3", Author = "ISOC" }, R("text "), new MoveToRun(R("moved")) { Id = "4", Author = "ISOC" }, R(".")),
            P(deletedMark, R("Joined ")),
            P(R("paragraph.")),
            P((ParagraphProperties)deletedMark.CloneNode(true), new DeletedRun(new Run(new DeletedText("Gone entirely."))) { Id = "5", Author = "Chair" }),
            P(R("Kept.")));

        Assert.Equal(["The new text moved.", "Joined paragraph.", "Kept."], Texts(docx));
    }

    [Fact]
    public void Line_breaks_stay_inside_the_paragraph_without_blank_lines_and_tabs_become_spaces()
    {
        var docx = Word(P(R("First line\t "), new Run(new Break(), new Break(), new CarriageReturn()), R("  second\tline"), new Run(new Break())), P("Line\u2028separator."), P("Next\u0085line."));

        Assert.Equal(["First line\nsecond line", "Line separator.", "Next line."], Texts(docx));
    }

    [Fact]
    public void Comments_footnotes_and_field_codes_are_not_text_but_a_field_result_is()
    {
        var docx = Word(P(
            new CommentRangeStart { Id = "0" }, R("Noting"), new CommentRangeEnd { Id = "0" }, new Run(new CommentReference { Id = "0" }),
            new Run(new FootnoteReference { Id = 1 }), R(" the "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" REF report \\h ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), R("report"), new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new RunProperties(new Vanish()), new Text(" hidden")), R(",")));

        Assert.Equal(["Noting the report,"], Texts(docx));
    }

    [Theory]
    [InlineData("#hashtag and # sign", "\\#hashtag and # sign")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("+ not a list", "\\+ not a list")]
    [InlineData("> not a quote", "\\> not a quote")]
    [InlineData("2) not a list", "2\\) not a list")]
    [InlineData("~~~ not a fence", "\\~~~ not a fence")]
    [InlineData("a *b* c_d_ `e` \\f", "a \\*b\\* c\\_d\\_ \\`e\\` \\\\f")]
    [InlineData("AT&amp;T & more", "AT\\&amp;T & more")]
    public void Text_that_looks_like_Markdown_is_escaped_and_reads_as_typed(string typed, string stored)
    {
        var paragraph = Assert.Single(DocxImportTests.Paragraphs(Word(P(typed)), DocumentKind.Report));

        Assert.Equal((ParagraphKind.Text, stored), (paragraph.Kind, paragraph.Text));
        Assert.Equal(typed, Rendered(paragraph.Text));
    }

    [Theory]
    [InlineData("Item #", "# Item \\#")]
    [InlineData("Issues ##", "# Issues \\##")]
    [InlineData("#", "# \\#")]
    [InlineData("C# and F#", "# C# and F#")]
    public void Hashes_that_end_a_heading_are_kept(string typed, string stored)
    {
        var paragraph = Assert.Single(DocxImportTests.Paragraphs(Word(Styled("Heading1", R(typed))), DocumentKind.Report));

        Assert.Equal((ParagraphKind.Heading, stored), (paragraph.Kind, paragraph.Text));
        Assert.Equal(typed, Rendered(paragraph.Text));
    }

    [Fact]
    public void A_line_after_a_break_that_looks_like_a_heading_or_list_stays_in_the_paragraph()
    {
        var docx = Word(P(R("Options:"), new Run(new Break()), R("# first"), new Run(new Break()), R("1. second"), new Run(new Break()), R("- third")));

        var text = Assert.Single(Texts(docx));
        Assert.Equal("Options:\n\\# first\n1\\. second\n\\- third", text);
        Assert.Equal("Options:\n# first\n1. second\n- third", Rendered(text));
    }
}
