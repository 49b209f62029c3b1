namespace WGEC.Drafting.Rendering;

/// <summary>A bracket found by <see cref="BracketScanner"/>, in offsets of the scanned text.</summary>
/// <param name="Open">Offset of <c>[</c>, or of the <c>]</c> itself for a stray closing bracket.</param>
/// <param name="Close">Offset of the matching <c>]</c>; -1 when the <c>[</c> is never closed.</param>
internal sealed record ScannedBracket(int Open, int Close, bool IsStrayClose, List<int>? Separators)
{
    public int Depth { get; set; }
}

/// <summary>
/// Finds the negotiation brackets of one run of inline Markdown (one paragraph or heading) in a single
/// left-to-right pass with an explicit stack: linear time, no recursion. It mirrors how Markdig reads the
/// same characters (code spans, escapes, autolinks, links, images), so that the bracket inline parser that
/// consults it and Markdig never disagree about which <c>[</c> is a link.
/// </summary>
internal static class BracketScanner
{
    // Markdig gives up on link destinations far shorter than this in practice; the cap keeps a text made of
    // thousands of "[x](" bounded (each failed look-ahead costs at most this much).
    private const int MaxLinkTailLength = 2_048;

    private enum Kind { Bracket, Link, Image, Label, Footnote }

    private struct Open
    {
        public int Index;
        public Kind Kind;
        public int SpansBefore;
        public List<int>? Separators;
    }

