using System.Xml.Linq;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using static WGEC.Drafting.Tests.Documents.Exporting.Akn;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary><c>format=akn</c>: the Akoma Ntoso 3.0 document structure (preface, preamble, mainBody).</summary>
public class AknStructureTests
{
    [Fact]
    public void Root_is_akomaNtoso_in_the_akn_3_0_namespace_holding_one_doc_in_schema_order()
    {
        var xml = Export(Draft());

        Assert.Equal(Ns + "akomaNtoso", xml.Root!.Name);
        Assert.Equal("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", xml.Root.Name.NamespaceName);
        Assert.Equal([Ns + "doc"], xml.Root.Elements().Select(e => e.Name));
        Assert.Equal(["meta", "preface", "preamble", "mainBody"], Doc(xml).Elements().Select(e => e.Name.LocalName));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<akomaNtoso xmlns=", AknExport.Write(Draft()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DocumentKind.Recommendations, "recommendations")]
    [InlineData(DocumentKind.RollingDocument, "statement")]
    [InlineData(DocumentKind.Report, "statement")]
    [InlineData(DocumentKind.Annex, "statement")]
    public void Doc_name_follows_the_document_kind(DocumentKind kind, string name)
    {
        Assert.Equal(name, (string?)Doc(Export(Input([], kind))).Attribute("name"));
    }

    [Fact]
    public void Preface_has_the_symbol_as_docNumber_the_title_as_docTitle_and_the_revision()
    {
        var preface = Doc(Export(Draft())).Element(Ns + "preface")!;

        Assert.Equal(Symbol, preface.Descendants(Ns + "docNumber").Single().Value);
        Assert.Equal(Title, preface.Descendants(Ns + "docTitle").Single().Value);
        Assert.Equal("Rev.1", preface.Descendants(Ns + "docStage").Single().Value);
        Assert.Equal("2014-03-12T09:07:00Z", (string?)preface.Descendants(Ns + "docDate").Single().Attribute("date"));
        Assert.Empty(Doc(Export(Input([], symbol: null))).Descendants(Ns + "docNumber"));
    }

    [Fact]
    public void Preamble_holds_the_heading_then_the_preambular_paragraphs_in_order_as_recitals()
    {
        var input = Sample("recommendations.md", DocumentKind.Recommendations);
        var xml = Export(input);
        var preamble = Doc(xml).Element(Ns + "preamble")!;

        var preambular = input.Paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).ToList();
        Assert.Equal(6, preambular.Count);
        Assert.Equal(["container", "recitals"], preamble.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(preambular.Select(p => "para_" + p.Id.ToString("N")), preamble.Descendants(Ns + "recital").Select(r => (string?)r.Attribute("eId")));
        Assert.Equal("Recalling the Tunis Agenda for the Information Society, in particular its paragraphs 69 to 71 on enhanced cooperation,", Text(Of(xml, preambular[1])));
        Assert.Equal("Draft recommendations of the Working Group on Enhanced Cooperation", Text(Of(xml, input.Paragraphs[0])));
        Assert.Empty(Doc(xml).Element(Ns + "mainBody")!.Descendants(Ns + "recital"));
    }

    [Fact]
    public void MainBody_holds_the_operative_paragraphs_with_their_display_numbers()
    {
        var input = Draft();
        var body = Doc(Export(input)).Element(Ns + "mainBody")!;

        var paragraphs = body.Elements(Ns + "paragraph").ToList();
        Assert.Equal(["1.", "2.", "2 bis."], paragraphs.Select(p => p.Element(Ns + "num")!.Value));
        Assert.Equal(input.Paragraphs.Skip(3).Select(p => "para_" + p.Id.ToString("N")), paragraphs.Select(p => (string?)p.Attribute("eId")));
        Assert.Equal(["num", "content"], paragraphs[2].Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Invites [[an intergovernmental / a multi-stakeholder] mechanism];", Text(paragraphs[2]));
    }

    [Fact]
    public void A_text_without_preambular_paragraphs_has_no_preamble_and_its_headings_and_text_are_hcontainers()
    {
        var input = Sample("rolling-document.md", DocumentKind.RollingDocument);
        var doc = Doc(Export(input));

        Assert.Null(doc.Element(Ns + "preamble"));
        var body = doc.Element(Ns + "mainBody")!.Elements().ToList();
        Assert.Equal(input.Paragraphs.Select(p => p.Kind == ParagraphKind.Heading ? "heading" : "text"), body.Select(e => (string?)e.Attribute("name")));
        Assert.All(body, e => Assert.Equal(Ns + "hcontainer", e.Name));
        Assert.Equal("A. Implementation of the Tunis Agenda (questions 2 and 3)", body[1].Element(Ns + "heading")!.Value);
    }

    [Fact]
    public void An_empty_document_still_has_the_mainBody_the_schema_requires()
    {
        var doc = Doc(Export(Input([])));

        Assert.Null(doc.Element(Ns + "preamble"));
        Assert.Equal([Ns + "p"], doc.Element(Ns + "mainBody")!.Elements().Select(e => e.Name));
    }

    [Fact]
    public void The_same_input_gives_the_same_text()
    {
        Assert.Equal(AknExport.Write(Sample("recommendations.md", DocumentKind.Recommendations)), AknExport.Write(Sample("recommendations.md", DocumentKind.Recommendations)));
    }
}
