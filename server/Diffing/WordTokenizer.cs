using System.Buffers;
using System.Globalization;
using System.Text;

namespace WGEC.Drafting.Diffing;

/// <summary>
/// Words (runs of letters and digits), runs of whitespace, and single other characters, so that
/// <c>[shall</c> is <c>[</c> + <c>shall</c>. Scripts written without spaces (Chinese, Japanese, Thai …)
/// are one token per character: a whole sentence as one "word" would make every edit a conflict.
/// </summary>
public sealed class WordTokenizer : ITokenizer
{
    public static WordTokenizer Instance { get; } = new();

    private enum Kind { None, Word, Space, Single }

    public IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        var current = Kind.None;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
            if (status != OperationStatus.Done)
            {
                width = 1; // a lone surrogate: keep it, as its own token, so the text still round-trips
            }

            var kind = status == OperationStatus.Done ? Classify(rune) : Kind.Single;
            // Combining marks and format characters (accents, variation selectors, ZWJ) belong to the
            // character before them; splitting them off would let a merge separate them.
            var attaches = status == OperationStatus.Done && IsAttaching(rune) && current != Kind.None;
            if (!attaches && (kind != current || kind == Kind.Single))
            {
                if (i > start)
                {
                    tokens.Add(text[start..i]);
                }

                start = i;
                current = kind;
            }

            i += width;
        }

        if (text.Length > start)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    private static Kind Classify(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return Kind.Space;
        }

        if (IsWrittenWithoutSpaces(rune.Value))
        {
            return Kind.Single;
        }

        return Rune.IsLetterOrDigit(rune) || IsAttaching(rune) ? Kind.Word : Kind.Single;
    }

    private static bool IsAttaching(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or
        UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    private static bool IsWrittenWithoutSpaces(int c) =>
        c is (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x31F0 and <= 0x31FF) // Katakana phonetic extensions
            or (>= 0x3005 and <= 0x3007) // 々 〆 〇
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0xFF66 and <= 0xFF9F) // half-width Katakana
            or (>= 0x20000 and <= 0x3FFFF) // CJK extensions B and later
            or (>= 0x0E00 and <= 0x0EFF) // Thai, Lao
            or (>= 0x1000 and <= 0x109F) // Myanmar
            or (>= 0x1780 and <= 0x17FF); // Khmer
}
