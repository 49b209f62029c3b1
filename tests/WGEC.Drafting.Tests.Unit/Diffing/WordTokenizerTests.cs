using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Tests.Diffing;

public class WordTokenizerTests
{
    private static IReadOnlyList<string> Tokens(string text) => WordTokenizer.Instance.Tokenize(text);

    [Fact]
    public void Brackets_and_punctuation_are_tokens_of_their_own()
    {
        Assert.Equal(["[", "shall", " ", "/", " ", "should", "]", " ", "take", ",", " ", "A", "/", "RES", "/", "67", "/", "195", "."],
            Tokens("[shall / should] take, A/RES/67/195."));
    }

    [Fact]
    public void Whitespace_runs_stay_whole()
    {
        Assert.Equal(["a", "  ", "b", "\n", "c", " \t ", "d"], Tokens("a  b\nc \t d"));
    }

    [Fact]
    public void Accented_words_stay_whole_even_when_decomposed()
    {
        Assert.Equal(["Côte", " ", "d", "\u2019", "Ivoire"], Tokens("Côte d\u2019Ivoire"));
        Assert.Equal(["Co\u0302te", " ", "x"], Tokens("Co\u0302te x"));
    }

    [Fact]
    public void Chinese_and_Japanese_are_one_token_per_character()
    {
        Assert.Equal(["联", "合", "国", "。", "ひ", "ら", "カ", "タ"], Tokens("联合国。ひらカタ"));
        Assert.Equal(["\U00020000", "\U00020001"], Tokens("\U00020000\U00020001"));
    }

    [Fact]
    public void Empty_text_has_no_tokens()
    {
        Assert.Empty(Tokens(""));
    }

    [Fact]
    public void Any_string_round_trips()
    {
        var random = new Random(20240611);
        char[] alphabet = ['a', 'Z', '7', ' ', ' ', '\n', '\t', '[', ']', ',', '.', '/', 'é', '\u0301', '\u200D', '联', 'カ', '\uD83D', '\uDE00', '\uD800', '\u00A0', '\u3000'];
        for (var run = 0; run < 2000; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var tokens = Tokens(text);
            Assert.Equal(text, string.Concat(tokens));
            Assert.DoesNotContain("", tokens);
        }
    }
}
