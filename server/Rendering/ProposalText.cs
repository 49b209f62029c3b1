namespace WGEC.Drafting.Rendering;

/// <summary>
/// How an amendment the chair accepts "bracketed" is written into the text: as in UN practice, the versions
/// stand side by side in one bracket until they are agreed (PROTOCOL.md §6). Pure; no I/O.
/// </summary>
public static class ProposalText
{
    private const string Separator = " / ";

    /// <summary>
    /// <c>[current / proposed]</c>, both trimmed. A <paramref name="current"/> that already is one bracket spanning
    /// the whole text gets <paramref name="proposed"/> as a further alternative (<c>[a / b / proposed]</c>) instead
    /// of a nested bracket; so does a <paramref name="proposed"/> that is one whole bracket (its content is added).
    /// An empty <paramref name="current"/> gives <see cref="BracketedInsertion"/>, an empty
    /// <paramref name="proposed"/> <see cref="BracketedDeletion"/>; a proposal already standing as an alternative
    /// (or equal to the current text) leaves the text unchanged.
    /// </summary>
    public static string BracketedReplacement(string current, string proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);

        current = current.Trim();
        proposed = proposed.Trim();
        if (current.Length == 0)
        {
            return BracketedInsertion(proposed);
        }

        if (proposed.Length == 0)
        {
            return BracketedDeletion(current);
        }

        if (string.Equals(current, proposed, StringComparison.Ordinal))
        {
            return current;
        }

        var added = WholeBracket(proposed) is not null ? Inner(proposed) : proposed;
        if (WholeBracket(current) is { } whole)
        {
            return whole.Alternatives.Contains(added, StringComparer.Ordinal)
                ? current
                : "[" + Inner(current) + Separator + added + "]";
        }

        return "[" + current + Separator + added + "]";
    }

    /// <summary><c>[proposed]</c>, trimmed; unchanged if it already is one whole bracket; empty stays empty.</summary>
    public static string BracketedInsertion(string proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        return Bracketed(proposed.Trim());
    }

    /// <summary><c>[current]</c>, trimmed; unchanged if it already is one whole bracket; empty stays empty.</summary>
    public static string BracketedDeletion(string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Bracketed(current.Trim());
    }

    private static string Bracketed(string text) =>
        text.Length == 0 || WholeBracket(text) is not null ? text : "[" + text + "]";

    /// <summary>The content of a whole bracket, trimmed.</summary>
    private static string Inner(string whole) => whole[1..^1].Trim();

    /// <summary>
    /// The span when <paramref name="text"/> is exactly one matched top-level bracket from its first character to
    /// its last (and has no unmatched bracket anywhere); otherwise null.
    /// </summary>
    internal static BracketSpan? WholeBracket(string text)
    {
        var spans = Brackets.Parse(text);
        if (spans.Count == 0 || spans.Any(s => !s.IsMatched))
        {
            return null;
        }

        var first = spans[0];
        return first.Depth == 0 && first.Start == 0 && first.End == text.Length ? first : null;
    }
}
