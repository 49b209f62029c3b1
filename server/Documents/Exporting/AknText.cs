using System.Xml.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WGEC.Drafting.Rendering;
using static WGEC.Drafting.Documents.Exporting.AknNames;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// One paragraph's Markdown as Akoma Ntoso blocks and inlines, read through the server's own Markdig pipeline so
/// that a bracket here is a bracket in the web client: bold and italic become <c>b</c> and <c>i</c>, links
/// <c>a href</c> (only the targets the HTML keeps), brackets <see cref="AknBrackets"/>. The text content of the
/// result is the text of the server's HTML rendering: images are dropped as the HTML drops them.
/// </summary>
internal static class AknText
{
    private static readonly MarkdownPipeline Pipeline = BracketMarkdown.CreatePipeline();
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    /// <summary>The blocks of a paragraph; at least one, since every content model that holds them needs one.</summary>
    public static List<XElement> Blocks(string markdown)
    {
        if (Parse(markdown) is not { } document)
            return [E("p", markdown)];
        var blocks = Blocks(document).ToList();
        return blocks.Count > 0 ? blocks : [E("p")];
    }

    /// <summary>A heading: the inlines of its first line (a heading or a plain line), and whatever blocks follow it.</summary>
    public static (List<object> Heading, List<XElement> Following) Heading(string markdown)
    {
        if (Parse(markdown) is not { } document)
            return ([markdown], []);
        if (document.FirstOrDefault() is LeafBlock { Inline: var first } and (HeadingBlock or ParagraphBlock))
            return ([.. Inlines(first)], [.. Blocks(document.Skip(1))]);
        return ([], [.. Blocks(document)]);
    }

    private static MarkdownDocument? Parse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Markdig refuses structures nested past its depth limit; the renderer shows such a text as typed.
            return null;
        }
    }

    private static IEnumerable<XElement> Blocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock or ParagraphBlock:
                    yield return E("p", Inlines(((LeafBlock)block).Inline));
                    break;
                case CodeBlock code:
                    yield return E("p", A("class", "code"), code.Lines.ToString());
                    break;
                case ListBlock list:
                    yield return E(list.IsOrdered ? "ol" : "ul", list.OfType<ListItemBlock>().Select(Item));
                    break;
                case QuoteBlock quote when Blocks(quote).ToList() is { Count: > 0 } quoted:
                    yield return E("blockContainer", A("class", "quote"), quoted);
                    break;
                case ContainerBlock container and not QuoteBlock:
                    foreach (var inner in Blocks(container))
                        yield return inner;
                    break;
                    // Thematic breaks and link reference definitions carry no text.
            }
        }
    }

    /// <summary>A list item holds inlines, <c>p</c>, <c>ul</c> and <c>ol</c> only: a quote inside it gives its blocks.</summary>
    private static XElement Item(ListItemBlock item)
    {
        var blocks = Flatten(Blocks(item)).ToList();
        return blocks is [{ HasAttributes: false } only] && only.Name == Akn + "p" ? E("li", only.Nodes()) : E("li", blocks);
    }

    private static IEnumerable<XElement> Flatten(IEnumerable<XElement> blocks) =>
        blocks.SelectMany(b => b.Name == Akn + "blockContainer" ? Flatten(b.Elements()) : [b]);

    public static IEnumerable<object> Inlines(ContainerInline? container) =>
        container is null ? [] : container.SelectMany(Inline);

    public static IEnumerable<object> Inline(Inline inline) => inline switch
    {
        BracketInline bracket => [AknBrackets.Bracket(bracket)],
        LiteralInline literal => [literal.Content.ToString()],
        EmphasisInline { DelimiterCount: >= 2 } strong => [E("b", Inlines(strong))],
        EmphasisInline emphasis => [E("i", Inlines(emphasis))],
        LinkInline { IsImage: true } => [],
        LinkInline link => Safe(link.Url) is { } href ? [E("a", A("href", href), Inlines(link))] : Inlines(link),
        AutolinkInline auto => Safe(auto.IsEmail ? "mailto:" + auto.Url : auto.Url) is { } href ? [E("a", A("href", href), auto.Url)] : [auto.Url],
        CodeInline code => [E("inline", A("name", "code"), code.Content)],
        LineBreakInline { IsHard: true } => [E("br"), "\n"],
        LineBreakInline => ["\n"],
        HtmlEntityInline entity => [entity.Transcoded.ToString()],
        HtmlInline html => [html.Tag],
        ContainerInline container => Inlines(container),
        _ => [],
    };

    /// <summary>The link targets the HTML sanitiser keeps (absolute http, https, mailto); others lose the link, not the text.</summary>
    private static string? Safe(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme) ? url : null;
}
