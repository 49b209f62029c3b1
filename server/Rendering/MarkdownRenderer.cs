using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using Ganss.Xss;
using Markdig;

namespace WGEC.Drafting.Rendering;

/// <summary>
/// Renders one paragraph's Markdown to HTML that is safe to put into any participant's page (PROTOCOL.md §6).
/// Built once and shared: the Markdig pipeline and the sanitiser are both safe to use from many threads.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "em", "strong", "code", "pre", "a", "span", "blockquote", "ul", "ol", "li", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _pipeline = BracketMarkdown.CreatePipeline();

        var classes = new HashSet<string>(StringComparer.Ordinal) { "bracket", "bracket-unmatched" };
        for (var depth = 0; depth <= BracketMarkdown.MaxRenderedDepth; depth++)
        {
            classes.Add($"bracket-depth-{depth}");
        }

        // An allow-list from empty: no <img> (no remote loads from observers' browsers), no style, no on*.
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "class"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = classes,
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.FilterUrl += (_, e) =>
        {
            // Relative targets are not among the allowed ones either: only absolute http, https, mailto.
            if (!Uri.TryCreate(e.OriginalUrl, UriKind.Absolute, out var uri) || !AllowedSchemes.Contains(uri.Scheme))
            {
                e.SanitizedUrl = null;
            }
        };
    }

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, _pipeline);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Markdig refuses structures nested past its depth limit; show such a text as it was typed.
            html = $"<p>{WebUtility.HtmlEncode(markdown)}</p>";
        }

        using var document = _sanitizer.SanitizeDom(html);
        return document.Body is { } body ? Serialize(body) : string.Empty;
    }

    /// <summary>
    /// The sanitised body as HTML, as the sanitiser's own <c>Sanitize</c> would write it, in one iterative walk over
    /// each element's children by index. AngleSharp's serialiser, and its <c>NextSibling</c>, search the parent's children
    /// for the node each time: quadratic in the number of siblings (a 20,000-character paragraph of <c>`a` </c> makes
    /// 5,000 of them), and the serialiser recurses once per level of nesting.
    /// </summary>
    private static string Serialize(IElement body)
    {
        var formatter = HtmlMarkupFormatter.Instance;
        var html = new StringBuilder();
        var open = new Stack<(INode Parent, int Next)>();
        open.Push((body, 0));
        while (open.TryPop(out var frame))
        {
            var (parent, next) = frame;
            var children = parent.ChildNodes;
            if (next >= children.Length)
            {
                if (parent != body)
                    html.Append(formatter.CloseTag((IElement)parent, false));
                continue;
            }

            open.Push((parent, next + 1));
            switch (children[next])
            {
                case IElement element when element.Flags.HasFlag(NodeFlags.SelfClosing):
                    html.Append(formatter.OpenTag(element, true));
                    break;
                case IElement element:
                    html.Append(formatter.OpenTag(element, false));
                    open.Push((element, 0));
                    break;
                case IComment comment:
                    html.Append(formatter.Comment(comment));
                    break;
                case ICharacterData text:
                    html.Append(formatter.Text(text));
                    break;
            }
        }

        return html.ToString();
    }
}
