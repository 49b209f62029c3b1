using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Documents.Exporting.AknNames;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// The <c>&lt;meta&gt;</c> of the Akoma Ntoso export: FRBR identification (work, expression, manifestation), the
/// references the text points to (the working group, and the two concepts brackets refer to), and the
/// negotiation state that Akoma Ntoso has no element for, per paragraph by eId, under <c>proprietary</c>.
/// </summary>
internal static class AknMeta
{
    private const string Source = "#" + WorkingGroup;

    public static XElement Meta(ExportInput input, string docName)
    {
        var document = input.Document;
        // The work is the document whatever its state, so its IRI is the document id (the server keeps no creation
        // date, and a date from the export point would change the work's identity with every export); the
        // expression is the state exported, named by its revision label or version.
        var work = $"/akn/un/doc/{docName}/{WorkingGroup}/{document.Id:N}";
        var point = input.RevisionLabel ?? "v" + document.Version.ToString(CultureInfo.InvariantCulture);
        var expression = $"{work}/eng@{Uri.EscapeDataString(point)}";
        var at = XmlConvert.ToString(input.At.UtcDateTime, XmlDateTimeSerializationMode.Utc);
        return E("meta",
            E("identification", A("source", Source),
                E("FRBRWork", Core(work + "/!main", work, at, "draft"),
                    E("FRBRcountry", A("value", "un")),
                    document.Symbol is { Length: > 0 } symbol ? E("FRBRnumber", A("value", symbol)) : null,
                    E("FRBRname", A("value", document.Title)),
                    // Recommendations to the Commission are not binding (FRBRprescriptive: "a non-normative resolution").
                    E("FRBRprescriptive", A("value", "false"))),
                E("FRBRExpression", Core(expression + "/!main", expression, at, input.RevisionLabel is null ? "version" : "revision"),
                    E("FRBRversionNumber", A("value", point)),
                    E("FRBRlanguage", A("language", "eng"))),
                E("FRBRManifestation", Core(expression + "/!main.xml", expression + ".akn", at, "export"),
                    E("FRBRformat", A("value", "application/akn+xml")))),
            E("references", A("source", Source),
                E("TLCOrganization", A("eId", WorkingGroup), A("href", "/ontology/organization/un/wgec"), A("showAs", "Working Group on Enhanced Cooperation")),
                E("TLCConcept", A("eId", "bracket"), A("href", "/ontology/concept/wgec/bracket"), A("showAs", "Text in square brackets: not agreed")),
                E("TLCConcept", A("eId", "alternative"), A("href", "/ontology/concept/wgec/alternative"), A("showAs", "One of the alternatives offered in a bracket"))),
            Proprietary(input));
    }

    /// <summary>FRBRthis, FRBRuri, FRBRdate and FRBRauthor, which every FRBR level needs, in the schema's order.</summary>
    private static object[] Core(string self, string uri, string at, string dateName) =>
    [
        E("FRBRthis", A("value", self)),
        E("FRBRuri", A("value", uri)),
        E("FRBRdate", A("date", at), A("name", dateName)),
        E("FRBRauthor", A("href", Source)),
    ];

    /// <summary>
    /// The document (id, kind, version, revision label) and, per paragraph keyed by its eId, what the negotiation
    /// knows of it: kind, status, the version at which its text last changed, and its open brackets (PROTOCOL.md §2).
    /// The key is an eId reference in <c>for</c>, as in Akoma Ntoso's own metadata: an attribute named <c>eId</c>
    /// here would break the schema's rule that eIds are unique in the document.
    /// </summary>
    private static XElement Proprietary(ExportInput input)
    {
        var document = input.Document;
        return E("proprietary", A("source", Source),
            new XElement(Wgec + "document",
                A("id", document.Id), A("kind", ProtocolJson.Name(document.Kind)), A("version", document.Version),
                input.RevisionLabel is { } label ? A("revision", label) : null),
            input.Paragraphs.Select(p => new XElement(Wgec + "paragraph",
                A("for", "#" + EId(p)), A("kind", ProtocolJson.Name(p.Kind)), A("status", ProtocolJson.Name(p.Status)),
                A("revision", p.Revision), A("openBrackets", p.OpenBrackets))));
    }
}
