using System.Globalization;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WGEC.Drafting.Rendering;

/// <summary>The Markdig pipeline shared by <see cref="Brackets"/> and <see cref="MarkdownRenderer"/>.</summary>
internal static class BracketMarkdown
{
    /// <summary>Brackets nested deeper than this are still counted but rendered as plain characters,
    /// which bounds Markdig's container walk and the recursive HTML rendering.</summary>
    public const int MaxRenderedDepth = 32;

    /// <summary>Past this many spans in one paragraph the rest render as plain characters: keeps the HTML
    /// (and the sanitiser's work) proportional to the text for a paragraph of thousands of stray brackets.</summary>
    public const int MaxRenderedSpans = 1_000;

    public static MarkdownPipeline CreatePipeline() =>
        new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePreciseSourceLocation()
            .Use<BracketExtension>()
            .Use<NestingLimits>()
            .Build();
}

/// <summary>A bracketed span in the Markdig syntax tree; its children include the <c>[</c> and <c>]</c> themselves.</summary>
internal sealed class BracketInline : ContainerInline
{
    public int Depth { get; init; }

    public bool IsMatched { get; init; }
}

internal sealed class BracketExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<BracketInlineParser>())
        {
            // Before LinkInlineParser, or "[" never reaches us (TOOLCHAIN.md).
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new BracketInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<BracketHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new BracketHtmlRenderer());
        }
    }
}

internal sealed class BracketHtmlRenderer : HtmlObjectRenderer<BracketInline>
{
    protected override void Write(HtmlRenderer renderer, BracketInline obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(obj);
            return;
        }

        var depth = Math.Min(obj.Depth, BracketMarkdown.MaxRenderedDepth).ToString(CultureInfo.InvariantCulture);
        renderer.Write("<span class=\"bracket bracket-depth-").Write(depth);
        renderer.Write(obj.IsMatched ? "\">" : " bracket-unmatched\">");
        renderer.WriteChildren(obj);
        renderer.Write("</span>");
    }
}

/// <summary>
/// Decides, for each <c>[</c> and <c>]</c> Markdig meets, whether it is a negotiation bracket, from one
/// <see cref="BracketScanner"/> pass over the paragraph; links, images and the rest go on to Markdig's parsers.
/// It also listens on <c>!</c>, backtick, backslash and <c>&lt;</c> so that its first call in a paragraph comes
/// before any character the scan depends on (an image's <c>![</c> would otherwise be half-seen).
/// </summary>
internal sealed class BracketInlineParser : InlineParser, IPostInlineProcessor
{
    private static readonly object LogKey = new();

    public BracketInlineParser()
    {
        OpeningCharacters = ['[', ']', '!', '`', '\\', '<'];
    }

