using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Importing;
using WGEC.Drafting.Rendering;
using static WGEC.Drafting.Tests.Documents.Exporting.Exports;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary><c>format=markdown</c>: the text with its numbers, in the form the Markdown import reads back.</summary>
public class MarkdownExportTests
{
    private static IReadOnlyList<ImportedParagraph> Import(string markdown, DocumentKind kind = DocumentKind.Recommendations)
    {
        var result = MarkdownImport.Split(markdown, kind);
        Assert.Null(result.Refusal);
        return result.Paragraphs;
    }

    [Fact]
    public void Title_block_has_the_title_then_the_symbol_revision_and_date()
    {
        var markdown = MarkdownExport.Write(Draft());

        Assert.StartsWith($"# {Title}\n\n{Symbol} · Rev.1 · 12 March 2014\n\n# Draft recommendations\n\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_revisions_the_version_and_its_time_are_named()
    {
        var markdown = MarkdownExport.Write(Input([Paragraph(1, ParagraphKind.Text, "Text.")], symbol: null, revision: null, version: 7));

        Assert.Contains("\n\nVersion 7 · 12 March 2014, 09:07 UTC\n\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Operative_paragraphs_carry_their_display_numbers()
    {
        var markdown = MarkdownExport.Write(Draft());

        Assert.Contains("\n\n1. Recommends that enhanced cooperation [be implemented / continue];\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n2 bis. Invites [[an intergovernmental / a multi-stakeholder] mechanism];\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("mechanism];\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommendations.md", DocumentKind.Recommendations)]
    [InlineData("rolling-document.md", DocumentKind.RollingDocument)]
    public void Reimporting_gives_the_title_block_then_the_same_paragraphs_kinds_and_texts(string file, DocumentKind kind)
    {
        var input = Sample(file, kind);

        var reimported = Import(MarkdownExport.Write(input), kind);

        Assert.Equal(ParagraphKind.Heading, reimported[0].Kind);
        Assert.Equal("# " + Title, reimported[0].Text);
        Assert.Equal($"{Symbol} · Rev.1 · 12 March 2014", reimported[1].Text);
        Assert.Equal(input.Paragraphs.Select(p => new ImportedParagraph(p.Kind, p.Text)), reimported.Skip(2));
    }

    [Fact]
    public void The_import_reads_a_suffixed_number_as_operative_and_drops_it()
    {
        // Between renumberings the server numbers "2 bis"; exported, that must come back as an operative paragraph.
        var reimported = Import(MarkdownExport.Write(Draft()));

        Assert.Equal(new ImportedParagraph(ParagraphKind.Operative, "Invites [[an intergovernmental / a multi-stakeholder] mechanism];"), reimported[^1]);
    }

    [Fact]
    public void A_paragraph_that_is_not_operative_but_starts_with_a_number_keeps_its_kind_and_its_words()
    {
        var input = Input([Paragraph(1, ParagraphKind.Text, "5. Notes on the mapping")], DocumentKind.Report);

        var markdown = MarkdownExport.Write(input);

        Assert.Contains("\n\n5\\. Notes on the mapping\n", markdown, StringComparison.Ordinal);
        Assert.Equal(new ImportedParagraph(ParagraphKind.Text, "5\\. Notes on the mapping"), Import(markdown, DocumentKind.Report)[^1]);
        Assert.Equal("<p>5. Notes on the mapping</p>\n", new MarkdownRenderer().ToHtml(Import(markdown, DocumentKind.Report)[^1].Text));
    }

    [Fact]
    public void A_heading_stored_without_a_hash_is_written_as_a_heading()
    {
        var markdown = MarkdownExport.Write(Input([Paragraph(1, ParagraphKind.Heading, "Section A")], DocumentKind.Report));

        Assert.Equal(new ImportedParagraph(ParagraphKind.Heading, "## Section A"), Import(markdown, DocumentKind.Report)[^1]);
    }

    [Fact]
    public void Status_markers_render_as_nothing_and_leave_every_paragraph_as_it_was()
    {
        var plain = Import(MarkdownExport.Write(Draft()));
        var markdown = MarkdownExport.Write(Draft(statuses: true));
        var withStatuses = Import(markdown);

        Assert.Contains("\n\n1. Recommends that enhanced cooperation [be implemented / continue];\n\n[//]: # (status: agreed)\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n\n[//]: # (status: agreed-ad-ref)\n\n", markdown, StringComparison.Ordinal);
        var markers = withStatuses.Where(p => p.Text.StartsWith("[//]: # (status: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Draft().Paragraphs.Count, markers.Count);
        Assert.All(markers, m => Assert.Equal("", new MarkdownRenderer().ToHtml(m.Text)));
        Assert.All(markers, m => Assert.Equal(0, Brackets.CountOpen(m.Text)));
        Assert.Equal(plain, withStatuses.Except(markers));
    }

    [Fact]
    public void A_hostile_title_is_plain_text_not_markup()
    {
        var markdown = MarkdownExport.Write(Input([], title: "[x](javascript:alert(1)) *bold* <script> &copy; & Co #", symbol: "[A/B]"));

        var title = Import(markdown)[0].Text;
        var html = new MarkdownRenderer().ToHtml(title);
        Assert.Equal("<h1>[x](javascript:alert(1)) *bold* &lt;script&gt; &amp;copy; &amp; Co #</h1>\n", html);
        Assert.Contains(" & Co \\#\n", markdown, StringComparison.Ordinal);
        Assert.Equal(0, Brackets.CountOpen(title));
        Assert.Equal(0, Brackets.CountOpen(Import(markdown)[1].Text));
    }
}
