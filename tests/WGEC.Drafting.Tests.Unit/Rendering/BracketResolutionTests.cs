using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Importing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Rendering;

public class BracketResolutionTests
{
    private const string Nested = "[Recommends the establishment of [an intergovernmental / a multi-stakeholder] mechanism;]";

    private static string Resolved(string text, int index, BracketKeep keep, int? alternative = null)
    {
        var result = BracketResolution.Resolve(text, index, keep, alternative);
        Assert.Null(result.Error);
        Assert.True(result.IsResolved);
        return result.Text!;
    }

    private static string Refused(string text, int index, BracketKeep keep, int? alternative = null)
    {
        var result = BracketResolution.Resolve(text, index, keep, alternative);
        Assert.Null(result.Text);
        Assert.False(result.IsResolved);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        return result.Error!;
    }

    // --- the chair's choices ---

    [Fact]
    public void Keeping_an_alternative_replaces_the_whole_bracket_with_it() =>
        Assert.Equal(
            "Recommends that enhanced cooperation continue to be implemented to enable",
            Resolved("Recommends that enhanced cooperation [be implemented without further delay / continue to be implemented] to enable", 0, BracketKeep.Alternative, 1));

    [Fact]
    public void Keeping_nothing_removes_the_bracket_and_leaves_one_space_and_the_comma() =>
        Assert.Equal(
            "Encourages ... capacity building, and remote participation;",
            Resolved("Encourages ... capacity building, [financial support] and remote participation;", 0, BracketKeep.Nothing));

    [Fact]
    public void Resolving_a_nested_bracket_keeps_the_outer_one() =>
        Assert.Equal("[Recommends the establishment of a multi-stakeholder mechanism;]", Resolved(Nested, 1, BracketKeep.Alternative, 1));

    [Fact]
    public void Keeping_the_content_of_the_outer_bracket_keeps_nested_brackets_as_typed() =>
        Assert.Equal(
            "Recommends the establishment of [an intergovernmental / a multi-stakeholder] mechanism;",
            Resolved(Nested, 0, BracketKeep.Content));

    [Fact]
    public void Keeping_nothing_of_a_nested_bracket_leaves_one_space_inside_the_outer() =>
        Assert.Equal("[Recommends the establishment of mechanism;]", Resolved(Nested, 1, BracketKeep.Nothing));

    [Fact]
    public void Keeping_nothing_of_a_bracket_spanning_the_whole_text_leaves_an_empty_text() =>
        Assert.Equal("", Resolved(Nested, 0, BracketKeep.Nothing));

    [Fact]
    public void Alternatives_are_those_of_the_bracket_s_own_level() =>
        Assert.Equal("a [b / c]", Resolved("[a [b / c] / d]", 0, BracketKeep.Alternative, 0));

    [Fact]
    public void Keeping_the_content_of_a_top_level_bracket_promotes_its_nested_brackets()
    {
        var resolved = Resolved(Nested, 0, BracketKeep.Content);
        Assert.Equal(1, Brackets.CountOpen(Nested));
        Assert.Equal(1, Brackets.CountOpen(resolved));
    }

    [Theory]
    [InlineData(0, "shall take note")]
    [InlineData(1, "should take note")]
    public void Bracket_at_the_start_of_the_text_is_resolved(int alternative, string expected) =>
        Assert.Equal(expected, Resolved("[shall / should] take note", 0, BracketKeep.Alternative, alternative));

    [Fact]
    public void A_document_symbol_is_not_split_into_alternatives()
    {
        const string text = "Recalling [resolution A/RES/67/195 / decision 2013/9] of the Council";
        Assert.Equal("Recalling resolution A/RES/67/195 of the Council", Resolved(text, 0, BracketKeep.Alternative, 0));
        Assert.Equal("Recalling decision 2013/9 of the Council", Resolved(text, 0, BracketKeep.Alternative, 1));
        Refused(text, 0, BracketKeep.Alternative, 2);
    }

    [Fact]
    public void A_bracket_without_slashes_has_one_alternative_its_trimmed_content() =>
        Assert.Equal("through financial support and", Resolved("through [ financial support ] and", 0, BracketKeep.Alternative, 0));

    [Fact]
    public void An_empty_alternative_is_like_keeping_nothing() =>
        Assert.Equal("we take note", Resolved("we [shall / ] take note", 0, BracketKeep.Alternative, 1));

    [Fact]
    public void Content_is_kept_as_typed_inside_and_tidied_only_at_its_edges() =>
        Assert.Equal("a b  c d", Resolved("a [ b  c ] d", 0, BracketKeep.Content));

    [Fact]
    public void Resolving_one_of_several_brackets_leaves_the_others() =>
        Assert.Equal(
            "Recommends that the Commission decide on the establishment of a further working group [with the same composition] to continue",
            Resolved("Recommends that the Commission [consider / decide on] the establishment of a further working group [with the same composition] to continue", 0, BracketKeep.Alternative, 1));

    [Fact]
    public void The_index_counts_nested_brackets_in_text_order() =>
        Assert.Equal("[a c] [d]", Resolved("[a [b] c] [d]", 1, BracketKeep.Nothing));

