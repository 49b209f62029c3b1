using System.Net;
using System.Text;

namespace WGEC.Drafting.Diffing;

/// <summary>Word-level comparison of two texts, for people to read.</summary>
public static class WordDiff
{
    /// <summary>
    /// The <paramref name="to"/> text, HTML-encoded, with removed words in <c>&lt;del&gt;</c> and added
    /// words in <c>&lt;ins&gt;</c>. Neighbouring changes separated only by whitespace form one
    /// <c>&lt;del&gt;</c> followed by one <c>&lt;ins&gt;</c>; a change of whitespace alone is not marked.
    /// </summary>
    public static string ToHtml(string from, string to) => ToHtml(from, to, WordTokenizer.Instance);

    public static string ToHtml(string from, string to, ITokenizer tokenizer)
    {
        if (from == to)
        {
            return WebUtility.HtmlEncode(to);
        }

        var diff = TokenDiff.Compute(from, to, tokenizer);
        var html = new StringBuilder(to.Length * 2);
        var cursor = 0;
        foreach (var change in Fold(diff))
        {
            html.Append(WebUtility.HtmlEncode(TokenDiff.Join(diff.From, cursor, change.FromStart)));
            var removed = TokenDiff.Join(diff.From, change.FromStart, change.FromEnd);
            var added = TokenDiff.Join(diff.To, change.ToStart, change.ToEnd);
            if (string.IsNullOrWhiteSpace(removed) && string.IsNullOrWhiteSpace(added))
            {
                html.Append(WebUtility.HtmlEncode(added));
            }
            else
            {
                Tag(html, "del", removed);
                Tag(html, "ins", added);
            }

            cursor = change.FromEnd;
        }

        html.Append(WebUtility.HtmlEncode(TokenDiff.Join(diff.From, cursor, diff.From.Count)));
        return html.ToString();
    }

    /// <summary>Joins hunks that only unchanged whitespace separates, so a rewritten phrase reads as one change.</summary>
    private static List<Hunk> Fold(TokenDiff diff)
    {
        var folded = new List<Hunk>();
        foreach (var hunk in diff.Hunks)
        {
            if (folded.Count > 0 && OnlyWhitespace(diff.From, folded[^1].FromEnd, hunk.FromStart))
            {
                var last = folded[^1];
                folded[^1] = new Hunk(last.FromStart, hunk.FromEnd, last.ToStart, hunk.ToEnd);
            }
            else
            {
                folded.Add(hunk);
            }
        }

        return folded;
    }

    private static bool OnlyWhitespace(IReadOnlyList<string> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!string.IsNullOrWhiteSpace(tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Tag(StringBuilder html, string tag, string text)
    {
        if (text.Length > 0)
        {
            html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append('>');
        }
    }
}
