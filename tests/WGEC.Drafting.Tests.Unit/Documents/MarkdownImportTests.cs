using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Importing;

namespace WGEC.Drafting.Tests.Documents;

public class MarkdownImportTests
{
    private static readonly string Samples = SharedSamples.Directory;

    private static IReadOnlyList<ImportedParagraph> Import(string markdown, DocumentKind kind = DocumentKind.Recommendations)
    {
        var result = MarkdownImport.Split(markdown, kind);
        Assert.Null(result.Refusal);
        return result.Paragraphs;
    }

    [Fact]
    public void Recommendations_sample_splits_into_heading_preamble_and_operative_paragraphs()
    {
        var paragraphs = Import(File.ReadAllText(Path.Combine(Samples, "recommendations.md")));

        Assert.Equal(17, paragraphs.Count);
        Assert.Equal(new ImportedParagraph(ParagraphKind.Heading, "# Draft recommendations of the Working Group on Enhanced Cooperation"), paragraphs[0]);
        Assert.Equal(new ImportedParagraph(ParagraphKind.Preambular, "The Working Group on Enhanced Cooperation,"), paragraphs[1]);
        Assert.All(paragraphs.Skip(2).Take(5), p => Assert.Equal(ParagraphKind.Preambular, p.Kind));
        Assert.Equal(["Recalling", "Recalling", "Having", "Recognizing", "Noting"], paragraphs.Skip(2).Take(5).Select(p => p.Text.Split(' ')[0]));
        var operative = paragraphs.Skip(7).ToList();
        Assert.Equal(10, operative.Count);
        Assert.All(operative, p => Assert.Equal(ParagraphKind.Operative, p.Kind));
        Assert.StartsWith("Recommends that enhanced cooperation", operative[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Also recommends", operative[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("[Recommends the establishment", operative[3].Text, StringComparison.Ordinal);
        Assert.StartsWith("Decides to transmit", operative[9].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_document_sample_is_headings_and_text()
    {
        var paragraphs = Import(File.ReadAllText(Path.Combine(Samples, "rolling-document.md")), DocumentKind.RollingDocument);

        Assert.Equal(ParagraphKind.Heading, paragraphs[0].Kind);
        Assert.StartsWith("# Rolling document", paragraphs[0].Text, StringComparison.Ordinal);
        Assert.Equal(7, paragraphs.Count(p => p.Kind == ParagraphKind.Heading));
        Assert.All(paragraphs, p => Assert.Contains(p.Kind, new[] { ParagraphKind.Heading, ParagraphKind.Text }));
        Assert.Contains(paragraphs, p => p.Text.StartsWith("## A. Implementation", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Text.StartsWith("[Some participants proposed", StringComparison.Ordinal));
    }

    [Fact]
    public void Crlf_input_gives_the_same_paragraphs_as_lf()
    {
        var lf = "# Title\n\nNoting the views,\n\n1. Recommends [a / b];\n\n2. Decides.";
        Assert.Equal(Import(lf), Import(lf.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lines_of_one_paragraph_stay_together()
    {
        var paragraph = Assert.Single(Import("first line\r\nsecond line", DocumentKind.Report));
        Assert.Equal(new ImportedParagraph(ParagraphKind.Text, "first line\nsecond line"), paragraph);
    }

    [Fact]
    public void Whitespace_only_line_separates_paragraphs() =>
        Assert.Equal(2, Import("one\n   \ntwo").Count);

    [Fact]
    public void Heading_followed_by_text_without_blank_line_splits()
    {
        var paragraphs = Import("## A. Mandate\nThe Working Group met twice.", DocumentKind.RollingDocument);
        Assert.Equal(
            [new ImportedParagraph(ParagraphKind.Heading, "## A. Mandate"), new ImportedParagraph(ParagraphKind.Text, "The Working Group met twice.")],
            paragraphs);
    }

    [Theory]
    [InlineData("# One")]
    [InlineData("###### Six")]
    [InlineData("#")]
    public void Hash_lines_are_headings(string line) =>
        Assert.Equal(ParagraphKind.Heading, Assert.Single(Import(line)).Kind);

    [Theory]
    [InlineData("#hashtag is not a heading")]
    [InlineData("####### seven is not a heading")]
    public void Hash_without_space_or_past_six_is_not_a_heading(string line) =>
        Assert.NotEqual(ParagraphKind.Heading, Assert.Single(Import(line)).Kind);

    [Theory]
    [InlineData("3. Requests the secretariat", "Requests the secretariat")]
    [InlineData("12.\tInvites all stakeholders", "Invites all stakeholders")]
    [InlineData("3 bis. Welcomes the progress", "Welcomes the progress")]
    [InlineData("0 ter.\tNotes the mapping", "Notes the mapping")]
    [InlineData("4 20. Decides", "Decides")]
    public void Numbered_paragraph_is_operative_without_its_number(string line, string text) =>
        Assert.Equal(new ImportedParagraph(ParagraphKind.Operative, text), Assert.Single(Import(line)));

    [Theory]
    [InlineData("3.Requests without a space")]
    [InlineData("Paragraph 3. mentions a number")]
    [InlineData("3) Requests")]
    [InlineData("2 May. The meeting opened")]
    [InlineData("3 bis.Requests without a space")]
    public void Other_numbers_are_not_operative(string line) =>
        Assert.NotEqual(ParagraphKind.Operative, Assert.Single(Import(line)).Kind);

    [Fact]
    public void Numbered_paragraph_is_operative_in_any_document_kind() =>
        Assert.Equal(ParagraphKind.Operative, Assert.Single(Import("1. Decides.", DocumentKind.RollingDocument)).Kind);

    [Fact]
    public void Preamble_only_exists_in_recommendations()
    {
        var text = "Recalling the Agenda,\n\n1. Decides.\n\nAfter the operative part.";
        Assert.Equal([ParagraphKind.Preambular, ParagraphKind.Operative, ParagraphKind.Text], Import(text).Select(p => p.Kind));
        Assert.Equal([ParagraphKind.Text, ParagraphKind.Operative, ParagraphKind.Text], Import(text, DocumentKind.Report).Select(p => p.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Empty_input_gives_no_paragraphs(string? markdown)
    {
        var result = MarkdownImport.Split(markdown, DocumentKind.Recommendations);
        Assert.True(result.IsValid);
        Assert.Empty(result.Paragraphs);
    }

    [Fact]
    public void Paragraph_text_is_normalised() =>
        Assert.Equal("Coop\u00e9ration", Assert.Single(Import("  Coope\u0301ration  ")).Text);

    [Fact]
    public void Invalid_paragraph_refuses_the_whole_import_and_names_it()
    {
        var result = MarkdownImport.Split("one\n\ntwo\n\nthree\0", DocumentKind.Report);
        Assert.Equal(ErrorCode.Invalid, result.Refusal?.Code);
        Assert.StartsWith("paragraph 3 ", result.Refusal!.Message, StringComparison.Ordinal);
        Assert.Empty(result.Paragraphs);
    }

    [Fact]
    public void Oversized_paragraph_is_too_large()
    {
        var result = MarkdownImport.Split("short\n\n" + new string('a', 20_001), DocumentKind.Report);
        Assert.Equal(ErrorCode.TooLarge, result.Refusal?.Code);
        Assert.Equal("paragraph 2 is 20,001 characters; the limit is 20,000", result.Refusal!.Message);
    }

    [Fact]
    public void Five_thousand_paragraphs_are_accepted() =>
        Assert.Equal(5_000, Import(string.Join("\n\n", Enumerable.Repeat("p", 5_000)), DocumentKind.Report).Count);

    [Fact]
    public void More_than_five_thousand_paragraphs_are_too_large()
    {
        var result = MarkdownImport.Split(string.Join("\n\n", Enumerable.Repeat("p", 5_001)), DocumentKind.Report);
        Assert.Equal(ErrorCode.TooLarge, result.Refusal?.Code);
        Assert.Empty(result.Paragraphs);
    }
}