    public static IReadOnlyList<BracketSpan> SpansOf(MarkdownDocument document)
    {
        if (document.GetData(LogKey) is not List<BracketSpan> spans)
        {
            return [];
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    public static IReadOnlyList<BracketSpan> SpansOfPlainText(string text) =>
        BracketScanner.Scan(text, 0, text.Length)
            .Select(s => Brackets.ToSpan(s, text, s.Open, s.IsStrayClose ? s.Open + 1 : s.Close < 0 ? text.Length : s.Close + 1, text.Length))
            .ToList();

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // Parser states are cleared by Markdig for every leaf block: one scan per paragraph or heading.
        if (processor.ParserStates[Index] is not BlockState state)
        {
            state = new BlockState(slice.Text, slice.End + 1, BracketScanner.Scan(slice.Text, slice.Start, slice.End + 1));
            processor.ParserStates[Index] = state;
        }

        var at = slice.Start;
        var c = slice.CurrentChar;
        if (c == '[' && state.OpenAt.TryGetValue(at, out var k))
        {
            Open(processor, state, k);
        }
        else if (c == ']' && state.CloseAt.TryGetValue(at, out k))
        {
            Close(processor, state, k);
        }
        else
        {
            return false;
        }

        slice.SkipChar();
        return true;
    }

    private static void Open(InlineProcessor processor, BlockState state, int k)
    {
        var scanned = state.Spans[k];
        var start = processor.GetSourcePosition(scanned.Open, out var line, out var column);
        var end = processor.GetSourcePosition(scanned.Close < 0 ? state.End - 1 : scanned.Close) + 1;
        Log(processor, Brackets.ToSpan(scanned, state.Text, start, end, state.End));

        if (state.OpenContainers.Count >= BracketMarkdown.MaxRenderedDepth || state.Rendered >= BracketMarkdown.MaxRenderedSpans)
        {
            processor.Inline = Literal("[", start, line, column);
            return;
        }

        var bracket = new BracketInline
        {
            Depth = scanned.Depth,
            IsMatched = scanned.Close >= 0,
            IsClosed = false,
            Span = new SourceSpan(start, end - 1),
            Line = line,
            Column = column,
        };
        bracket.AppendChild(Literal("[", start, line, column));
        state.Rendered++;
        state.Containers[k] = bracket;
        state.OpenContainers.Push(bracket);
        processor.Inline = bracket;
    }

    private static void Close(InlineProcessor processor, BlockState state, int k)
    {
        var scanned = state.Spans[k];
        var position = processor.GetSourcePosition(scanned.Close < 0 ? scanned.Open : scanned.Close, out var line, out var column);
        if (scanned.IsStrayClose)
        {
            Log(processor, Brackets.ToSpan(scanned, state.Text, position, position + 1, state.End));
            if (state.Rendered++ >= BracketMarkdown.MaxRenderedSpans)
            {
                processor.Inline = Literal("]", position, line, column);
                return;
            }

            var stray = new BracketInline { Depth = scanned.Depth, IsMatched = false, IsClosed = true, Span = new SourceSpan(position, position), Line = line, Column = column };
            stray.AppendChild(Literal("]", position, line, column));
            processor.Inline = stray;
            return;
        }

        if (state.Containers[k] is not { } bracket)
        {
            processor.Inline = Literal("]", position, line, column);
            return;
        }

        bracket.AppendChild(Literal("]", position, line, column));
        bracket.IsClosed = true;
        while (state.OpenContainers.Count > 0 && !ReferenceEquals(state.OpenContainers.Pop(), bracket))
        {
            // Scanner spans nest properly, so the bracket being closed is the innermost open one.
        }

        // Resolve emphasis inside the bracket now, as Markdig does for a closed link.
        processor.PostProcessInlines(0, bracket, null, false);
        processor.Inline = bracket;
    }

    public bool PostProcess(InlineProcessor state, Inline? root, Inline? lastChild, int postInlineProcessorIndex, bool isFinalProcessing)
    {
        // At the end of a paragraph, unmatched "[" are still open containers: close them, innermost first,
        // and let the later post-processors (emphasis) work inside them.
        if (isFinalProcessing && state.ParserStates[Index] is BlockState block)
        {
            while (block.OpenContainers.Count > 0)
            {
                var bracket = block.OpenContainers.Pop();
                bracket.IsClosed = true;
                state.PostProcessInlines(postInlineProcessorIndex + 1, bracket, null, false);
            }
        }

        return true;
    }

    private static LiteralInline Literal(string text, int position, int line, int column) =>
        new(text) { Span = new SourceSpan(position, position), Line = line, Column = column };

    private static void Log(InlineProcessor processor, BracketSpan span)
    {
        if (processor.Document.GetData(LogKey) is not List<BracketSpan> spans)
        {
            spans = [];
            processor.Document.SetData(LogKey, spans);
        }

        spans.Add(span);
    }

    private sealed class BlockState
    {
        public BlockState(string text, int end, List<ScannedBracket> spans)
        {
            Text = text;
            End = end;
            Spans = spans;
            Containers = new BracketInline?[spans.Count];
            for (var k = 0; k < spans.Count; k++)
            {
                if (spans[k].IsStrayClose)
                {
                    CloseAt[spans[k].Open] = k;
                    continue;
                }

                OpenAt[spans[k].Open] = k;
                if (spans[k].Close >= 0)
                {
                    CloseAt[spans[k].Close] = k;
                }
            }
        }

        public string Text { get; }

        public int End { get; }

        public List<ScannedBracket> Spans { get; }

        public Dictionary<int, int> OpenAt { get; } = [];

        public Dictionary<int, int> CloseAt { get; } = [];

        public BracketInline?[] Containers { get; }

        public Stack<BracketInline> OpenContainers { get; } = new();

        public int Rendered { get; set; }
    }
}