    // --- refusals ---

    [Fact]
    public void A_markdown_link_is_not_a_bracket_so_the_index_is_out_of_range() =>
        Assert.Contains("no brackets", Refused("[x](http://a)", 0, BracketKeep.Nothing), StringComparison.Ordinal);

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void An_index_out_of_range_is_refused(int index) =>
        Assert.Contains("does not exist", Refused("[a] and [b]", index, BracketKeep.Nothing), StringComparison.Ordinal);

    [Fact]
    public void A_text_without_brackets_refuses_every_index() =>
        Refused("No brackets here.", 0, BracketKeep.Content);

    [Theory]
    [InlineData("[unclosed text", 0)]
    [InlineData("[outer [inner] never closed", 0)]
    [InlineData("stray ] bracket", 0)]
    [InlineData("[a] stray ]", 1)]
    public void An_unmatched_bracket_is_refused(string text, int index)
    {
        Assert.False(Brackets.Parse(text)[index].IsMatched);
        foreach (var keep in new[] { BracketKeep.Content, BracketKeep.Nothing })
        {
            Refused(text, index, keep);
        }

        Refused(text, index, BracketKeep.Alternative, 0);
    }

    [Fact]
    public void A_matched_bracket_inside_an_unclosed_one_can_be_resolved() =>
        Assert.Equal("[outer never closed", Resolved("[outer [inner] never closed", 1, BracketKeep.Nothing));

    [Fact]
    public void Keeping_an_alternative_without_saying_which_is_refused() =>
        Assert.Contains("which alternative", Refused("[shall / should]", 0, BracketKeep.Alternative), StringComparison.Ordinal);

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void An_alternative_out_of_range_is_refused(int alternative) =>
        Assert.Contains("alternative", Refused("[shall / should]", 0, BracketKeep.Alternative, alternative), StringComparison.Ordinal);

    [Theory]
    [InlineData(BracketKeep.Unknown)]
    [InlineData((BracketKeep)42)]
    public void An_unknown_choice_is_refused(BracketKeep keep)
    {
        Refused("[shall / should]", 0, keep);
        Refused("[shall / should]", 0, keep, 0);
    }

    [Theory]
    [InlineData(BracketKeep.Content)]
    [InlineData(BracketKeep.Nothing)]
    public void Naming_an_alternative_when_keeping_content_or_nothing_is_refused_as_contradictory(BracketKeep keep) =>
        Refused("[shall / should]", 0, keep, 0);

    [Fact]
    public void A_null_text_throws() =>
        Assert.Throws<ArgumentNullException>(() => BracketResolution.Resolve(null!, 0, BracketKeep.Nothing, null));

    // --- whitespace at the seams ---

    [Theory]
    [InlineData("a [b] c", "a c")]
    [InlineData("a\t[b] c", "a c")]
    [InlineData("a [b]\tc", "a c")]
    [InlineData("a  [b]  c", "a c")]
    [InlineData("a[b] c", "a c")]
    [InlineData("a [b]c", "a c")]
    [InlineData("a[b]c", "ac")]
    [InlineData("word[s] here", "word here")]
    public void Between_words_one_space_is_left(string text, string expected) =>
        Assert.Equal(expected, Resolved(text, 0, BracketKeep.Nothing));

    [Theory]
    [InlineData("[a] b c", "b c")]
    [InlineData("[a]b c", "b c")]
    [InlineData("[a] [b] c", "[b] c")]
    [InlineData(" [a] b", "b")]
    public void At_the_start_of_the_text_no_space_is_left(string text, string expected) =>
        Assert.Equal(expected, Resolved(text, 0, BracketKeep.Nothing));

    [Theory]
    [InlineData("a b [c]", "a b")]
    [InlineData("a b [c] ", "a b")]
    [InlineData("a b [c]\n", "a b")]
    public void At_the_end_of_the_text_no_space_is_left(string text, string expected) =>
        Assert.Equal(expected, Resolved(text, 0, BracketKeep.Nothing));

    [Theory]
    [InlineData("a [b], c", "a, c")]
    [InlineData("a [b]; c", "a; c")]
    [InlineData("a [b].", "a.")]
    [InlineData("a [b]: c", "a: c")]
    [InlineData("a [b] , c", "a, c")]
    [InlineData("a [b]? c", "a? c")]
    [InlineData("a [b]! c", "a! c")]
    public void Before_punctuation_no_space_is_left(string text, string expected) =>
        Assert.Equal(expected, Resolved(text, 0, BracketKeep.Nothing));

    [Theory]
    [InlineData("(see [annex I])", 0, "(see)")]
    [InlineData("([a] b)", 0, "(b)")]
    [InlineData("[[a / b] text]", 1, "[text]")]
    [InlineData("[text [a / b]]", 1, "[text]")]
    public void Inside_parentheses_and_brackets_no_space_is_left_against_them(string text, int index, string expected) =>
        Assert.Equal(expected, Resolved(text, index, BracketKeep.Nothing));

