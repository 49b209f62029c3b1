using System.Collections.Concurrent;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>Counts of what a run did, for the test output (the README quotes them) and to show the faults really happened.</summary>
public sealed class ConvergenceFigures
{
    private readonly ConcurrentDictionary<string, long> counts = new();
    private readonly ConcurrentQueue<string> notes = new();

    public void Add(string name, long by = 1) => counts.AddOrUpdate(name, by, (_, n) => n + by);

    /// <summary>Something worth a line of its own in the output, e.g. which versions a gap fetch filled.</summary>
    public void Note(string note) => notes.Enqueue(note);

    public IEnumerable<string> Notes => notes;

    public long this[string name] => counts.GetValueOrDefault(name);

    public override string ToString() =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
