using System.Text;
using System.Xml.Linq;
using Markdig.Syntax.Inlines;
using WGEC.Drafting.Rendering;
using static WGEC.Drafting.Documents.Exporting.AknNames;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// A negotiation bracket as <c>&lt;inline name="bracket" refersTo="#bracket"&gt;</c> around the bracket's whole
/// text, the square brackets included, so that the text content stays exactly the text; nested brackets nest.
/// When the bracket offers alternatives (<c>[shall / should]</c>, PROTOCOL.md §6), each one is an
/// <c>&lt;inline name="alternative" refersTo="#alternative"&gt;</c>, trimmed as the server trims them, with the
/// separators and the whitespace around them left as text between. An unmatched bracket is marked
/// <c>class="unmatched"</c>, as the HTML marks it.
/// </summary>
internal static class AknBrackets
{
    public static XElement Bracket(BracketInline bracket)
    {
        var children = bracket.ToList();
        var open = children is [LiteralInline { Content: var first }, ..] && first.ToString() == "[" ? 1 : 0;
        var close = bracket.IsMatched && children.Count > open && children[^1] is LiteralInline { Content: var last } && last.ToString() == "]" ? 1 : 0;
        return E("inline", A("name", "bracket"), A("refersTo", "#bracket"), bracket.IsMatched ? null : A("class", "unmatched"),
            open == 1 ? "[" : null,
            Inner(children[open..(children.Count - close)]),
            close == 1 ? "]" : null);
    }

    /// <summary>
    /// The content between the square brackets, split into alternatives at each " / " of its own level: a slash with
    /// whitespace on both sides in its own literal text (not inside a nested bracket, a link, code or emphasis, and
    /// not an escaped <c>\/</c>), as <see cref="BracketScanner"/> finds them.
    /// </summary>
    private static List<object> Inner(IReadOnlyList<Inline> inlines)
    {
        var groups = new List<List<object>> { new() };
        for (var k = 0; k < inlines.Count; k++)
        {
            if (Text(inlines[k]) is not { } text)
            {
                groups[^1].AddRange(AknText.Inline(inlines[k]));
                continue;
            }
            var escaped = inlines[k] is LiteralInline { IsFirstCharacterEscaped: true };
            var before = k > 0 && Text(inlines[k - 1]) is { Length: > 0 } previous ? previous[^1] : '\0';
            var after = k + 1 < inlines.Count && Text(inlines[k + 1]) is { Length: > 0 } next ? next[0] : '\0';
            var from = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '/' || (i == 0 && escaped))
                    continue;
                if (IsSpace(i > 0 ? text[i - 1] : before) && IsSpace(i + 1 < text.Length ? text[i + 1] : after))
                {
                    groups[^1].Add(text[from..i]);
                    groups.Add([]);
                    from = i + 1;
                }
            }
            groups[^1].Add(text[from..]);
        }
        return groups.Count == 1 ? groups[0] : Alternatives(groups);
    }

    /// <summary>Each group as an alternative element, its outer whitespace outside it, and "/" between.</summary>
    private static List<object> Alternatives(List<List<object>> groups)
    {
        var result = new List<object>();
        for (var g = 0; g < groups.Count; g++)
        {
            if (g > 0)
                result.Add("/");
            var items = Merge(groups[g]);
            var lead = items is [string head, ..] ? head[..(head.Length - head.TrimStart().Length)] : "";
            if (lead.Length > 0)
                items[0] = ((string)items[0])[lead.Length..];
            var trail = items is [.., string tail] ? tail[tail.TrimEnd().Length..] : "";
            if (trail.Length > 0)
                items[^1] = ((string)items[^1])[..^trail.Length];
            if (lead.Length > 0)
                result.Add(lead);
            result.Add(E("inline", A("name", "alternative"), A("refersTo", "#alternative"), items));
            if (trail.Length > 0)
                result.Add(trail);
        }
        return result;
    }

    /// <summary>Adjacent strings as one, so that trimming sees all the whitespace at an edge.</summary>
    private static List<object> Merge(List<object> items)
    {
        var merged = new List<object>();
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (item is string s)
            {
                text.Append(s);
                continue;
            }
            if (text.Length > 0)
                merged.Add(text.ToString());
            text.Clear();
            merged.Add(item);
        }
        if (text.Length > 0)
            merged.Add(text.ToString());
        return merged;
    }

    /// <summary>The raw text of a literal or a soft line break (where a separator may sit); null for anything else.</summary>
    private static string? Text(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        LineBreakInline { IsHard: false } => "\n",
        _ => null,
    };

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n';
}