    [Fact]
    public void A_line_break_at_the_seam_is_kept_as_one_line_break() =>
        Assert.Equal("first line\nsecond", Resolved("first line\n[b] second", 0, BracketKeep.Nothing));

    [Fact]
    public void Whitespace_away_from_the_bracket_is_untouched() =>
        Assert.Equal("  a  b ,  c d  e, f  ", Resolved("  a  b ,  c [x] d  e, f  ", 0, BracketKeep.Nothing));

    [Fact]
    public void A_kept_alternative_leaves_single_spaces_around_it_as_they_were() =>
        Assert.Equal("a\tshould\tb", Resolved("a\t[shall / should]\tb", 0, BracketKeep.Alternative, 1));

    [Fact]
    public void A_non_breaking_space_is_not_tidied() =>
        Assert.Equal("para.\u00a05", Resolved("para.\u00a0[4 / 5]", 0, BracketKeep.Alternative, 1));

    // --- offsets beyond ASCII ---

    [Theory]
    [InlineData("Réaffirme [l'engagement / la volonté] des États", 1, "Réaffirme la volonté des États")]
    [InlineData("e\u0301 [x / y] café", 0, "e\u0301 x café")]
    [InlineData("会议 [建议 / 决定] 设立", 1, "会议 决定 设立")]
    [InlineData("🌍 [𝒜 / 🌐] 🌏", 1, "🌍 🌐 🌏")]
    [InlineData("𝒜[🌍 / b]𝒞", 0, "𝒜🌍𝒞")]
    public void Accents_and_surrogate_pairs_around_a_bracket_survive(string text, int alternative, string expected)
    {
        var resolved = Resolved(text, 0, BracketKeep.Alternative, alternative);
        Assert.Equal(expected, resolved);
        Assert.DoesNotContain(Rune.ReplacementChar, resolved.EnumerateRunes());
    }

    [Theory]
    [InlineData("🌍 [𝒜] 🌏", "🌍 🌏")]
    [InlineData("𝒜[🌍]𝒞", "𝒜𝒞")]
    [InlineData("États [financés], 𝒞", "États, 𝒞")]
    public void Removing_a_bracket_between_surrogate_pairs_keeps_them_whole(string text, string expected)
    {
        var resolved = Resolved(text, 0, BracketKeep.Nothing);
        Assert.Equal(expected, resolved);
        Assert.DoesNotContain(Rune.ReplacementChar, resolved.EnumerateRunes());
    }

    // --- every bracket of the sample ---

    public static TheoryData<string, int, BracketKeep, int?> SampleResolutions()
    {
        var data = new TheoryData<string, int, BracketKeep, int?>();
        var import = MarkdownImport.Split(SharedSamples.Read("recommendations.md"), DocumentKind.Recommendations);
        foreach (var paragraph in import.Paragraphs)
        {
            var spans = Brackets.Parse(paragraph.Text);
            for (var i = 0; i < spans.Count; i++)
            {
                for (var k = 0; k < spans[i].Alternatives.Count; k++)
                {
                    data.Add(paragraph.Text, i, BracketKeep.Alternative, k);
                }

                data.Add(paragraph.Text, i, BracketKeep.Content, null);
                data.Add(paragraph.Text, i, BracketKeep.Nothing, null);
            }
        }

        return data;
    }

    [Fact]
    public void The_sample_has_top_level_and_nested_brackets_to_resolve()
    {
        var cases = SampleResolutions().Select(row => ((string)row[0], (int)row[1])).Distinct().ToList();
        Assert.True(cases.Count >= 10);
        Assert.Contains(cases, c => Brackets.Parse(c.Item1)[c.Item2].Depth > 0);
    }

    [Theory]
    [MemberData(nameof(SampleResolutions))]
    public void Resolving_a_top_level_bracket_closes_it_and_a_nested_one_keeps_the_count(string text, int index, BracketKeep keep, int? alternative)
    {
        var span = Brackets.Parse(text)[index];
        var kept = keep switch
        {
            BracketKeep.Alternative => span.Alternatives[alternative!.Value],
            BracketKeep.Content => text[(span.Start + 1)..(span.End - 1)],
            _ => "",
        };

        var resolved = Resolved(text, index, keep, alternative);

        var before = Brackets.CountOpen(text);
        var after = Brackets.CountOpen(resolved);
        if (span.Depth > 0)
        {
            Assert.Equal(before, after);
        }
        else if (Brackets.CountOpen(kept) == 0)
        {
            Assert.Equal(before - 1, after);
        }
        else
        {
            // Keeping text that holds brackets of its own: they become top-level in its place.
            Assert.Equal(before - 1 + Brackets.CountOpen(kept), after);
        }

        Assert.DoesNotContain("  ", resolved, StringComparison.Ordinal);
        foreach (var mark in new[] { " ,", " ;", " .", " :" })
        {
            Assert.DoesNotContain(mark, resolved, StringComparison.Ordinal);
        }

        Assert.Equal(resolved.Trim(), resolved);
        Assert.Contains(kept.Trim(), resolved, StringComparison.Ordinal);
    }
}
