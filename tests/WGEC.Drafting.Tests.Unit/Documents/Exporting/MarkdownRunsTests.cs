using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class MarkdownRunsTests
{
    private static string Shown(IEnumerable<TextPiece> pieces) => string.Concat(pieces.Select(p => p.IsBreak ? "\n" : p.Text));

    [Fact]
    public void Emphasis_code_and_links_are_styles_of_pieces_tied_to_where_they_were_typed()
    {
        const string text = "Some **bold**, *it*, `x = 1` and [site](https://unctad.org).";

        var pieces = MarkdownRuns.Parse(text).Pieces;

        Assert.Equal("Some bold, it, x = 1 and site.", Shown(pieces));
        var bold = Assert.Single(pieces, p => p.Style.Bold);
        Assert.Equal(("bold", 7, 11, true), (bold.Text, bold.Start, bold.End, bold.Exact));
        Assert.Equal("it", Assert.Single(pieces, p => p.Style.Italic).Text);
        Assert.Equal("x = 1", Assert.Single(pieces, p => p.Style.CharacterStyle == "Code").Text);
        var link = Assert.Single(pieces, p => p.Style.Link is not null);
        Assert.Equal(("site", "https://unctad.org/"), (link.Text, link.Style.Link));
        Assert.All(pieces.Where(p => p.Exact), p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void A_slice_cuts_pieces_at_source_offsets_and_leaves_markup_out()
    {
        const string text = "Some **bold words** here";
        var pieces = MarkdownRuns.Parse(text).Pieces;

        var slice = MarkdownRuns.Slice(pieces, 4, 11).ToList();

        Assert.Equal([(" ", false), ("bold", true)], slice.Select(p => (p.Text, p.Style.Bold)));
    }

    [Fact]
    public void Brackets_escapes_and_entities_are_shown_as_a_reader_reads_them()
    {
        var pieces = MarkdownRuns.Parse("[shall / should] \\[not] &amp; [[a] [b]]").Pieces;

        Assert.Equal("[shall / should] [not] & [[a] [b]]", Shown(pieces));
    }

    [Fact]
    public void Only_http_https_and_mailto_links_are_links()
    {
        var pieces = MarkdownRuns.Parse("[a](javascript:alert(1)) [b](file:///etc/passwd) <mailto:x@example.org> [c](/relative)").Pieces;

        Assert.Equal(["mailto:x@example.org"], pieces.Select(p => p.Style.Link).OfType<string>());
    }

    [Fact]
    public void Line_breaks_and_list_items_become_breaks_at_their_newline()
    {
        const string text = "One\ntwo  \nthree\n\n- four";
        var pieces = MarkdownRuns.Parse(text).Pieces;

        Assert.Equal("One two\nthree\n\u2022 four", Shown(pieces));
        Assert.All(pieces.Where(p => p.IsBreak), p => Assert.Equal('\n', text[p.Start]));
    }

    [Fact]
    public void A_heading_has_its_level()
    {
        Assert.Equal((2, "Annex"), (MarkdownRuns.Parse("## Annex").HeadingLevel, Shown(MarkdownRuns.Parse("## Annex").Pieces)));
        Assert.Equal(0, MarkdownRuns.Parse("Text").HeadingLevel);
    }

    [Fact]
    public void The_first_word_is_italicised_even_inside_a_bracket()
    {
        var pieces = MarkdownRuns.ItalicizeFirstWord(MarkdownRuns.Parse("[Recalling / Noting] its resolution").Pieces);

        Assert.Equal(["Recalling"], pieces.Where(p => p.Style.CharacterStyle == DocxStyles.OpeningWord).Select(p => p.Text));
        Assert.Equal("[Recalling / Noting] its resolution", Shown(pieces));
    }

    [Fact]
    public void A_text_nested_past_the_parsers_limit_is_shown_as_typed()
    {
        var text = new string('>', 5000) + " deep";

        Assert.Equal(text, Shown(MarkdownRuns.Parse(text).Pieces));
    }
}
