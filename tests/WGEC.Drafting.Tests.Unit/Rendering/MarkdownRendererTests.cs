using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Rendering;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void Plain_paragraph_renders_as_one_p() =>
        Assert.Equal("<p>Recalling the Tunis Agenda</p>", Renderer.ToHtml("Recalling the Tunis Agenda").Trim());

    [Fact]
    public void Bracket_is_wrapped_in_a_span_with_its_depth() =>
        Assert.Equal(
            "<p>We <span class=\"bracket bracket-depth-0\">[shall / should]</span> act</p>",
            Renderer.ToHtml("We [shall / should] act").Trim());

    [Fact]
    public void Nested_bracket_spans_nest() =>
        Assert.Equal(
            "<p><span class=\"bracket bracket-depth-0\">[<span class=\"bracket bracket-depth-1\">[outer]</span> <span class=\"bracket bracket-depth-1\">[inner]</span>]</span></p>",
            Renderer.ToHtml("[[outer] [inner]]").Trim());

    [Fact]
    public void Unmatched_brackets_are_marked() =>
        Assert.Equal(
            "<p><span class=\"bracket bracket-depth-0 bracket-unmatched\">]</span> <span class=\"bracket bracket-depth-0 bracket-unmatched\">[a</span></p>",
            Renderer.ToHtml("] [a").Trim());

    [Fact]
    public void Emphasis_inside_a_bracket_is_rendered() =>
        Assert.Equal(
            "<p><span class=\"bracket bracket-depth-0\">[a <em>b</em> c]</span></p>",
            Renderer.ToHtml("[a *b* c]").Trim());

    [Theory]
    [InlineData("see [the report](https://example.org)", "<a href=\"https://example.org\">the report</a>")]
    [InlineData("see [the report](http://example.org)", "<a href=\"http://example.org\">the report</a>")]
    [InlineData("write to [us](mailto:wgec@example.org)", "<a href=\"mailto:wgec@example.org\">us</a>")]
    public void Http_https_and_mailto_links_are_kept(string markdown, string expected)
    {
        var html = Renderer.ToHtml(markdown);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("bracket", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](/relative/path)")]
    [InlineData("<javascript:alert(1)>")]
    public void Other_link_targets_are_dropped(string markdown)
    {
        var html = Renderer.ToHtml(markdown);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_title_attribute_is_dropped() =>
        Assert.Equal("<p><a href=\"https://example.org\">x</a></p>", Renderer.ToHtml("[x](https://example.org \"a title\")").Trim());

    [Fact]
    public void Raw_html_is_escaped()
    {
        var html = Renderer.ToHtml("<script>alert(1)</script> text");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<span onclick=\"steal()\" style=\"color:red\">hi</span>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Raw_html_attributes_never_become_markup(string markdown)
    {
        var html = Renderer.ToHtml(markdown);
        Assert.DoesNotContain("<span", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_is_not_rendered()
    {
        var html = Renderer.ToHtml("a ![map](https://example.org/map.png) b");
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_image_is_not_rendered()
    {
        var html = Renderer.ToHtml("![map][m]\n\n[m]: https://example.org/map.png");
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_span_brackets_are_not_wrapped() =>
        Assert.Equal("<p><code>[x]</code></p>", Renderer.ToHtml("`[x]`").Trim());

    [Fact]
    public void Escaped_brackets_are_plain_text() =>
        Assert.Equal("<p>[x]</p>", Renderer.ToHtml("\\[x\\]").Trim());

    [Fact]
    public void Footnote_marker_is_not_wrapped() =>
        Assert.Equal("<p>claim[^1]</p>", Renderer.ToHtml("claim[^1]").Trim());

    [Fact]
    public void Heading_renders_as_heading_with_brackets() =>
        Assert.Equal(
            "<h2>Draft <span class=\"bracket bracket-depth-0\">[title]</span></h2>",
            Renderer.ToHtml("## Draft [title]").Trim());

    [Theory]
    [InlineData("We [shall] act [a [b] c] and [d")]
    [InlineData("[x](https://example.org) [y] `[z]` \\[w] ] ![i](https://example.org/i.png)")]
    [InlineData("[[[[a]]]] [[b] / [c]]")]
    public void Rendered_top_level_spans_match_the_count(string markdown)
    {
        var html = Renderer.ToHtml(markdown);
        var rendered = CountTopLevelBracketSpans(html);
        Assert.Equal(Brackets.CountOpen(markdown), rendered);
    }

    [Fact]
    public void Renderer_is_safe_to_share_between_threads()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i => Renderer.ToHtml($"[{i}] text")).ToList();
        Assert.All(results.Select((html, i) => (html, i)), r =>
            Assert.Equal($"<p><span class=\"bracket bracket-depth-0\">[{r.i}]</span> text</p>", r.html.Trim()));
    }

    [Theory]
    [MemberData(nameof(BracketsTests.Pathological), MemberType = typeof(BracketsTests))]
    public void Pathological_input_renders(string markdown) =>
        Assert.NotNull(Renderer.ToHtml(markdown));

    [Fact]
    public void Deep_nesting_is_rendered_flat_past_the_depth_limit()
    {
        var html = Renderer.ToHtml(new string('[', 5_000) + "x" + new string(']', 5_000));
        Assert.Equal(BracketMarkdown.MaxRenderedDepth, CountOccurrences(html, "<span"));
        Assert.Contains("x", html, StringComparison.Ordinal);
    }

    private static int CountTopLevelBracketSpans(string html)
    {
        int count = 0, depth = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (string.CompareOrdinal(html, i, "<span", 0, 5) == 0)
            {
                if (depth++ == 0 || html.IndexOf("bracket-unmatched", i, html.IndexOf('>', i) - i, StringComparison.Ordinal) >= 0)
                {
                    count++;
                }
            }
            else if (string.CompareOrdinal(html, i, "</span>", 0, 7) == 0)
            {
                depth--;
            }
        }

        return count;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
