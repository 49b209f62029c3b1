using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Documents.Exporting.Akn;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>Brackets and their alternatives marked in the Akoma Ntoso text, and the text itself kept exactly.</summary>
public class AknBracketsTests
{
    private static (ParagraphView Paragraph, System.Xml.Linq.XElement Element) One(string text)
    {
        var paragraph = Paragraph(1, ParagraphKind.Operative, text, "1");
        return (paragraph, Of(Export(Input([paragraph])), paragraph));
    }

    [Fact]
    public void Each_alternative_of_a_bracket_is_marked_as_the_server_splits_them()
    {
        var (paragraph, element) = One("Noting the [significant divergence / diversity / **wide** range] of views");

        var bracket = Assert.Single(Named(element, "bracket"));
        Assert.Equal("#bracket", (string?)bracket.Attribute("refersTo"));
        Assert.Equal("[significant divergence / diversity / wide range]", bracket.Value);
        var alternatives = Named(bracket, "alternative").ToList();
        Assert.Equal(["significant divergence", "diversity", "wide range"], alternatives.Select(a => a.Value));
        Assert.Equal(paragraph.Brackets[0].Alternatives.Take(2), alternatives.Take(2).Select(a => a.Value));
        Assert.Equal("wide", alternatives[2].Element(Akn.Ns + "b")!.Value);
        Assert.All(alternatives, a => Assert.Equal("#alternative", (string?)a.Attribute("refersTo")));
    }

    [Fact]
    public void Nested_brackets_nest_and_an_unmatched_one_is_marked()
    {
        var (_, element) = One("Invites [[an intergovernmental / a multi-stakeholder] mechanism] and [more");

        var outer = Named(element, "bracket").First();
        var inner = Assert.Single(Named(outer, "bracket"));
        Assert.Equal("[an intergovernmental / a multi-stakeholder]", inner.Value);
        Assert.Equal(["an intergovernmental", "a multi-stakeholder"], Named(inner, "alternative").Select(a => a.Value));
        Assert.Equal(2, Named(outer, "alternative").Count());
        var unmatched = Named(element, "bracket").Last();
        Assert.Equal("unmatched", (string?)unmatched.Attribute("class"));
        Assert.Equal("[more", unmatched.Value);
        Assert.Null(outer.Attribute("class"));
    }

    [Theory]
    [InlineData("Resolution A/RES/67/195 [of 2012]")]
    [InlineData("an escaped [a \\/ b] slash")]
    [InlineData("code [`a / b`] and a [link / text](https://un.org)")]
    [InlineData("[*a / b*] in emphasis")]
    public void A_slash_that_is_not_a_separator_of_the_bracket_splits_nothing(string text)
    {
        var (_, element) = One(text);

        Assert.NotEmpty(Named(element, "bracket"));
        Assert.Empty(Named(element, "alternative"));
    }

    [Theory]
    [InlineData("Noting the [significant divergence / diversity] of views,")]
    [InlineData("**Requests** the *secretariat* to [report / inform] see [the site](https://un.org) & `co[de]`")]
    [InlineData("Unclosed [bracket and a stray ] too [[deep [er / est]] / x]")]
    [InlineData("line one\nline two  \nline three [a\n/ b]")]
    [InlineData("escaped \\[not a bracket\\] &amp; \\*literal\\* [a /  / b] ![image](https://x.org/i.png)")]
    [InlineData("<b>raw</b> & \"quotes\" 'single' [<script>alert(1)</script> / x]")]
    public void The_text_content_is_the_text_of_the_servers_html(string text)
    {
        var (paragraph, element) = One(text);

        Assert.Equal(HtmlText(paragraph.Html), Text(element));
    }

    [Theory]
    [InlineData("recommendations.md", DocumentKind.Recommendations)]
    [InlineData("rolling-document.md", DocumentKind.RollingDocument)]
    public void Every_sample_paragraph_keeps_its_text(string file, DocumentKind kind)
    {
        var input = Sample(file, kind);
        var xml = Export(input);

        Assert.All(input.Paragraphs, p => Assert.Equal(HtmlText(p.Html), Text(Of(xml, p))));
        Assert.Equal(input.Paragraphs.Sum(p => p.Brackets.Count), xml.Descendants(Ns + "inline").Count(e => (string?)e.Attribute("name") == "bracket"));
    }

    [Fact]
    public void Bold_italic_and_links_become_b_i_and_a_and_an_unsafe_link_keeps_only_its_text()
    {
        var (_, element) = One("**Requests** the *secretariat* to see [the site](https://un.org) and [this](javascript:alert(1))");

        var p = element.Descendants(Ns + "p").Single();
        Assert.Equal("Requests", p.Element(Ns + "b")!.Value);
        Assert.Equal("secretariat", p.Element(Ns + "i")!.Value);
        var link = Assert.Single(p.Elements(Ns + "a"));
        Assert.Equal("https://un.org", (string?)link.Attribute("href"));
        Assert.Equal("the site", link.Value);
        Assert.EndsWith(" and this", p.Value, StringComparison.Ordinal);
    }
}
