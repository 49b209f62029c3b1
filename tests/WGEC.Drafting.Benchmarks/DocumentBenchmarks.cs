using BenchmarkDotNet.Attributes;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Comparing;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Benchmarks;

/// <summary>Comparing two versions of a long document, and rebuilding a document's state from its stream.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private const int Paragraphs = 5_000;

    private readonly DocumentDiffer differ = new();
    private DocumentState before = null!;
    private DocumentState after = null!;
    private IReadOnlyList<DocumentEvent> stream = [];
    private IReadOnlyList<DocumentEvent> afterSnapshot = [];
    private DocumentSnapshot snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Diff: 3% of the paragraphs edited and 1% moved since the earlier version.
        var document = History.Document(Paragraphs);
        before = History.Fold(document.Events, document.Events.Count);
        for (var i = 0; i < Paragraphs * 3 / 100; i++)
            document.Edit(document.RandomLive());
        for (var i = 0; i < Paragraphs / 100; i++)
            document.Move(document.RandomLive(), document.RandomLive());
        after = document.State;
        var summary = differ.Compare(before, after).Summary;
        Console.WriteLine($"// diff input: {summary.Edited} edited, {summary.Moved} moved, {summary.Renumbered} renumbered, {summary.Unchanged} unchanged");
        if (summary.Edited == 0 || summary.Moved == 0)
            throw new InvalidOperationException("the diff inputs do not exercise what the benchmark is named for");

        // Replay: a 200-paragraph document negotiated to version 1,999; the snapshot is taken at version 1,000
        // (the worst case of a snapshot every 1,000 events is a snapshot and 999 events after it).
        var negotiated = History.Document(200, seed: 2);
        negotiated.Negotiate(1_999 - negotiated.Events.Count);
        stream = negotiated.Events;
        snapshot = History.Fold(stream, 1_000).ToSnapshot();
        afterSnapshot = [.. stream.Skip(1_000)];
    }

    [Benchmark]
    public DiffView Diff_5000_paragraphs_3pc_edited_1pc_moved() => differ.Compare(before, after);

    [Benchmark]
    public long Replay_snapshot_plus_999_events() =>
        History.Fold(afterSnapshot, 999, DocumentState.FromSnapshot(snapshot)).Version;

    [Benchmark]
    public long Fold_1000_events_from_scratch() => History.Fold(stream, 1_000).Version;
}
