using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>How a stretch of text looks: a character style of ours (<c>Code</c>, <c>StatusTag</c>) and a link target.</summary>
public sealed record TextStyle(bool Bold = false, bool Italic = false, string? CharacterStyle = null, string? Link = null)
{
    public static readonly TextStyle Plain = new();
}

/// <summary>
/// A stretch of what a reader sees, tied to where it was typed: the Markdown source <c>[Start, End)</c>.
/// When <see cref="Exact"/>, <see cref="Text"/> is that source itself, so any part of it can be cut out by
/// source offsets (what a word diff gives); otherwise (an escape, an entity, a line break, a list marker)
/// it is taken or left whole, by its <see cref="Start"/>.
/// </summary>
public sealed record TextPiece(int Start, int End, string Text, TextStyle Style, bool Exact, bool IsBreak = false)
{
    /// <summary>Text that is not typed in the paragraph (a number, a tab, a status tag).</summary>
    public static TextPiece Added(string text, TextStyle? style = null) => new(0, 0, text, style ?? TextStyle.Plain, false);
}

/// <summary>A paragraph's Markdown as pieces of text, and its heading level (0 when it is no Markdown heading).</summary>
public sealed record MarkdownText(IReadOnlyList<TextPiece> Pieces, int HeadingLevel);

