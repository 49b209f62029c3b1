using System.Xml;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using static WGEC.Drafting.Tests.Documents.Exporting.Akn;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>Each paragraph's eId: derived from its id, so it survives renumbering; unique; a valid NCName.</summary>
public class AknIdsTests
{
    [Fact]
    public void An_eId_does_not_change_when_the_paragraph_is_renumbered()
    {
        var before = Export(Input([Paragraph(7, ParagraphKind.Operative, "Invites all stakeholders.", "3 bis")]));
        var after = Export(Input([
            Paragraph(1, ParagraphKind.Operative, "Welcomes the report.", "1"),
            Paragraph(7, ParagraphKind.Operative, "Invites all stakeholders.", "4"),
        ], revision: "Rev.2"));

        var was = Doc(before).Descendants(Ns + "paragraph").Single(p => p.Element(Ns + "num")!.Value == "3 bis.");
        var now = Doc(after).Descendants(Ns + "paragraph").Single(p => p.Element(Ns + "num")!.Value == "4.");
        Assert.Equal("para_00000000000040008000000000000007", (string?)was.Attribute("eId"));
        Assert.Equal((string?)was.Attribute("eId"), (string?)now.Attribute("eId"));
    }

    [Fact]
    public void An_eId_does_not_change_when_the_paragraph_changes_kind()
    {
        var operative = Paragraph(3, ParagraphKind.Operative, "Notes the report.", "1");
        var text = Paragraph(3, ParagraphKind.Text, "Notes the report.");

        Assert.Equal((string?)Of(Export(Input([operative])), operative).Attribute("eId"), AknNames.EId(text));
        Assert.Equal("hcontainer", Of(Export(Input([text], DocumentKind.Report)), text).Name.LocalName);
    }

    [Theory]
    [InlineData("recommendations.md", DocumentKind.Recommendations)]
    [InlineData("rolling-document.md", DocumentKind.RollingDocument)]
    public void Every_paragraph_has_one_eId_and_every_eId_is_a_unique_NCName(string file, DocumentKind kind)
    {
        var input = Sample(file, kind);
        var xml = Export(input);

        var eIds = xml.Descendants().Select(e => (string?)e.Attribute("eId")).OfType<string>().ToList();
        Assert.Equal(eIds.Count, eIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(eIds, id => Assert.Equal(id, XmlConvert.VerifyNCName(id)));
        Assert.All(input.Paragraphs, p => Assert.Single(eIds, AknNames.EId(p)));
        Assert.Equal(input.Paragraphs.Count + 3, eIds.Count);
    }
}
