using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Tests.Documents;

public class TextRulesTests
{
    private static TextCheck Paragraph(string? text, bool allowBlankLines = false) =>
        TextRules.Normalize(text, TextRules.MaxParagraphLength, "paragraph text", allowBlankLines);

    [Fact]
    public void Limits_are_those_of_the_protocol() =>
        Assert.Equal(
            (20_000, 300, 4_000, 40, 5_000),
            (TextRules.MaxParagraphLength, TextRules.MaxTitleLength, TextRules.MaxCommentLength, TextRules.MaxRevisionLabelLength, TextRules.MaxParagraphs));

    [Fact]
    public void Valid_text_is_returned_unchanged()
    {
        var check = Paragraph("Recalling [also] the *Tunis* Agenda");
        Assert.True(check.IsValid);
        Assert.Equal("Recalling [also] the *Tunis* Agenda", check.Text);
    }

    [Fact]
    public void Text_is_normalised_to_NFC()
    {
        var check = Paragraph("Coope\u0301ration");
        Assert.Equal("Coop\u00e9ration", check.Text);
    }

    [Theory]
    [InlineData("line one\r\nline two")]
    [InlineData("line one\rline two")]
    [InlineData("line one\nline two")]
    public void Line_ends_become_LF(string text) =>
        Assert.Equal("line one\nline two", Paragraph(text).Text);

    [Fact]
    public void Ends_are_trimmed_and_inner_whitespace_kept() =>
        Assert.Equal("a  b\n  c", Paragraph("\r\n\n  a  b\n  c  \n\n").Text);

    [Fact]
    public void Tab_is_allowed() => Assert.Equal("a\tb", Paragraph("a\tb").Text);

    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("a\u0007b", "U+0007")]
    [InlineData("a\u001Bb", "U+001B")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("a\u009Bb", "U+009B")]
    [InlineData("a\fb", "U+000C")]
    public void Control_characters_are_invalid(string text, string named)
    {
        var refusal = Paragraph(text).Refusal;
        Assert.Equal(ErrorCode.Invalid, refusal?.Code);
        Assert.Contains(named, refusal!.Message, StringComparison.Ordinal);
        Assert.StartsWith("paragraph text", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xFFFE, "U+FFFE")]
    [InlineData(0xFFFF, "U+FFFF")]
    [InlineData(0xFDD0, "U+FDD0")]
    [InlineData(0x1FFFE, "U+1FFFE")]
    [InlineData(0x10FFFF, "U+10FFFF")]
    public void Noncharacters_are_invalid_not_an_exception(int codePoint, string named)
    {
        var refusal = Paragraph("a" + char.ConvertFromUtf32(codePoint) + "b").Refusal;
        Assert.Equal(ErrorCode.Invalid, refusal?.Code);
        Assert.Contains(named, refusal!.Message, StringComparison.Ordinal);
    }

    // Built in code: a lone surrogate in an attribute argument does not survive test discovery intact.
    [Theory]
    [InlineData(0xD800, false)]
    [InlineData(0xDC00, false)]
    [InlineData(0xD83D, true)]
    public void Lone_surrogates_are_invalid(int codeUnit, bool atEnd)
    {
        var text = atEnd ? "ends with " + (char)codeUnit : "a" + (char)codeUnit + "b";
        var refusal = Paragraph(text).Refusal;
        Assert.Equal(ErrorCode.Invalid, refusal?.Code);
        Assert.Contains("surrogate", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrogate_pair_is_valid() => Assert.Equal("flag \uD83C\uDDFA\uD83C\uDDF3", Paragraph("flag \uD83C\uDDFA\uD83C\uDDF3").Text);

    [Fact]
    public void Null_is_invalid() => Assert.Equal(ErrorCode.Invalid, Paragraph(null).Refusal?.Code);

    [Theory]
    [InlineData("first\n\nsecond")]
    [InlineData("first\n   \nsecond")]
    [InlineData("first\r\n\r\nsecond")]
    [InlineData("first\n\t\nsecond")]
    public void Blank_line_inside_a_paragraph_is_invalid(string text)
    {
        var refusal = Paragraph(text).Refusal;
        Assert.Equal(ErrorCode.Invalid, refusal?.Code);
        Assert.Contains("blank line", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_line_is_allowed_where_asked() =>
        Assert.Equal("first\n\nsecond", Paragraph("first\r\n\r\nsecond", allowBlankLines: true).Text);

    [Fact]
    public void Text_at_the_limit_is_valid() =>
        Assert.True(TextRules.Normalize(new string('a', 300), TextRules.MaxTitleLength, "title").IsValid);

    [Fact]
    public void Text_over_the_limit_is_too_large_with_a_readable_message()
    {
        var refusal = Paragraph(new string('a', 20_417)).Refusal;
        Assert.Equal(ErrorCode.TooLarge, refusal?.Code);
        Assert.Equal("paragraph text is 20,417 characters; the limit is 20,000", refusal!.Message);
    }

    [Fact]
    public void Length_is_measured_after_normalisation()
    {
        // 300 "e" + combining acute: 600 UTF-16 units typed, 300 after NFC.
        var check = TextRules.Normalize(string.Concat(Enumerable.Repeat("e\u0301", 300)), TextRules.MaxTitleLength, "title");
        Assert.True(check.IsValid);
        Assert.Equal(300, check.Text.Length);
    }

    [Fact]
    public void Revision_label_limit_names_the_field()
    {
        var refusal = TextRules.Normalize(new string('x', 41), TextRules.MaxRevisionLabelLength, "revision label").Refusal;
        Assert.Equal(ErrorCode.TooLarge, refusal?.Code);
        Assert.StartsWith("revision label is 41 characters", refusal!.Message, StringComparison.Ordinal);
    }
}
