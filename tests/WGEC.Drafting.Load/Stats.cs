using System.Globalization;

namespace WGEC.Drafting.Load;

/// <summary>Latency samples of one kind, in milliseconds; nearest-rank percentiles.</summary>
public sealed class Samples(string kind)
{
    private readonly List<double> values = [];

    public string Kind => kind;

    public int Count
    {
        get
        {
            lock (values)
                return values.Count;
        }
    }

    public IReadOnlyList<double> Values
    {
        get
        {
            lock (values)
                return [.. values];
        }
    }

    public void Add(double ms)
    {
        lock (values)
            values.Add(ms);
    }

    public double Percentile(double p)
    {
        var sorted = Values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Ms(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public static string F(double value, string format = "0.00") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
