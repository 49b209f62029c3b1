using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Importing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Rendering;

public class ProposalTextTests
{
    // --- replacement ---

    [Fact]
    public void A_replacement_stands_beside_the_current_text_in_one_bracket() =>
        Assert.Equal("[shall / should]", ProposalText.BracketedReplacement("shall", "should"));

    [Fact]
    public void A_replacement_trims_both_versions() =>
        Assert.Equal("[shall / should]", ProposalText.BracketedReplacement("  shall\n", "\tshould  "));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_replacement_of_nothing_is_an_insertion(string current) =>
        Assert.Equal("[should]", ProposalText.BracketedReplacement(current, " should "));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_replacement_by_nothing_is_a_deletion(string proposed) =>
        Assert.Equal("[shall]", ProposalText.BracketedReplacement("shall", proposed));

    [Theory]
    [InlineData("[a / b]", "c", "[a / b / c]")]
    [InlineData("[a]", "b", "[a / b]")]
    [InlineData("  [a / b]  ", " c ", "[a / b / c]")]
    [InlineData("[a [x / y] / b]", "c", "[a [x / y] / b / c]")]
    [InlineData("[a / b ]", "c", "[a / b / c]")]
    public void A_replacement_of_a_whole_bracket_adds_an_alternative_instead_of_nesting(string current, string proposed, string expected) =>
        Assert.Equal(expected, ProposalText.BracketedReplacement(current, proposed));

    [Theory]
    [InlineData("[a] and [b]", "c", "[[a] and [b] / c]")]
    [InlineData("[a] b", "c", "[[a] b / c]")]
    [InlineData("a [b]", "c", "[a [b] / c]")]
    [InlineData("[x](http://a)", "y", "[[x](http://a) / y]")]
    public void A_replacement_of_a_text_that_is_not_one_whole_bracket_brackets_it_whole(string current, string proposed, string expected) =>
        Assert.Equal(expected, ProposalText.BracketedReplacement(current, proposed));

    [Theory]
    [InlineData("a", "[b / c]", "[a / b / c]")]
    [InlineData("[a / b]", "[c]", "[a / b / c]")]
    public void A_proposal_that_is_itself_one_whole_bracket_adds_its_content(string current, string proposed, string expected) =>
        Assert.Equal(expected, ProposalText.BracketedReplacement(current, proposed));

    [Theory]
    [InlineData("[a / b]", "b")]
    [InlineData("[a / b]", " a ")]
    [InlineData("shall", "shall")]
    public void A_proposal_that_already_stands_leaves_the_text_unchanged(string current, string proposed) =>
        Assert.Equal(current, ProposalText.BracketedReplacement(current, proposed));

    [Fact]
    public void A_replacement_keeps_document_symbols_whole()
    {
        var text = ProposalText.BracketedReplacement("resolution A/RES/67/195", "decision 2013/9");
        Assert.Equal("[resolution A/RES/67/195 / decision 2013/9]", text);
        Assert.Equal(["resolution A/RES/67/195", "decision 2013/9"], Brackets.Parse(text)[0].Alternatives);
    }

    [Fact]
    public void A_replacement_with_accents_and_surrogate_pairs_is_written_whole() =>
        Assert.Equal("[la volonté 🌍 / l'engagement 𝒜]", ProposalText.BracketedReplacement("la volonté 🌍", "l'engagement 𝒜"));

    [Fact]
    public void Every_sample_paragraph_replaced_becomes_one_bracket_ending_with_the_proposal()
    {
        const string proposed = "the text proposed by one delegation";
        var paragraphs = MarkdownImport.Split(SharedSamples.Read("recommendations.md"), DocumentKind.Recommendations).Paragraphs;
        Assert.NotEmpty(paragraphs);
        foreach (var paragraph in paragraphs)
        {
            var text = ProposalText.BracketedReplacement(paragraph.Text, proposed);
            var whole = ProposalText.WholeBracket(text);
            Assert.NotNull(whole);
            Assert.Equal(1, Brackets.CountOpen(text));
            Assert.Equal(proposed, whole.Alternatives[^1]);
            Assert.Equal(
                ProposalText.WholeBracket(paragraph.Text) is { } current ? current.Alternatives.Count + 1 : 2,
                whole.Alternatives.Count);
        }
    }

    // --- insertion and deletion ---

    [Theory]
    [InlineData("new text", "[new text]")]
    [InlineData("  new text \n", "[new text]")]
    [InlineData("[a] and [b]", "[[a] and [b]]")]
    [InlineData("[x](http://a)", "[[x](http://a)]")]
    [InlineData("[unclosed", "[[unclosed]")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void An_insertion_is_bracketed(string proposed, string expected) =>
        Assert.Equal(expected, ProposalText.BracketedInsertion(proposed));

    [Theory]
    [InlineData("financial support", "[financial support]")]
    [InlineData(" financial support ", "[financial support]")]
    [InlineData("[a] b", "[[a] b]")]
    [InlineData("", "")]
    public void A_deletion_is_bracketed(string current, string expected) =>
        Assert.Equal(expected, ProposalText.BracketedDeletion(current));

    [Theory]
    [InlineData("[shall / should]")]
    [InlineData("[financial support]")]
    [InlineData("[a [b / c] d]")]
    public void Text_that_already_is_one_whole_bracket_is_not_bracketed_again(string text)
    {
        Assert.Equal(text, ProposalText.BracketedInsertion(text));
        Assert.Equal(text, ProposalText.BracketedDeletion(text));
        Assert.Equal(text, ProposalText.BracketedInsertion("  " + text + " "));
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => ProposalText.BracketedReplacement(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => ProposalText.BracketedReplacement("a", null!));
        Assert.Throws<ArgumentNullException>(() => ProposalText.BracketedInsertion(null!));
        Assert.Throws<ArgumentNullException>(() => ProposalText.BracketedDeletion(null!));
    }

    // --- what counts as one whole bracket ---

    [Theory]
    [InlineData("[a / b]", true)]
    [InlineData("[a [b] c]", true)]
    [InlineData("[a] [b]", false)]
    [InlineData("[a] b", false)]
    [InlineData("a [b]", false)]
    [InlineData("[a", false)]
    [InlineData("[a]]", false)]
    [InlineData("[x](http://a)", false)]
    [InlineData("plain", false)]
    [InlineData("", false)]
    public void Whole_bracket_is_one_matched_top_level_span_from_first_to_last_character(string text, bool whole) =>
        Assert.Equal(whole, ProposalText.WholeBracket(text) is not null);
}
