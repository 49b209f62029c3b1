using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Importing;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>Work item 6, done when: a round trip DOCX export → import gives the same paragraphs.</summary>
public sealed class DocxRoundTripTests
{
    [Theory]
    [InlineData("recommendations.md", DocumentKind.Recommendations)]
    [InlineData("rolling-document.md", DocumentKind.RollingDocument)]
    public void A_shared_sample_exported_to_Word_imports_as_the_same_paragraphs(string file, DocumentKind kind) =>
        AssertRoundTrip(Sample(file, kind));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Numbers_between_renumberings_brackets_emphasis_and_statuses_survive_the_round_trip(bool statuses) =>
        AssertRoundTrip(Draft(statuses));

    private static void AssertRoundTrip(ExportInput input)
    {
        var docx = DocxExport.Write(input);

        var (request, refusal) = DocxImport.ToRequest(docx, input.Document.Title, input.Document.Kind, input.Document.Symbol, new DocxLimits());

        Assert.Null(refusal);
        var imported = MarkdownImport.Split(request!.Markdown, input.Document.Kind);
        Assert.True(imported.IsValid, imported.Refusal?.Message);
        Assert.Equal(
            input.Paragraphs.Select(p => (p.Kind, p.Text)),
            imported.Paragraphs.Select(p => (p.Kind, p.Text)));
    }
}
