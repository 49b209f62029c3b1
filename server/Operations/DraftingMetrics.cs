using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WGEC.Drafting.Operations;

/// <summary>
/// What an operator watches during a session, as OpenTelemetry instruments (exported for Prometheus at
/// <c>/metrics</c>): writes stored, how long a write takes to be answered, live hub connections, and how
/// long a stored event waits before it is handed to the connections that follow the document. No label
/// carries a document's text, title or a participant: only event types and outcomes.
/// </summary>
public sealed class DraftingMetrics
{
    public const string MeterName = "WGEC.Drafting";

    private readonly Counter<long> events;
    private readonly Histogram<double> writeDuration;
    private readonly UpDownCounter<long> connections;
    private readonly Histogram<double> fanOutDelay;

    public DraftingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        events = meter.CreateCounter<long>("drafting.events", "{event}", "Events stored (edits, inserts, moves, statuses …), by type");
        writeDuration = meter.CreateHistogram<double>("drafting.write.duration", "ms",
            "From a write's arrival to its answer (the acknowledgement), by outcome", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        connections = meter.CreateUpDownCounter<long>("drafting.connections", "{connection}", "Live hub connections on this node");
        fanOutDelay = meter.CreateHistogram<double>("drafting.fanout.delay", "ms",
            "From an event's commit to its hand-over to every connection following the document", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Milliseconds: fine where acknowledgements live (1–50 ms), coarse up to the seconds a fault costs.</summary>
    private static readonly double[] Buckets = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public void Stored(string type, int count = 1) => events.Add(count, new KeyValuePair<string, object?>("type", type));

    public void Answered(long startedAt, string outcome) =>
        writeDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void Connected() => connections.Add(1);

    public void Disconnected() => connections.Add(-1);

    public void HandedOver(long committedAt) => fanOutDelay.Record(Stopwatch.GetElapsedTime(committedAt).TotalMilliseconds);
}
