namespace WGEC.Drafting.Testing;

/// <summary>
/// The sample documents, for every test and tool project (linked into each as source): shared/samples
/// beside the work trees (and beside the clone CI runs in) is the source; tests/samples, a copy in the
/// repository, serves a clone that has no shared/ beside it.
/// </summary>
internal static class SampleFolder
{
    public static string Path { get; } = Find();

    public static string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Find()
    {
        // Above the assembly and above the working folder: BenchmarkDotNet runs from a folder it generates.
        string[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory];
        foreach (var inside in new[] { "shared", "tests" })
        {
            foreach (var start in starts)
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = System.IO.Path.Combine(dir.FullName, inside, "samples");
                    if (Directory.Exists(candidate))
                        return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("neither shared/samples nor tests/samples found above " + AppContext.BaseDirectory);
    }
}
