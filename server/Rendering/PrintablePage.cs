using System.Net;
using System.Text;

namespace WGEC.Drafting.Rendering;

/// <summary>
/// The shell of a standalone printable page in the UN style (the compare page, the HTML export): the
/// head with inline CSS only, and the header with the symbol, the title and one line under it. Every
/// piece of user text is encoded here; the caller writes the body between <see cref="Open"/> and <see cref="Close"/>.
/// </summary>
public static class PrintablePage
{
    /// <summary>Inline styles and nothing else: the page loads nothing, whatever a paragraph says.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /// <summary>The rules both pages share; each adds its own (width, columns, margins) after them.</summary>
    public const string Css = """
        *{box-sizing:border-box}
        header{border-bottom:2px solid #000;margin-bottom:1.5em;padding-bottom:.6em}
        .symbol{text-align:right;font-weight:bold;margin:0 0 .8em}
        h1{font-size:15pt;margin:0 0 .3em}
        .number{text-align:right}
        .text{text-align:justify;overflow-wrap:anywhere}
        @page{size:A4;margin:2cm 1.8cm}

        """;

    /// <summary>
    /// Writes everything up to the header's line; the caller adds the rest of the header's content.
    /// The browser tab reads "symbol: title — <paramref name="shortLine"/>".
    /// </summary>
    public static StringBuilder Open(
        StringBuilder html, string css, string? bodyClass, string? symbol, string title, string shortLine, string lineClass, string line)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(symbol is { Length: > 0 } s ? $"{s}: {title}" : title))
            .Append(" — ").Append(Encode(shortLine)).Append("</title>\n")
            .Append("<style>").Append(Css).Append(css).Append("</style>\n</head>\n")
            .Append(bodyClass is null ? "<body>\n" : $"<body class=\"{bodyClass}\">\n").Append("<header>\n");
        if (symbol is { Length: > 0 })
            html.Append("<p class=\"symbol\">").Append(Encode(symbol)).Append("</p>\n");
        return html.Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p class=\"").Append(lineClass).Append("\">").Append(Encode(line)).Append("</p>\n");
    }

    public static string Close(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
