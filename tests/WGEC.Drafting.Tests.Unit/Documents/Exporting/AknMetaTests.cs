using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using static WGEC.Drafting.Tests.Documents.Exporting.Akn;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>The Akoma Ntoso <c>meta</c>: identification, references, and the negotiation state per paragraph.</summary>
public class AknMetaTests
{
    private static readonly XNamespace Wgec = "urn:wgec-drafting:akn:1";

    [Fact]
    public void Identification_has_the_frbr_levels_in_schema_order_with_what_the_schema_requires()
    {
        var meta = Doc(Export(Draft())).Element(Ns + "meta")!;

        Assert.Equal(["identification", "references", "proprietary"], meta.Elements().Select(e => e.Name.LocalName));
        var identification = meta.Element(Ns + "identification")!;
        Assert.Equal("#wgec", (string?)identification.Attribute("source"));
        Assert.Equal(["FRBRWork", "FRBRExpression", "FRBRManifestation"], identification.Elements().Select(e => e.Name.LocalName));
        string[] core = ["FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"];
        Assert.Equal([.. core, "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRprescriptive"], Names(identification, "FRBRWork"));
        Assert.Equal([.. core, "FRBRversionNumber", "FRBRlanguage"], Names(identification, "FRBRExpression"));
        Assert.Equal([.. core, "FRBRformat"], Names(identification, "FRBRManifestation"));
        var work = identification.Element(Ns + "FRBRWork")!;
        Assert.Equal("/akn/un/doc/recommendations/wgec/00000000000040008000000000000999", (string?)work.Element(Ns + "FRBRuri")!.Attribute("value"));
        Assert.Equal("un", (string?)work.Element(Ns + "FRBRcountry")!.Attribute("value"));
        Assert.Equal(Symbol, (string?)work.Element(Ns + "FRBRnumber")!.Attribute("value"));
        var expression = identification.Element(Ns + "FRBRExpression")!;
        Assert.Equal("/akn/un/doc/recommendations/wgec/00000000000040008000000000000999/eng@Rev.1", (string?)expression.Element(Ns + "FRBRuri")!.Attribute("value"));
        Assert.Equal("eng", (string?)expression.Element(Ns + "FRBRlanguage")!.Attribute("language"));
        Assert.All(identification.Descendants(Ns + "FRBRdate"), d => Assert.Equal("2014-03-12T09:07:00Z", (string?)d.Attribute("date")));
        Assert.All(identification.Descendants(Ns + "FRBRauthor"), a => Assert.Equal("#wgec", (string?)a.Attribute("href")));
    }

    [Fact]
    public void References_name_the_working_group_and_the_concepts_brackets_refer_to()
    {
        var references = Doc(Export(Draft())).Descendants(Ns + "references").Single();

        var group = references.Element(Ns + "TLCOrganization")!;
        Assert.Equal("wgec", (string?)group.Attribute("eId"));
        Assert.Equal("Working Group on Enhanced Cooperation", (string?)group.Attribute("showAs"));
        Assert.NotNull((string?)group.Attribute("href"));
        Assert.Equal(["bracket", "alternative"], references.Elements(Ns + "TLCConcept").Select(c => (string?)c.Attribute("eId")));
    }

    [Fact]
    public void Proprietary_holds_each_paragraphs_status_revision_and_open_brackets_keyed_by_eId()
    {
        var input = Input([
            Paragraph(1, ParagraphKind.Operative, "Recommends [a / b] and [c];", "1", ParagraphStatus.Draft, revision: 12),
            Paragraph(2, ParagraphKind.Operative, "Decides to meet.", "2", ParagraphStatus.AgreedAdRef, revision: 5),
            Paragraph(3, ParagraphKind.Operative, "Welcomes the report.", "2 bis", ParagraphStatus.Agreed, revision: 9),
        ]);
        var proprietary = Doc(Export(input)).Descendants(Ns + "proprietary").Single();

        Assert.Equal("#wgec", (string?)proprietary.Attribute("source"));
        Assert.All(proprietary.Elements(), e => Assert.Equal(Wgec, e.Name.Namespace));
        var document = proprietary.Element(Wgec + "document")!;
        Assert.Equal(["recommendations", "42", "Rev.1"], new[] { "kind", "version", "revision" }.Select(a => (string?)document.Attribute(a)));
        var paragraphs = proprietary.Elements(Wgec + "paragraph").ToDictionary(p => (string)p.Attribute("for")!);
        Assert.Equal(input.Paragraphs.Select(p => "#" + AknNames.EId(p)), paragraphs.Keys);
        Assert.Equal(["draft", "12", "2"], Values(paragraphs["#" + AknNames.EId(input.Paragraphs[0])]));
        Assert.Equal(["agreed-ad-ref", "5", "0"], Values(paragraphs["#" + AknNames.EId(input.Paragraphs[1])]));
        Assert.Equal(["agreed", "9", "0"], Values(paragraphs["#" + AknNames.EId(input.Paragraphs[2])]));
    }

    [Fact]
    public void Hostile_text_is_escaped_and_the_xml_stays_well_formed()
    {
        const string hostile = "<script>alert(\"x\")</script> & 'q' ]]> <!-- -->";
        var input = Input([Paragraph(1, ParagraphKind.Operative, hostile + " [a & b / <c>]", "1")], title: hostile, symbol: hostile, revision: hostile);

        var text = AknExport.Write(input);
        var xml = XDocument.Parse(text, LoadOptions.PreserveWhitespace);

        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<c>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' ]]&gt; &lt;!-- --&gt;", text, StringComparison.Ordinal);
        Assert.Equal(hostile, xml.Descendants(Ns + "docTitle").Single().Value);
        Assert.Equal(hostile, xml.Descendants(Ns + "docNumber").Single().Value);
        Assert.Equal(hostile, (string?)xml.Descendants(Ns + "FRBRname").Single().Attribute("value"));
        Assert.Equal(hostile, (string?)xml.Descendants(Wgec + "document").Single().Attribute("revision"));
        Assert.Equal(["a & b", "<c>"], Named(xml.Root!, "alternative").Select(a => a.Value));
        Assert.Equal(hostile + " [a & b / <c>]", xml.Descendants(Ns + "mainBody").Single().Descendants(Ns + "p").Single().Value);
    }

    private static IEnumerable<string> Names(XElement identification, string level) =>
        identification.Element(Ns + level)!.Elements().Select(e => e.Name.LocalName);

    private static IEnumerable<string?> Values(XElement paragraph) =>
        new[] { "status", "revision", "openBrackets" }.Select(a => (string?)paragraph.Attribute(a));
}
