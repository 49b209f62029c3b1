using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Rendering;

public class BracketsTests
{
    [Theory]
    [InlineData("No brackets here.", 0)]
    [InlineData("[shall / should] take note", 1)]
    [InlineData("[a] and [b] and [c]", 3)]
    [InlineData("[[outer] [inner]]", 1)]
    [InlineData("[a [b [c]]]", 1)]
    public void Counts_top_level_spans(string text, int expected) =>
        Assert.Equal(expected, Brackets.CountOpen(text));

    [Theory]
    [InlineData("[unclosed text", 1)]
    [InlineData("stray ] bracket", 1)]
    [InlineData("[a] stray ]", 2)]
    [InlineData("] and [", 2)]
    [InlineData("[outer [inner] never closed", 1)]
    [InlineData("[a [b", 2)]
    public void Unmatched_brackets_count_one_each(string text, int expected) =>
        Assert.Equal(expected, Brackets.CountOpen(text));

    [Theory]
    [InlineData("see [the report](https://example.org) now")]
    [InlineData("see [the report](https://example.org \"title\") now")]
    [InlineData("see [the report][ref] now")]
    [InlineData("see [the report][] now")]
    [InlineData("[ref]: https://example.org")]
    [InlineData("a claim[^1] here")]
    [InlineData("![a map](https://example.org/map.png)")]
    [InlineData("![alt with [bracket]](https://example.org/map.png)")]
    [InlineData("code `[not a bracket]` here")]
    [InlineData("code ``a ` [b] `` here")]
    [InlineData("escaped \\[not a bracket\\]")]
    [InlineData("<https://example.org/[x]>")]
    public void Markdown_constructs_are_not_brackets(string text) =>
        Assert.Equal(0, Brackets.CountOpen(text));

    [Fact]
    public void Unclosed_backticks_are_literal_and_brackets_after_them_count() =>
        Assert.Equal(1, Brackets.CountOpen("a ` tick [b]"));

    [Fact]
    public void Escaped_backslash_does_not_escape_the_bracket() =>
        Assert.Equal(1, Brackets.CountOpen("a \\\\[b]"));

    [Fact]
    public void Bracket_with_space_before_parenthesis_is_not_a_link() =>
        Assert.Equal(1, Brackets.CountOpen("[shall] (see annex)"));

    [Fact]
    public void Definition_form_only_counts_at_line_start() =>
        Assert.Equal(1, Brackets.CountOpen("The text [option]: more"));

    [Fact]
    public void Brackets_inside_link_text_still_count() =>
        Assert.Equal(1, Brackets.CountOpen("[the [revised] report](https://example.org)"));

    [Fact]
    public void Link_inside_a_bracket_keeps_the_bracket() =>
        Assert.Equal(1, Brackets.CountOpen("[see [the report](https://example.org) first]"));

    [Fact]
    public void Code_fence_content_is_not_brackets() =>
        Assert.Equal(1, Brackets.CountOpen("```\n[a] [b]\n```\n\n[c]"));

    [Fact]
    public void Indented_code_is_not_brackets() =>
        Assert.Equal(0, Brackets.CountOpen("    [a] [b]"));

    [Fact]
    public void Span_offsets_cover_the_brackets()
    {
        var span = Assert.Single(Brackets.Parse("We [shall] act"));
        Assert.Equal((3, 10, 0, true), (span.Start, span.End, span.Depth, span.IsMatched));
    }

    [Fact]
    public void Nested_spans_have_depths_in_document_order()
    {
        var text = "[[outer] [inner [deep]]]";
        var spans = Brackets.Parse(text);
        Assert.Equal(["[[outer] [inner [deep]]]", "[outer]", "[inner [deep]]", "[deep]"], spans.Select(s => text[s.Start..s.End]));
        Assert.Equal([0, 1, 1, 2], spans.Select(s => s.Depth));
    }

    [Fact]
    public void Unmatched_open_bracket_runs_to_the_end_of_the_text()
    {
        var text = "We [shall act";
        var span = Assert.Single(Brackets.Parse(text));
        Assert.Equal((3, text.Length, false), (span.Start, span.End, span.IsMatched));
        Assert.Equal(["shall act"], span.Alternatives);
    }