    public static List<ScannedBracket> Scan(string text, int start, int end)
    {
        var spans = new List<ScannedBracket>();
        var stack = new Stack<Open>();
        var labelAt = -1;
        var failedCodeRuns = new HashSet<int>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < end && IsAsciiPunctuation(text[i + 1]):
                    i += 2;
                    continue;
                case '`':
                    i = SkipCode(text, i, end, failedCodeRuns);
                    continue;
                case '<':
                    i = SkipAutolink(text, i, end);
                    continue;
                case '!' when i + 1 < end && text[i + 1] == '[':
                    stack.Push(new Open { Index = i + 1, Kind = Kind.Image, SpansBefore = spans.Count });
                    i += 2;
                    continue;
                case '[':
                    var kind = i == labelAt ? Kind.Label
                        : i + 1 < end && text[i + 1] == '^' ? Kind.Footnote
                        : Kind.Bracket;
                    stack.Push(new Open { Index = i, Kind = kind, SpansBefore = spans.Count });
                    i++;
                    continue;
                case ']':
                    i = Close(text, i, end, stack, spans, ref labelAt);
                    continue;
                case '/' when i > 0 && i + 1 < end && IsSpace(text[i - 1]) && IsSpace(text[i + 1]) && stack.Count > 0:
                    var top = stack.Pop();
                    (top.Separators ??= []).Add(i);
                    stack.Push(top);
                    i++;
                    continue;
                default:
                    i++;
                    continue;
            }
        }

        // Whatever is still open is an unmatched "[" running to the end of the text.
        while (stack.Count > 0)
        {
            var open = stack.Pop();
            if (open.Kind == Kind.Bracket)
            {
                spans.Add(new ScannedBracket(open.Index, -1, false, open.Separators));
            }
        }

        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        AssignDepths(spans, end);
        return spans;
    }

    private static int Close(string text, int i, int end, Stack<Open> stack, List<ScannedBracket> spans, ref int labelAt)
    {
        if (stack.Count == 0)
        {
            spans.Add(new ScannedBracket(i, i, true, null));
            return i + 1;
        }

        var open = stack.Pop();
        var next = i + 1 < end ? text[i + 1] : '\0';
        switch (open.Kind)
        {
            case Kind.Image:
                // Images are never rendered: brackets in their alt text would be invisible, so they do not count.
                spans.RemoveRange(open.SpansBefore, spans.Count - open.SpansBefore);
                return next == '(' && TrySkipLinkTail(text, i + 1, end, out var afterImage) ? afterImage : i + 1;
            case Kind.Label or Kind.Footnote:
                return i + 1;
        }

        if (next == '(' && TrySkipLinkTail(text, i + 1, end, out var afterLink))
        {
            return afterLink;
        }

        if (next == '[')
        {
            labelAt = i + 1; // [text][label] and [text][]: a reference link.
            return i + 1;
        }

        if (next == ':' && stack.Count == 0 && IsAtLineStart(text, open.Index))
        {
            return i + 1; // [label]: a link reference definition.
        }

        spans.Add(new ScannedBracket(open.Index, i, false, open.Separators));
        return i + 1;
    }

    /// <summary>Depth = number of enclosing bracket spans. Spans nest properly, so one stack of ends suffices.</summary>
    private static void AssignDepths(List<ScannedBracket> spans, int end)
    {
        var ends = new Stack<int>();
        foreach (var span in spans)
        {
            var spanEnd = span.IsStrayClose ? span.Open + 1 : span.Close < 0 ? end : span.Close + 1;
            while (ends.Count > 0 && ends.Peek() <= span.Open)
            {
                ends.Pop();
            }

            span.Depth = ends.Count;
            ends.Push(spanEnd);
        }
    }

    /// <summary>A code span opens with a run of n backticks and closes at the next run of exactly n (CommonMark).</summary>
    private static int SkipCode(string text, int i, int end, HashSet<int> failedRuns)
    {
        var runEnd = i;
        while (runEnd < end && text[runEnd] == '`')
        {
            runEnd++;
        }

        var length = runEnd - i;
        // Once a run of this length found no closer, none later can: keeps many unmatched runs linear.
        if (failedRuns.Contains(length))
        {
            return runEnd;
        }

        var j = runEnd;
        while (j < end)
        {
            if (text[j] != '`')
            {
                j++;
                continue;
            }

            var closeEnd = j;
            while (closeEnd < end && text[closeEnd] == '`')
            {
                closeEnd++;
            }

            if (closeEnd - j == length)
            {
                return closeEnd;
            }

            j = closeEnd;
        }

        failedRuns.Add(length);
        return runEnd;
    }

    /// <summary>Skips a URI autolink <c>&lt;scheme:...&gt;</c>, which Markdig reads as one unit.</summary>
    private static int SkipAutolink(string text, int i, int end)
    {
        var j = i + 1;
        var schemeStart = j;
        while (j < end && j - schemeStart <= 32 && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '+' or '.' or '-'))
        {
            j++;
        }

        var schemeLength = j - schemeStart;
        if (schemeLength < 2 || schemeLength > 32 || !char.IsAsciiLetter(text[schemeStart]) || j >= end || text[j] != ':')
        {
            return i + 1;
        }

        for (j++; j < end; j++)
        {
            var c = text[j];
            if (c == '>')
            {
                return j + 1;
            }

            if (c is '<' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return i + 1;
            }
        }

        return i + 1;
    }

    /// <summary>Skips <c>(destination "title")</c> after a link text; false when it is not a well-formed link tail.</summary>
    private static bool TrySkipLinkTail(string text, int i, int end, out int after)
    {
        after = i;
        var limit = Math.Min(end, i + MaxLinkTailLength);
        var j = SkipSpaces(text, i + 1, limit);
        if (j < limit && text[j] == '<')
        {
            for (j++; j < limit && text[j] != '>'; j++)
            {
                if (text[j] is '<' or '\n')
                {
                    return false;
                }

                if (text[j] == '\\')
                {
                    j++;
                }
            }

            if (j >= limit)
            {
                return false;
            }

            j++;
        }
        else
        {
            var parens = 0;
            for (; j < limit; j++)
            {
                var c = text[j];
                if (c == '\\')
                {
                    j++;
                }
                else if (c == '(')
                {
                    parens++;
                }
                else if (c == ')')
                {
                    if (parens == 0)
                    {
                        break;
                    }

                    parens--;
                }
                else if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    break;
                }
            }

            if (parens != 0)
            {
                return false;
            }
        }

        var beforeTitle = j;
        j = SkipSpaces(text, j, limit);
        if (j < limit && j > beforeTitle && text[j] is '"' or '\'' or '(')
        {
            var closer = text[j] == '(' ? ')' : text[j];
            for (j++; j < limit && text[j] != closer; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                }
            }

            if (j >= limit)
            {
                return false;
            }

            j = SkipSpaces(text, j + 1, limit);
        }

        if (j >= limit || text[j] != ')')
        {
            return false;
        }

        after = j + 1;
        return true;
    }

    private static int SkipSpaces(string text, int i, int limit)
    {
        while (i < limit && text[i] is ' ' or '\t' or '\n')
        {
            i++;
        }

        return i;
    }

    private static bool IsAtLineStart(string text, int i)
    {
        var spaces = 0;
        for (var j = i - 1; j >= 0 && text[j] != '\n'; j--)
        {
            if (text[j] != ' ' || ++spaces > 3)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n';

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
}
