using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WGEC.Drafting.Rendering;

/// <summary>
/// Keeps Markdig linear on texts that nest without end. Markdig finds where each new inline goes by walking down
/// the open inline containers (every emphasis delimiter and every unclosed <c>[</c> of a link stays open until
/// the paragraph ends), and each new block by walking the open blocks: 10,000 of them make 10,000 × 10,000 steps,
/// a good part of a second for one 20,000-character paragraph, on every read. Markdig's own limit is 10,240.
/// Past these far lower depths the parse stops as it does at Markdig's limit (an <see cref="ArgumentException"/>),
/// and the text is shown as typed: the fallback of <see cref="MarkdownRenderer"/>, <see cref="Brackets"/> and the exports.
/// </summary>
internal sealed class NestingLimits : IMarkdownExtension
{
    /// <summary>Open emphasis delimiters and link openers at once (all of a paragraph's emphasis stays open until its end): 256 emphasised phrases still render.</summary>
    public const int MaxOpenInlines = 512;

    /// <summary>Block quotes and list levels nested in one another.</summary>
    public const int MaxBlockDepth = 32;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // After the bracket parser (it claims its own "[" first, capped at BracketMarkdown.MaxRenderedDepth), before links and emphasis.
        if (!pipeline.InlineParsers.Contains<InlineNestingGuard>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new InlineNestingGuard());
        pipeline.BlockParsers.Replace<QuoteBlockParser>(new ShallowQuoteBlockParser());
        pipeline.BlockParsers.Replace<ListBlockParser>(new ShallowListBlockParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    internal static ArgumentException TooDeep() =>
        new("Markdown elements in the input are nested too deeply to be rendered; the text is shown as typed");

    /// <summary>True when <paramref name="processor"/>'s current container already has <see cref="MaxBlockDepth"/> containers around it.</summary>
    internal static bool IsTooDeep(BlockProcessor processor)
    {
        var depth = 0;
        for (Block? block = processor.CurrentContainer; block is not null and not MarkdownDocument; block = block.Parent)
        {
            if (++depth >= MaxBlockDepth)
                return true;
        }
        return false;
    }
}

internal sealed class ShallowQuoteBlockParser : QuoteBlockParser
{
    public override BlockState TryOpen(BlockProcessor processor) =>
        NestingLimits.IsTooDeep(processor) ? throw NestingLimits.TooDeep() : base.TryOpen(processor);
}

internal sealed class ShallowListBlockParser : ListBlockParser
{
    public override BlockState TryOpen(BlockProcessor processor) =>
        NestingLimits.IsTooDeep(processor) ? throw NestingLimits.TooDeep() : base.TryOpen(processor);
}

/// <summary>Stops the parse at a <c>[</c>, <c>![</c>, <c>*</c> or <c>_</c> once <see cref="NestingLimits.MaxOpenInlines"/> inline containers are open.</summary>
internal sealed class InlineNestingGuard : InlineParser
{
    public InlineNestingGuard()
    {
        OpeningCharacters = ['[', '!', '*', '_'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice) =>
        IsFull(processor) ? throw NestingLimits.TooDeep() : false;

    private static bool IsFull(InlineProcessor processor)
    {
        var depth = 0;
        for (ContainerInline? container = processor.Root; container?.LastChild is ContainerInline { IsClosed: false } next; container = next)
        {
            if (++depth >= NestingLimits.MaxOpenInlines)
                return true;
        }
        return false;
    }
}
