namespace WGEC.Drafting.Tests;

/// <summary>The sample texts in shared/samples, beside the work trees (and beside the clone CI runs in).</summary>
internal static class SharedSamples
{
    public static string Directory { get; } = Find();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/samples not found above " + AppContext.BaseDirectory);
    }
}
