using WGEC.Drafting.Testing;

namespace WGEC.Drafting.Benchmarks;

/// <summary>The sample texts (<see cref="SampleFolder"/>).</summary>
internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(SampleFolder.File(name));

    /// <summary>The sample's paragraphs (blank-line separated), headings left out.</summary>
    public static IReadOnlyList<string> Paragraphs(string name) =>
        [.. Read(name).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith('#'))];
}
