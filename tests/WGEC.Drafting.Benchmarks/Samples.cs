namespace WGEC.Drafting.Benchmarks;

/// <summary>The sample texts in shared/samples, beside the work trees (found as the unit tests find them).</summary>
internal static class Samples
{
    public static string Directory { get; } = Find();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>The sample's paragraphs (blank-line separated), headings left out.</summary>
    public static IReadOnlyList<string> Paragraphs(string name) =>
        [.. Read(name).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith('#'))];

    private static string Find()
    {
        // BenchmarkDotNet runs each benchmark from a generated folder under bin/, so search upwards from
        // both the process's base directory and the working directory.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "samples");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/samples not found above " + AppContext.BaseDirectory);
    }
}
