using System.Globalization;
using System.Text;

namespace WGEC.Drafting.Documents;

/// <summary>The outcome of <see cref="TextRules.Normalize"/>: the text the server stores, or why it refused.</summary>
public readonly record struct TextCheck(string Text, Refusal? Refusal)
{
    public bool IsValid => Refusal is null;

    public static TextCheck Valid(string text) => new(text, null);

    public static TextCheck Refused(Refusal refusal) => new(string.Empty, refusal);
}

/// <summary>The text rules of PROTOCOL.md §5. The normalised text is authoritative: store and echo it, not the input.</summary>
public static class TextRules
{
    public const int MaxParagraphLength = 20_000;
    public const int MaxTitleLength = 300;
    public const int MaxCommentLength = 4_000;
    public const int MaxRevisionLabelLength = 40;
    public const int MaxClientOpIdLength = 200;
    public const int MaxParagraphs = 5_000;

    /// <summary>
    /// Line ends (CRLF, CR, and the Unicode line and paragraph separators) become <c>\n</c>, the text becomes NFC,
    /// and whitespace, blank lines included, at the two ends of the whole text is trimmed: trailing whitespace
    /// never carries meaning, an edit that only adds a trailing space should not make a new version, and
    /// leading indentation would turn a paragraph into a Markdown code block, which a negotiated text never
    /// means. Whitespace inside the text is kept as typed, since Markdown gives meaning to some of it
    /// (two spaces before a line end make a line break, indentation nests a list).
    /// </summary>
    /// <param name="what">Names the text in messages: "paragraph text", "title", "paragraph 12".</param>
    /// <param name="allowBlankLines">True for texts that are never split into paragraphs (comments).</param>
    /// <summary>
    /// <see cref="Normalize"/> for a one-line value (a title, a name, a symbol): a line break is
    /// <c>invalid</c>, and so is an empty value when it is <paramref name="required"/>.
    /// </summary>
    public static TextCheck NormalizeLine(string? text, int maxLength, string what, bool required = true)
    {
        var check = Normalize(text, maxLength, what);
        if (check.Refusal is not null)
            return check;
        if (check.Text.Contains('\n') || (required && check.Text.Length == 0))
            return TextCheck.Refused(Refusal.Invalid($"{what} is one {(required ? "non-empty " : "")}line"));
        return check;
    }

    public static TextCheck Normalize(string? text, int maxLength, string what, bool allowBlankLines = false)
    {
        if (text is null)
        {
            return TextCheck.Refused(Refusal.Invalid($"{what} is missing"));
        }

        // Checked before anything else: string.Normalize throws on a lone surrogate.
        if (FindForbidden(text) is { } problem)
        {
            return TextCheck.Refused(Refusal.Invalid($"{what} contains {problem}"));
        }

        var normalized = text.ReplaceLineEndings("\n");
        normalized = normalized.IsNormalized(NormalizationForm.FormC) ? normalized : normalized.Normalize(NormalizationForm.FormC);
        normalized = normalized.Trim();

        if (!allowBlankLines && HasBlankLine(normalized))
        {
            return TextCheck.Refused(Refusal.Invalid(
                $"{what} contains a blank line; a blank line separates paragraphs, so split it into two paragraphs"));
        }

        if (normalized.Length > maxLength)
        {
            return TextCheck.Refused(Refusal.TooLarge(
                string.Create(CultureInfo.InvariantCulture, $"{what} is {normalized.Length:N0} characters; the limit is {maxLength:N0}")));
        }

        return TextCheck.Valid(normalized);
    }

    private static string? FindForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if ((scalar & 0xFFFE) == 0xFFFE)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"the noncharacter U+{scalar:X} at position {i + 1}");
                }

                i++;
                continue;
            }

            // Noncharacters are not text (and string.Normalize throws on them).
            if (c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the noncharacter U+{(int)c:X4} at position {i + 1}");
            }

            if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"a lone surrogate (U+{(int)c:X4}) at position {i + 1}");
            }

            // C0 (NUL included), DEL and C1; \n and \t are text, \r is a line end normalised below.
            if (char.IsControl(c) && c is not ('\n' or '\t' or '\r'))
            {
                var name = c == '\0' ? "a NUL character" : string.Create(CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4}");
                return string.Create(CultureInfo.InvariantCulture, $"{name} at position {i + 1}");
            }
        }

        return null;
    }

    /// <summary>A line that is empty or whitespace only, between two lines with text (the text is already trimmed).</summary>
    private static bool HasBlankLine(string text)
    {
        var lineHasText = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (!lineHasText)
                {
                    return true;
                }

                lineHasText = false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineHasText = true;
            }
        }

        return false;
    }
}
