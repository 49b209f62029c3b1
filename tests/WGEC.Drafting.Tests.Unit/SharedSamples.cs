using WGEC.Drafting.Testing;

namespace WGEC.Drafting.Tests;

/// <summary>The sample texts (<see cref="SampleFolder"/>).</summary>
internal static class SharedSamples
{
    public static string Directory => SampleFolder.Path;

    public static string Read(string name) => File.ReadAllText(SampleFolder.File(name));
}
