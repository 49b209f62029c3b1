namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// How much of an uploaded Word file the server is willing to look at. A .docx is a ZIP package, so
/// the upload size says little about the work of opening it: the uncompressed total, the number of
/// entries and the compression ratio are bounded too (a "zip bomb" is refused, <c>too-large</c>).
/// Configuration keys: <c>Drafting:ImportMaxBytes</c>, <c>Drafting:ImportMaxUncompressedBytes</c>,
/// <c>Drafting:ImportMaxEntries</c>, <c>Drafting:ImportMaxCompressionRatio</c>.
/// </summary>
public sealed record DocxLimits
{
    /// <summary>The whole request body (the file, the form fields and the multipart framing).</summary>
    public long MaxUploadBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>All entries of the package together, counted as they are decompressed.</summary>
    public long MaxUncompressedBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>A Word document has a few dozen entries; a few hundred with many images.</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>
    /// Word's XML compresses about 5–20 times; deflate cannot do better than about 1,030. An entry
    /// above this ratio is refused once it is big enough for the ratio to mean something.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not held to <see cref="MaxCompressionRatio"/>: tiny files compress oddly.</summary>
    public long RatioCheckedFromBytes { get; init; } = 1024 * 1024;

    public static DocxLimits From(IConfiguration configuration)
    {
        var defaults = new DocxLimits();
        return new DocxLimits
        {
            MaxUploadBytes = configuration.GetValue("Drafting:ImportMaxBytes", defaults.MaxUploadBytes),
            MaxUncompressedBytes = configuration.GetValue("Drafting:ImportMaxUncompressedBytes", defaults.MaxUncompressedBytes),
            MaxEntries = configuration.GetValue("Drafting:ImportMaxEntries", defaults.MaxEntries),
            MaxCompressionRatio = configuration.GetValue("Drafting:ImportMaxCompressionRatio", defaults.MaxCompressionRatio),
        };
    }
}