    [Fact]
    public void Stray_close_bracket_is_a_one_character_span()
    {
        var span = Assert.Single(Brackets.Parse("We shall] act"));
        Assert.Equal((8, 9, false), (span.Start, span.End, span.IsMatched));
        Assert.Empty(span.Alternatives);
    }

    [Fact]
    public void Offsets_are_in_the_original_text_across_lines()
    {
        var text = "First line\r\n  second [a\r\nb] end";
        var span = Assert.Single(Brackets.Parse(text));
        Assert.Equal("[a\r\nb]", text[span.Start..span.End]);
    }

    [Fact]
    public void Alternatives_split_on_spaced_slash_and_are_trimmed()
    {
        var span = Assert.Single(Brackets.Parse("[ shall  /  should / may ]"));
        Assert.Equal(["shall", "should", "may"], span.Alternatives);
    }

    [Fact]
    public void Single_alternative_without_separator()
    {
        var span = Assert.Single(Brackets.Parse("[financial support]"));
        Assert.Equal(["financial support"], span.Alternatives);
    }

    [Theory]
    [InlineData("[A/RES/67/195]", "A/RES/67/195")]
    [InlineData("[and/or]", "and/or")]
    [InlineData("[a/ b]", "a/ b")]
    [InlineData("[a /b]", "a /b")]
    public void Slash_without_spaces_does_not_split_alternatives(string text, string expected)
    {
        var span = Assert.Single(Brackets.Parse(text));
        Assert.Equal([expected], span.Alternatives);
    }

    [Fact]
    public void Document_symbol_alternatives_are_not_split_inside()
    {
        var span = Assert.Single(Brackets.Parse("[A/RES/67/195 / A/RES/70/125]"));
        Assert.Equal(["A/RES/67/195", "A/RES/70/125"], span.Alternatives);
    }

    [Fact]
    public void Alternatives_split_only_at_the_brackets_own_level()
    {
        var spans = Brackets.Parse("[an [intergovernmental / a multi-stakeholder] mechanism / no mechanism]");
        Assert.Equal(["an [intergovernmental / a multi-stakeholder] mechanism", "no mechanism"], spans[0].Alternatives);
        Assert.Equal(["intergovernmental", "a multi-stakeholder"], spans[1].Alternatives);
    }

    [Fact]
    public void Slash_inside_code_does_not_split_alternatives()
    {
        var span = Assert.Single(Brackets.Parse("[`a / b` c]"));
        Assert.Equal(["`a / b` c"], span.Alternatives);
    }

    [Theory]
    [InlineData("[a \\] b]")]
    [InlineData("[a `]` b]")]
    public void Escaped_or_code_close_bracket_does_not_end_the_span(string text)
    {
        var span = Assert.Single(Brackets.Parse(text));
        Assert.Equal((0, text.Length, true), (span.Start, span.End, span.IsMatched));
    }

    [Fact]
    public void Empty_text_has_no_spans() => Assert.Empty(Brackets.Parse(""));

    [Fact]
    public void Sample_operative_paragraph_with_nested_brackets()
    {
        var text = "[Recommends the establishment of [an intergovernmental / a multi-stakeholder] mechanism;]";
        Assert.Equal(1, Brackets.CountOpen(text));
        Assert.Equal(2, Brackets.Parse(text).Count);
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_input_completes(string text) =>
        Assert.InRange(Brackets.CountOpen(text), 0, text.Length);

    public static TheoryData<string> Pathological() => new()
    {
        new string('[', 20_000),
        new string(']', 20_000),
        new string('[', 10_000) + new string(']', 10_000),
        string.Concat(Enumerable.Repeat("![", 10_000)),
        string.Concat(Enumerable.Repeat("[a](", 5_000)),
        string.Concat(Enumerable.Repeat("*[", 10_000)),
        string.Concat(Enumerable.Range(1, 190).Select(n => new string('`', n) + "[")),
        new string('>', 20_000) + " [x]",
    };
}
