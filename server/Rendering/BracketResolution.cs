using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Rendering;

/// <summary>Either the resolved text or, when the resolution is refused, a human-readable reason.</summary>
public sealed record BracketResolutionResult(string? Text, string? Error)
{
    public bool IsResolved => Error is null;

    public static BracketResolutionResult Resolved(string text) => new(text, null);

    public static BracketResolutionResult Refused(string error) => new(null, error);
}

/// <summary>
/// The chair resolving one bracket of a negotiation text (PROTOCOL.md §6): the span, brackets included, is
/// replaced by what is kept, and the whitespace at the seams is tidied. Pure; no I/O.
/// </summary>
public static class BracketResolution
{
    /// <param name="text">The paragraph's Markdown text.</param>
    /// <param name="bracketIndex">Index into <see cref="Brackets.Parse"/> of <paramref name="text"/> (all spans in order, nested included).</param>
    /// <param name="keep">What to keep in place of the span.</param>
    /// <param name="alternative">0-based alternative; required for <see cref="BracketKeep.Alternative"/>, refused otherwise.</param>
    public static BracketResolutionResult Resolve(string text, int bracketIndex, BracketKeep keep, int? alternative)
    {
        ArgumentNullException.ThrowIfNull(text);

        var spans = Brackets.Parse(text);
        if (bracketIndex < 0 || bracketIndex >= spans.Count)
        {
            return Refused(spans.Count == 0
                ? $"bracket {bracketIndex} does not exist; the text has no brackets"
                : $"bracket {bracketIndex} does not exist; the text has {spans.Count} (0 to {spans.Count - 1})");
        }

        var span = spans[bracketIndex];
        if (!span.IsMatched)
        {
            return Refused(text[span.Start] == ']'
                ? $"bracket {bracketIndex} is a ']' that closes nothing; edit the text instead"
                : $"bracket {bracketIndex} is never closed; edit the text instead");
        }

        string kept;
        switch (keep)
        {
            case BracketKeep.Alternative:
                if (alternative is not { } k)
                {
                    return Refused($"say which alternative of bracket {bracketIndex} to keep");
                }

                if (k < 0 || k >= span.Alternatives.Count)
                {
                    return Refused($"alternative {k} does not exist; bracket {bracketIndex} has {span.Alternatives.Count} (0 to {span.Alternatives.Count - 1})");
                }

                kept = span.Alternatives[k];
                break;
            case BracketKeep.Content or BracketKeep.Nothing when alternative is not null:
                // Contradictory request (keep the content, yet an alternative is named): refuse rather than guess.
                return Refused($"an alternative is only chosen when keeping an alternative, not when keeping {Describe(keep)}");
            case BracketKeep.Content:
                kept = text[(span.Start + 1)..(span.End - 1)];
                break;
            case BracketKeep.Nothing:
                kept = "";
                break;
            default:
                return Refused("say what to keep: an alternative, the content, or nothing");
        }

        return BracketResolutionResult.Resolved(Splice(text[..span.Start], kept, text[span.End..]));
    }

    /// <summary>
    /// <paramref name="before"/> + <paramref name="kept"/> + <paramref name="after"/>, tidying only the whitespace
    /// at the seams (see <see cref="Seam"/>). When nothing but whitespace is kept, the two seams are one.
    /// </summary>
    internal static string Splice(string before, string kept, string after) =>
        IsBlank(kept)
            ? Seam(before, kept + after)
            : Seam(Seam(before, kept), after);

    /// <summary>
    /// Joins two pieces of text, rewriting the run of whitespace where they meet (the end of
    /// <paramref name="left"/> plus the start of <paramref name="right"/>):
    /// <list type="bullet">
    /// <item>removed at the start or the end of the text;</item>
    /// <item>removed before <c>, ; . : ! ? ) ]</c> and after <c>( [</c>;</item>
    /// <item>otherwise one character: kept as is if it was one, else a line break if the run held one, else one space.</item>
    /// </list>
    /// </summary>
    private static string Seam(string left, string right)
    {
        var leftEnd = left.Length;
        while (leftEnd > 0 && IsSpace(left[leftEnd - 1]))
        {
            leftEnd--;
        }

        var rightStart = 0;
        while (rightStart < right.Length && IsSpace(right[rightStart]))
        {
            rightStart++;
        }

        var runLength = left.Length - leftEnd + rightStart;
        if (runLength == 0)
        {
            return left + right;
        }

        var head = left[..leftEnd];
        var tail = right[rightStart..];
        if (head.Length == 0 || tail.Length == 0 || IsCloser(tail[0]) || IsOpener(head[^1]))
        {
            return head + tail;
        }

        var run = left[leftEnd..] + right[..rightStart];
        var joint = runLength == 1 ? run : run.Contains('\n', StringComparison.Ordinal) ? "\n" : " ";
        return head + joint + tail;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    private static bool IsBlank(string s) => s.All(IsSpace);

    private static bool IsCloser(char c) => c is ',' or ';' or '.' or ':' or '!' or '?' or ')' or ']';

    private static bool IsOpener(char c) => c is '(' or '[';

    private static string Describe(BracketKeep keep) => keep == BracketKeep.Content ? "the content" : "nothing";

    private static BracketResolutionResult Refused(string reason) => BracketResolutionResult.Refused(reason);
}
