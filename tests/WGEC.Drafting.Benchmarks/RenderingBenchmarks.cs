using System.Text;
using BenchmarkDotNet.Attributes;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Benchmarks;

[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private readonly MarkdownRenderer renderer = new();
    private string typical = "";
    private string nested = "";

    [GlobalSetup]
    public void Setup()
    {
        // The sample's most bracketed paragraph: what a delegate types.
        typical = Samples.Paragraphs("recommendations.md").MaxBy(p => p.Count(c => c == '['))!;
        nested = HeavilyBracketed(groups: 40, depth: 4);
    }

    [Benchmark]
    public int Parse_typical_paragraph() => Brackets.Parse(typical).Count;

    [Benchmark]
    public int Parse_heavily_bracketed_paragraph() => Brackets.Parse(nested).Count;

    [Benchmark]
    public string Render_typical_paragraph() => renderer.ToHtml(typical);

    [Benchmark]
    public string Render_heavily_bracketed_paragraph() => renderer.ToHtml(nested);

    /// <summary>A late-negotiation paragraph: groups of alternatives, each nested <paramref name="depth"/> deep.</summary>
    internal static string HeavilyBracketed(int groups, int depth)
    {
        var text = new StringBuilder("Recommends that Member States ");
        for (var g = 0; g < groups; g++)
        {
            for (var d = 0; d < depth; d++)
            {
                text.Append($"[option {g}.{d} *emphasised* ");
            }

            for (var d = depth - 1; d >= 0; d--)
            {
                text.Append($" / alternative {g}.{d}] ");
            }

            text.Append("and, where appropriate, ");
        }

        return text.Append("report back to the Working Group.").ToString();
    }
}
