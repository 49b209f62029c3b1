namespace WGEC.Drafting.Load;

/// <summary>The sample documents in shared/samples, beside the work trees: looked for above the tool and above the working folder.</summary>
public static class SamplesFolder
{
    public static string Find(string name)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "samples", name);
                if (File.Exists(candidate))
                    return candidate;
            }
        throw new FileNotFoundException($"shared/samples/{name} not found above {AppContext.BaseDirectory}");
    }
}
