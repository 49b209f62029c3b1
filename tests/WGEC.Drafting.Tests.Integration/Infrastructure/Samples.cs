using WGEC.Drafting.Testing;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>The sample documents (<see cref="SampleFolder"/>).</summary>
public static class Samples
{
    public static string Read(string name) => File.ReadAllText(SampleFolder.File(name));
}
