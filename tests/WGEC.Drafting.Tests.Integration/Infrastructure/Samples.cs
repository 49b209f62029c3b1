namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>The sample documents in shared/samples, found as the unit tests find them.</summary>
public static class Samples
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder.Value, name));

    private static string Find()
    {
        // The samples live in shared/ beside the work trees (and beside the clone CI runs in).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/samples not found above " + AppContext.BaseDirectory);
    }
}
