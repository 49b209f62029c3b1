using BenchmarkDotNet.Attributes;
using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Benchmarks;

/// <summary>A stale edit of one paragraph merged with the edit committed since (base → theirs, base → mine).</summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private string @base = "";
    private string theirs = "";
    private string mine = "";
    private string conflicting = "";

    [GlobalSetup]
    public void Setup()
    {
        @base = Samples.Paragraphs("recommendations.md").MaxBy(p => p.Length)!;
        var words = @base.Split(' ');
        // Theirs edits the start, mine the end: far apart, so the merge succeeds.
        theirs = Replace(words, 2, "[urgently]");
        mine = Replace(words, words.Length - 3, "fully");
        // Both rewrite the same word differently: a conflict.
        conflicting = Replace(words, 2, "[gradually]");
        if (ThreeWayMerge.Merge(@base, theirs, mine) is not MergeResult.Merged
            || ThreeWayMerge.Merge(@base, theirs, conflicting) is not MergeResult.Conflict)
        {
            throw new InvalidOperationException("the merge inputs do not exercise what the benchmarks are named for");
        }
    }

    [Benchmark]
    public MergeResult Merge_non_overlapping_edits() => ThreeWayMerge.Merge(@base, theirs, mine);

    [Benchmark]
    public MergeResult Merge_conflicting_edits() => ThreeWayMerge.Merge(@base, theirs, conflicting);

    [Benchmark]
    public string Word_diff_of_an_edit() => WordDiff.ToHtml(@base, mine);

    private static string Replace(string[] words, int index, string word)
    {
        var copy = (string[])words.Clone();
        copy[index] = word;
        return string.Join(' ', copy);
    }
}
