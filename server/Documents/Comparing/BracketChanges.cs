using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Comparing;

/// <summary>
/// Which bracketed spans one paragraph gained and lost between two texts. The spans compared are the
/// ones <see cref="Brackets.CountOpen"/> counts (top-level, or unmatched at any depth), so the two
/// counts always explain the change in open brackets; a span is the same in both texts when its
/// bracketed text is ("[shall / should]" edited to "[shall]" closes one and opens one).
/// </summary>
public static class BracketChanges
{
    public static (int Opened, int Closed) Between(string from, string to)
    {
        if (from == to)
            return (0, 0);
        var before = Spans(from);
        var opened = 0;
        foreach (var (span, count) in Spans(to))
        {
            var kept = Math.Min(count, before.GetValueOrDefault(span));
            opened += count - kept;
            before[span] = before.GetValueOrDefault(span) - kept;
        }
        return (opened, before.Values.Sum());
    }

    /// <summary>Each compared span's bracketed text, with how often it occurs.</summary>
    private static Dictionary<string, int> Spans(string text)
    {
        var spans = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var span in Brackets.Parse(text))
        {
            if (span.Depth == 0 || !span.IsMatched)
                spans[text[span.Start..span.End]] = spans.GetValueOrDefault(text[span.Start..span.End]) + 1;
        }
        return spans;
    }
}
