using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>Reading an Akoma Ntoso export back in the tests.</summary>
internal static class Akn
{
    public static readonly XNamespace Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>
    /// The export, parsed keeping whitespace: a space between two inline elements (<c>]&lt;/inline&gt; &lt;inline&gt;</c>)
    /// is text, which a default .NET parse would drop as insignificant.
    /// </summary>
    public static XDocument Export(ExportInput input) => XDocument.Parse(AknExport.Write(input), LoadOptions.PreserveWhitespace);

    public static XElement Doc(XDocument xml) => xml.Root!.Element(Ns + "doc")!;

    /// <summary>The element a paragraph became, found by its eId.</summary>
    public static XElement Of(XDocument xml, ParagraphView paragraph) =>
        xml.Descendants().Single(e => (string?)e.Attribute("eId") == "para_" + paragraph.Id.ToString("N"));

    /// <summary>The text of a paragraph's one block (its <c>p</c> or <c>heading</c>), without the number or layout whitespace.</summary>
    public static string Text(XElement paragraph) =>
        paragraph.Descendants().Single(e => e.Name == Ns + "p" || e.Name == Ns + "heading").Value;

    /// <summary>What a reader of the server's HTML sees: the text of the rendering, tags dropped, entities decoded.</summary>
    public static string HtmlText(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", "")).TrimEnd('\n');

    public static IEnumerable<XElement> Named(XElement scope, string inlineName) =>
        scope.Descendants(Ns + "inline").Where(e => (string?)e.Attribute("name") == inlineName);
}
