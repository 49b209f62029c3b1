using System.Text;
using System.Text.RegularExpressions;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// Writes Word text as the Markdown the server stores, so that it reads as typed. Characters that
/// Markdown would take as formatting are escaped wherever they stand (<c>\ ` * _</c>, <c>![</c>, an
/// <c>&amp;</c> that starts an entity); at the start of a line, so are those that would start a
/// heading, list, quote, fence or rule (<c># &gt; - + = ~</c>, <c>3.</c> / <c>3)</c>), which also keeps a
/// "#" line from splitting the paragraph on import. Square brackets are never escaped: they are the
/// negotiation's brackets. Bold and italic become <c>**</c> and <c>*</c>, links <c>[text](url)</c>.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>
    /// Escapes and links can make the Markdown far longer than the text (a link target per character):
    /// past this, the paragraph is refused before it is built any further.
    /// </summary>
    public const int MaxLength = 2 * TextRules.MaxParagraphLength;

    /// <param name="startsLine">False when the text follows something on its line (a heading's "# ").</param>
    public static string Write(InlineText text, bool startsLine)
    {
        var markdown = new StringBuilder();
        var atLineStart = startsLine;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '\n')
            {
                markdown.Append('\n');
                atLineStart = true;
                i++;
                continue;
            }
            var link = text.FormatAt(i).Link;
            var end = i;
            while (end < text.Length && text[end] != '\n' && text.FormatAt(end).Link == link)
                end++;
            if (link is null)
                Emphasised(text, i, end, atLineStart, markdown);
            else
                Link(text, i, end, link, atLineStart, markdown);
            atLineStart = false;
            i = end;
            if (markdown.Length > MaxLength)
            {
                throw new RefusedException(Refusal.TooLarge(FormattableString.Invariant(
                    $"a paragraph of the Word document comes to more than {MaxLength:N0} characters of Markdown; the limit is {TextRules.MaxParagraphLength:N0}")));
            }
        }
        return markdown.ToString();
    }

    /// <summary>
    /// An ATX heading on one line. A run of "#" at its end after a space would be read as a closing
    /// sequence and dropped ("Item #" would show as "Item"), so the run's first "#" is escaped.
    /// </summary>
    public static string Heading(int level, string? label, InlineText line)
    {
        var heading = new StringBuilder().Append('#', level).Append(' ');
        if (!string.IsNullOrEmpty(label))
            heading.Append(Escape(label, atLineStart: false)).Append(' ');
        heading.Append(Write(line, startsLine: false));
        var run = heading.Length;
        while (heading[run - 1] == '#')
            run--;
        if (run < heading.Length && heading[run - 1] is ' ' or '\t')
            heading.Insert(run, '\\');
        return heading.ToString();
    }

    /// <summary>Escapes plain text (a list label, a title); see the class summary.</summary>
    public static string Escape(string text, bool atLineStart)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var listMarker = atLineStart ? ListMarker().Match(text) : Match.Empty;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c is '\\' or '`' or '*' or '_'
                || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')
                || (c == '&' && Entity().IsMatch(text.AsSpan(i)))
                || (i == 0 && atLineStart && c is '#' or '>' or '-' or '+' or '=' or '~')
                || (listMarker.Success && i == listMarker.Length - 1);
            if (escape)
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Stretches of one format, each wrapped in its markers. Whitespace goes outside the markers:
    /// "**Recalling **its" would not be bold in Markdown, "**Recalling** its" is.
    /// </summary>
    private static void Emphasised(InlineText text, int from, int to, bool atLineStart, StringBuilder markdown)
    {
        for (var i = from; i < to;)
        {
            var format = text.FormatAt(i);
            var end = i;
            while (end < to && text.FormatAt(end) is var f && f.Bold == format.Bold && f.Italic == format.Italic)
                end++;
            var (core, coreEnd) = (i, end);
            while (core < coreEnd && char.IsWhiteSpace(text[core]))
                core++;
            while (coreEnd > core && char.IsWhiteSpace(text[coreEnd - 1]))
                coreEnd--;
            var marker = format is { Bold: true, Italic: true } ? "***" : format.Bold ? "**" : format.Italic ? "*" : "";
            Append(text, i, core, markdown);
            if (coreEnd > core)
            {
                markdown.Append(marker).Append(Escape(Slice(text, core, coreEnd), atLineStart && i == from && core == i)).Append(marker);
            }
            Append(text, coreEnd, end, markdown);
            i = end;
        }
    }

    /// <summary>A link's text may not hold brackets (they would end it early), so such a link is written as its text and an autolink.</summary>
    private static void Link(InlineText text, int from, int to, string url, bool atLineStart, StringBuilder markdown)
    {
        if (Slice(text, from, to).AsSpan().ContainsAny('[', ']'))
        {
            Emphasised(text, from, to, atLineStart, markdown);
            markdown.Append(" <").Append(Destination(url)).Append('>');
            return;
        }
        markdown.Append('[');
        Emphasised(text, from, to, atLineStart: false, markdown);
        markdown.Append("](").Append(Destination(url)).Append(')');
    }

    /// <summary>A link destination ends at a space or an unbalanced parenthesis: encode them.</summary>
    private static string Destination(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);

    private static void Append(InlineText text, int from, int to, StringBuilder markdown) => markdown.Append(text.Plain, from, to - from);

    private static string Slice(InlineText text, int from, int to) => text.Plain[from..to];

    /// <summary>What CommonMark takes as an ordered list item: up to nine digits, "." or ")", then a space or the end.</summary>
    [GeneratedRegex(@"^[0-9]{1,9}[.)](?=\s|$)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();
}
