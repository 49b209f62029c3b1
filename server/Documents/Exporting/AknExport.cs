using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Documents.Exporting.AknNames;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The text as Akoma Ntoso 3.0 XML (OASIS LegalDocML): <c>akomaNtoso/doc</c> with <c>meta</c> (<see cref="AknMeta"/>),
/// a <c>preface</c> (symbol, title, revision and date), the <c>preamble</c> and the <c>mainBody</c>
/// (<see cref="AknBody"/>). Built with LINQ to XML, so every text is escaped by the writer; the same input gives
/// the same bytes. Pure.
/// </summary>
public static class AknExport
{
    /// <summary>Elements whose content is only elements: the only places where layout whitespace may go.</summary>
    private static readonly HashSet<string> Structural =
    [
        "akomaNtoso", "doc", "meta", "identification", "FRBRWork", "FRBRExpression", "FRBRManifestation", "references",
        "proprietary", "preface", "preamble", "recitals", "recital", "container", "mainBody", "paragraph", "hcontainer",
        "content", "ul", "ol", "blockContainer",
    ];

    public static string Write(ExportInput input)
    {
        var name = DocName(input.Document.Kind);
        var preamble = AknBody.PreambleLength(input.Paragraphs);
        var root = new XElement(Akn + "akomaNtoso",
            new XAttribute("xmlns", Akn.NamespaceName), new XAttribute(XNamespace.Xmlns + "wgec", Wgec.NamespaceName),
            E("doc", A("name", name),
                AknMeta.Meta(input, name),
                Preface(input),
                preamble > 0 ? E("preamble", AknBody.Preamble(input.Paragraphs.Take(preamble))) : null,
                E("mainBody", AknBody.MainBody([.. input.Paragraphs.Skip(preamble)]))));
        Indent(root, 0);
        return Serialize(root);
    }

    /// <summary>
    /// <c>recommendations</c> for a recommendations draft, whose preamble and numbered operative part are those of a
    /// resolution; <c>statement</c> for the rolling document, reports and annexes: texts the working group states
    /// rather than decides, made of headings and prose. The exact kind stays in the proprietary metadata.
    /// </summary>
    public static string DocName(DocumentKind kind) => kind == DocumentKind.Recommendations ? "recommendations" : "statement";

    private static XElement Preface(ExportInput input) => E("preface",
        input.Document.Symbol is { Length: > 0 } symbol ? E("p", A("class", "symbol"), E("docNumber", symbol)) : null,
        E("p", A("class", "title"), E("docTitle", input.Document.Title)),
        E("p", A("class", "point"),
            E("docStage", ExportPoint.Label(input)), " · ",
            E("docDate", A("date", XmlConvert.ToString(input.At.UtcDateTime, XmlDateTimeSerializationMode.Utc)), ExportPoint.Date(input))));

    /// <summary>
    /// Line breaks and indentation between the children of structural elements only. The writer's own indenting
    /// would also indent inside a <c>p</c> that starts with an element (<c>&lt;p&gt;&lt;b&gt;…</c>), changing its text.
    /// </summary>
    private static void Indent(XElement element, int depth)
    {
        if (element.Name.Namespace != Akn || !Structural.Contains(element.Name.LocalName) || !element.HasElements)
            return;
        foreach (var child in element.Elements().ToList())
        {
            child.AddBeforeSelf(new XText("\n" + new string(' ', 2 * (depth + 1))));
            Indent(child, depth + 1);
        }
        element.Add(new XText("\n" + new string(' ', 2 * depth)));
    }

    private static string Serialize(XElement root)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None };
        using (var writer = XmlWriter.Create(stream, settings))
            new XDocument(new XText("\n"), root).Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
