using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary><c>format=html</c>: a standalone printable page of the text.</summary>
public class HtmlExportTests
{
    [Fact]
    public void Page_has_the_symbol_title_revision_and_numbered_paragraphs_in_order()
    {
        var html = HtmlExport.Write(Draft());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"symbol\">{Symbol}</p>\n<h1>{Title}</h1>\n<p class=\"point\">Rev.1 &#183; 12 March 2014</p>", html, StringComparison.Ordinal);
        Assert.Equal(["", "", "", "1.", "2.", "2 bis."], Regex.Matches(html, "<div class=\"number\">([^<]*)</div>").Select(m => m.Groups[1].Value));
        Assert.Equal(Draft().Paragraphs.Select(p => p.Html), Regex.Matches(html, "<div class=\"text\">(.*?)</div>\n", RegexOptions.Singleline).Select(m => m.Groups[1].Value));
        Assert.Contains("<div class=\"paragraph kind-operative status-draft\" id=\"para_00000000000040008000000000000006\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"paragraph kind-heading status-draft\" id=\"para_00000000000040008000000000000001\">\n<div class=\"number\"></div>\n<div class=\"text\"><h1>Draft recommendations</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_are_the_servers_bracket_spans_highlighted_by_depth_as_in_the_web_client()
    {
        var html = HtmlExport.Write(Draft());

        Assert.Contains("Invites <span class=\"bracket bracket-depth-0\">[<span class=\"bracket bracket-depth-1\">[an intergovernmental / a multi-stakeholder]</span> mechanism]</span>", html, StringComparison.Ordinal);
        Assert.Contains(".bracket{background:#fff1c2;", html, StringComparison.Ordinal);
        Assert.Contains(".bracket .bracket{background:#ffe08a}", html, StringComparison.Ordinal);
        Assert.Contains(".bracket-unmatched{outline:2px dashed #a4161a}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_title_symbol_and_revision_are_encoded()
    {
        var input = Input([Paragraph(1, ParagraphKind.Text, "<script>alert(1)</script> & \"quotes\"")],
            title: "<script>alert('t')</script> & Co", symbol: "A/<img src=x onerror=alert(1)>", revision: "Rev.\"1\"<b>");

        var html = HtmlExport.Write(input);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; Co</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"symbol\">A/&lt;img src=x onerror=alert(1)&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("Rev.&quot;1&quot;&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_loads_nothing_runs_nothing_and_has_print_rules()
    {
        var html = HtmlExport.Write(Draft(statuses: true));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son\w+\s*=", html);
        Assert.Single(Regex.Matches(html, "<style>"));
        Assert.Contains("@media print{", html, StringComparison.Ordinal);
        Assert.Contains("@page{size:A4;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_are_in_the_margin_only_when_asked_for()
    {
        var with = HtmlExport.Write(Draft(statuses: true));
        var without = HtmlExport.Write(Draft());

        Assert.Equal(["draft", "draft", "draft", "agreed", "agreed ad ref.", "draft"], Regex.Matches(with, "<div class=\"status\">([^<]*)</div>").Select(m => m.Groups[1].Value));
        Assert.Contains("<body class=\"with-statuses\">", with, StringComparison.Ordinal);
        Assert.DoesNotContain("<div class=\"status\">", without, StringComparison.Ordinal);
        Assert.Contains("<div class=\"paragraph kind-operative status-agreed-ad-ref\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_revisions_the_page_names_the_version_and_its_time()
    {
        var html = HtmlExport.Write(Input([], symbol: null, revision: null, version: 9));

        Assert.DoesNotContain("class=\"symbol\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"point\">Version 9 &#183; 12 March 2014, 09:07 UTC</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{Title} — Version 9</title>", html, StringComparison.Ordinal);
    }
}