/// <summary>
/// Inline Markdown to runs: bold, italic, inline code, links (http, https and mailto only, as the HTML
/// rendering allows) and line breaks; brackets stay exactly as typed (they are plain text to Word). Blocks
/// inside one paragraph (a list, a quote) follow each other after a line break. Parsed with the pipeline the
/// HTML rendering and the bracket counter use. Pure.
/// </summary>
public static class MarkdownRuns
{
    private static readonly MarkdownPipeline Pipeline = BracketMarkdown.CreatePipeline();
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public static MarkdownText Parse(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Nested past Markdig's depth limit: shown as typed, as the HTML rendering does.
            return new MarkdownText([new TextPiece(0, markdown.Length, markdown, TextStyle.Plain, true)], 0);
        }
        var pieces = new List<TextPiece>();
        var level = 0;
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is not (ParagraphBlock or HeadingBlock or CodeBlock))
                continue;
            if (pieces.Count > 0)
                pieces.Add(Break(markdown, block.Span.Start));
            if (block is HeadingBlock heading && level == 0)
                level = heading.Level;
            if (block.Parent is ListItemBlock { Parent: ListBlock list } item && item.Count > 0 && item[0] == block)
                pieces.Add(new TextPiece(item.Span.Start, block.Span.Start, list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : "\u2022 ", TextStyle.Plain, false));
            if (block is CodeBlock code)
                Code(markdown, code, pieces);
            else if (block.Inline is { } inline)
                Inlines(markdown, inline, TextStyle.Plain, pieces);
        }
        return new MarkdownText(pieces, level);
    }

    /// <summary>The pieces, or parts of them, typed at source offsets <c>[start, end)</c>.</summary>
    public static IEnumerable<TextPiece> Slice(IEnumerable<TextPiece> pieces, int start, int end)
    {
        foreach (var p in pieces)
        {
            if (p.Exact)
            {
                var (a, b) = (Math.Max(p.Start, start), Math.Min(p.End, end));
                if (a < b)
                    yield return p with { Start = a, End = b, Text = p.Text[(a - p.Start)..(b - p.Start)] };
            }
            else if (start <= p.Start && p.Start < end)
            {
                yield return p;
            }
        }
    }

    /// <summary>The first word in italics, as UN resolutions set the participle or verb that opens a paragraph.</summary>
    public static IReadOnlyList<TextPiece> ItalicizeFirstWord(IReadOnlyList<TextPiece> pieces)
    {
        var k = pieces.ToList().FindIndex(p => !p.IsBreak && p.Text.Any(char.IsLetter));
        if (k < 0 || pieces[k].Style.Italic)
            return pieces;
        var p = pieces[k];
        var first = p.Text.ToList().FindIndex(char.IsLetter);
        var end = first;
        while (end < p.Text.Length && (char.IsLetterOrDigit(p.Text[end]) || p.Text[end] == '-'))
            end++;
        // A character style, not direct italics: the opening word's slant is the document's layout, not
        // the author's emphasis (so a re-import does not turn it into *Recalling*).
        var italic = p.Style with { CharacterStyle = DocxStyles.OpeningWord };
        List<TextPiece> replaced = p.Exact
            ?
            [
                p with { End = p.Start + first, Text = p.Text[..first] },
                p with { Start = p.Start + first, End = p.Start + end, Text = p.Text[first..end], Style = italic },
                p with { Start = p.Start + end, Text = p.Text[end..] },
            ]
            : [p with { Style = italic }];
        return [.. pieces.Take(k), .. replaced.Where(r => r.Text.Length > 0), .. pieces.Skip(k + 1)];
    }

    private static void Inlines(string source, ContainerInline container, TextStyle style, List<TextPiece> pieces)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Leaf(source, literal.Content.ToString(), literal.Span, style, pieces);
                    break;
                case CodeInline code:
                    Leaf(source, code.Content, code.Span, style with { CharacterStyle = "Code" }, pieces);
                    break;
                case HtmlEntityInline entity:
                    Leaf(source, entity.Transcoded.ToString(), entity.Span, style, pieces);
                    break;
                case AutolinkInline auto:
                    Leaf(source, auto.Url, auto.Span, style with { Link = Safe(auto.IsEmail ? "mailto:" + auto.Url : auto.Url) }, pieces);
                    break;
                case LineBreakInline lineBreak:
                    pieces.Add(lineBreak.IsHard
                        ? Break(source, lineBreak.Span.End)
                        : new TextPiece(lineBreak.Span.Start, lineBreak.Span.End + 1, " ", style, false));
                    break;
                case EmphasisInline emphasis:
                    Inlines(source, emphasis, emphasis.DelimiterCount >= 2 ? style with { Bold = true } : style with { Italic = true }, pieces);
                    break;
                case LinkInline { IsImage: false } link:
                    Inlines(source, link, style with { Link = Safe(link.Url) }, pieces);
                    break;
                case ContainerInline other:
                    Inlines(source, other, style, pieces);
                    break;
            }
        }
    }

    private static void Code(string source, CodeBlock code, List<TextPiece> pieces)
    {
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var line = code.Lines.Lines[i].Slice;
            if (i > 0)
                pieces.Add(Break(source, line.Start));
            Leaf(source, line.ToString(), new SourceSpan(line.Start, line.End), new TextStyle(CharacterStyle: "Code"), pieces);
        }
    }

    /// <summary>A piece for text shown at source span <c>[start, end]</c> (Markdig's ends are inclusive).</summary>
    private static void Leaf(string source, string text, SourceSpan span, TextStyle style, List<TextPiece> pieces)
    {
        if (text.Length == 0)
            return;
        var (start, end) = (Math.Clamp(span.Start, 0, source.Length), Math.Clamp(span.End + 1, 0, source.Length));
        var at = start < end ? source.AsSpan(start, end - start).IndexOf(text, StringComparison.Ordinal) : -1;
        pieces.Add(at >= 0
            ? new TextPiece(start + at, start + at + text.Length, text, style, true)
            : new TextPiece(start, Math.Max(start, end), text, style, false));
    }

    /// <summary>A line break, at the newline before <paramref name="at"/> (where a word diff sees it).</summary>
    private static TextPiece Break(string source, int at)
    {
        var newline = source.LastIndexOf('\n', Math.Clamp(at, 0, Math.Max(0, source.Length - 1)));
        var position = newline >= 0 ? newline : Math.Max(0, at);
        return new TextPiece(position, position + 1, "", TextStyle.Plain, false, IsBreak: true);
    }

    private static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme) ? uri.AbsoluteUri : null;
}
