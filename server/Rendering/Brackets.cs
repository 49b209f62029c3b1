using System.Collections;
using Markdig;

namespace WGEC.Drafting.Rendering;

/// <summary>
/// One bracketed span of a text (PROTOCOL.md §6). <see cref="Start"/> is the UTF-16 offset of <c>[</c>;
/// <see cref="End"/> is just past the matching <c>]</c>, or the end of the paragraph for an unmatched <c>[</c>.
/// A stray <c>]</c> is a span of that one character with no alternatives and <see cref="IsMatched"/> false.
/// </summary>
/// <param name="Alternatives">The inner text split on " / " at this bracket's own level, trimmed.</param>
public sealed record BracketSpan(int Start, int End, int Depth, IReadOnlyList<string> Alternatives)
{
    /// <summary>False for a <c>[</c> that is never closed and for a <c>]</c> that closes nothing.</summary>
    public bool IsMatched { get; init; } = true;
}

/// <summary>
/// The one bracket parser that counting, rendering and diffing share. It reads the text through the same
/// Markdig pipeline as <see cref="MarkdownRenderer"/> (block structure, code, links, images, escapes), so a
/// span counted here is exactly a span rendered there.
/// </summary>
public static class Brackets
{
    private static readonly MarkdownPipeline Pipeline = BracketMarkdown.CreatePipeline();

    public static IReadOnlyList<BracketSpan> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length == 0)
        {
            return [];
        }

        try
        {
            return BracketInlineParser.SpansOf(Markdown.Parse(markdown, Pipeline));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Markdig refuses block structures nested past its depth limit (e.g. thousands of ">").
            // Such a text renders as plain text (MarkdownRenderer), so read it as one plain run.
            return BracketInlineParser.SpansOfPlainText(markdown);
        }
    }

    /// <summary>Top-level spans plus every unmatched <c>[</c> or <c>]</c> at any depth (PROTOCOL.md §6).</summary>
    public static int CountOpen(string markdown) => Parse(markdown).Count(s => s.Depth == 0 || !s.IsMatched);

    internal static BracketSpan ToSpan(ScannedBracket scanned, string text, int start, int end, int textEnd) =>
        new(start, end, scanned.Depth, scanned.IsStrayClose
            ? []
            : new LazyAlternatives(text, scanned.Open + 1, scanned.Close < 0 ? textEnd : scanned.Close, scanned.Separators))
        {
            IsMatched = !scanned.IsStrayClose && scanned.Close >= 0,
        };

    /// <summary>
    /// Split on first use: a pathological text of 20,000 nested brackets would otherwise allocate the inner
    /// text of every one of them (quadratic memory) though nobody reads them.
    /// </summary>
    private sealed class LazyAlternatives(string text, int innerStart, int innerEnd, List<int>? separators) : IReadOnlyList<string>
    {
        private string[]? _items;

        private string[] Items => _items ??= Split();

        public string this[int index] => Items[index];

        public int Count => Items.Length;

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private string[] Split()
        {
            if (separators is null)
            {
                return [text[innerStart..innerEnd].Trim()];
            }

            var items = new string[separators.Count + 1];
            var from = innerStart;
            for (var k = 0; k < separators.Count; k++)
            {
                items[k] = text[from..separators[k]].Trim();
                from = separators[k] + 1;
            }

            items[^1] = text[from..innerEnd].Trim();
            return items;
        }
    }
}
