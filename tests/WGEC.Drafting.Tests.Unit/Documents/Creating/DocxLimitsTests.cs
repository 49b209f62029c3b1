using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Configuration;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Creating;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents.Creating;

/// <summary>Zip bombs, lying packages and texts over the limits of PROTOCOL.md §5: all too-large, none read further than needed.</summary>
public class DocxLimitsTests
{
    private const int MiB = 1024 * 1024;

    private static void AssertTooLarge(string why, byte[] docx, DocxLimits? limits = null)
    {
        // As the endpoint does: convert, then decide (the Markdown import holds the paragraph limits).
        var (request, refusal) = DocxImport.ToRequest(docx, "Draft", DocumentKind.Report, null, limits ?? new DocxLimits());
        refusal ??= CreateDocument.Decide(request!, Guid.NewGuid(), Guid.NewGuid).Refusal;
        Assert.True(refusal?.Code == ErrorCode.TooLarge, $"expected too-large, got {refusal}");
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_too_large_by_its_compression_ratio()
    {
        var bomb = WithPadding(Word(P("Text.")), 40L * MiB);

        Assert.True(bomb.Length < 100_000, $"the bomb is {bomb.Length} bytes");
        AssertTooLarge("compressed more than 200:1", bomb);
    }

    [Fact]
    public void A_package_that_unpacks_past_the_limit_is_too_large_by_its_declared_sizes()
    {
        var limits = new DocxLimits { MaxUncompressedBytes = 2 * MiB, MaxCompressionRatio = 100_000 };

        AssertTooLarge("unpacks to more than 2,097,152 bytes", WithPadding(Word(P("Text.")), 3 * MiB), limits);
    }

    [Fact]
    public void Sizes_the_central_directory_understates_are_caught_by_counting_while_reading()
    {
        var limits = new DocxLimits { MaxUncompressedBytes = 2 * MiB };
        var lying = DeclaringSize(WithPadding(Word(P("Text.")), 3 * MiB, CompressionLevel.NoCompression), "word/media/padding.bin", 1000);
        using (var zip = new ZipArchive(new MemoryStream(lying)))
            Assert.Equal(1000, zip.GetEntry("word/media/padding.bin")!.Length);

        AssertTooLarge("unpacks to more than 2,097,152 bytes", lying, limits);
    }

    [Fact]
    public void Sizes_the_central_directory_overstates_are_too_large_before_reading()
    {
        AssertTooLarge("unpacks to more than", DeclaringSize(Word(P("Text.")), "word/document.xml", uint.MaxValue - 1));
    }

    [Fact]
    public void Too_many_entries_are_too_large()
    {
        var entries = Enumerable.Range(0, 1_001).Select(i => ($"word/media/{i}.bin", new byte[] { 1 })).ToArray();

        AssertTooLarge("1,001 entries", Zip(entries));
    }

    [Fact]
    public void A_paragraph_over_the_length_limit_is_too_large()
    {
        AssertTooLarge("20,001 characters", Word(P(new string('a', 20_001))));
        AssertTooLarge("over 20,000 characters", Word(P(new string('a', 100_000))));
    }

    [Fact]
    public void Links_that_multiply_a_paragraph_are_too_large_before_it_is_built()
    {
        // Each character its own link to a 2,000-character address: 20,000 characters would make 40 million.
        var url = "https://example.org/" + new string('a', 2_000);
        var docx = Word([P([.. Enumerable.Range(0, 20_000).Select(i => new Hyperlink(R("x")) { Id = i % 2 == 0 ? "rA" : "rB" })])], main =>
        {
            main.AddHyperlinkRelationship(new Uri(url + "a"), true, "rA");
            main.AddHyperlinkRelationship(new Uri(url + "b"), true, "rB");
        });

        AssertTooLarge("more than 40,000 characters of Markdown", docx);
    }

    [Fact]
    public void List_labels_stay_short_and_cheap_whatever_the_numbering_says()
    {
        // A start past two billion in letters ("aaa…a", 77 million of them) in a level text that repeats it a million times.
        var docx = Word([Listed(1, 0, R("Huge."))], main =>
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new DocumentFormat.OpenXml.Wordprocessing.Numbering(
                new AbstractNum(new Level(
                    new StartNumberingValue { Val = 2_000_000_000 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter },
                    new LevelText { Val = string.Concat(Enumerable.Repeat("%1", 1_000_000)) })
                { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 }));
        var before = GC.GetAllocatedBytesForCurrentThread();

        // (The numbering part compresses too well for the default ratio: this is about what comes after it.)
        var (request, refusal) = DocxImport.ToRequest(docx, "Draft", DocumentKind.Report, null, new DocxLimits { MaxCompressionRatio = 100_000 });

        Assert.Null(refusal);
        Assert.Equal(new string((char)('a' + ((2_000_000_000 - 1) % 26)), 64) + " Huge.", request!.Markdown);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 * MiB);
    }

    [Fact]
    public void More_paragraphs_than_the_limit_are_too_large()
    {
        AssertTooLarge("5,000", Word([.. Enumerable.Range(0, 5_001).Select(i => P($"Paragraph {i}."))]));
    }

    [Fact]
    public void Configuration_sets_the_limits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Drafting:ImportMaxBytes"] = "1000",
            ["Drafting:ImportMaxUncompressedBytes"] = "2000",
            ["Drafting:ImportMaxEntries"] = "3",
            ["Drafting:ImportMaxCompressionRatio"] = "4",
        }).Build();

        Assert.Equal(
            new DocxLimits { MaxUploadBytes = 1000, MaxUncompressedBytes = 2000, MaxEntries = 3, MaxCompressionRatio = 4 },
            DocxLimits.From(configuration));
        Assert.Equal(new DocxLimits { MaxUploadBytes = 10 * MiB, MaxUncompressedBytes = 50 * MiB, MaxEntries = 1_000, MaxCompressionRatio = 200 },
            DocxLimits.From(new ConfigurationBuilder().Build()));
    }
}
