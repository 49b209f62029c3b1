using System.Net;
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

        return _sanitizer.Sanitize(html);
    }
}
