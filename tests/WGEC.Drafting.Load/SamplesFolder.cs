using WGEC.Drafting.Testing;

namespace WGEC.Drafting.Load;

/// <summary>The sample documents (<see cref="SampleFolder"/>).</summary>
public static class SamplesFolder
{
    public static string Find(string name) => SampleFolder.File(name);
}
