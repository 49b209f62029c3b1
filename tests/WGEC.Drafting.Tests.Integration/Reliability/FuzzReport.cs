using System.Diagnostics;
using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What a fuzz run tried and every way the server failed it, reported all at once with the seed.</summary>
internal sealed class FuzzReport(int seed)
{
    private readonly List<string> failures = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Seed { get; } = seed;

    public int HubInputs { get; private set; }

    public int RestInputs { get; private set; }

    public int ValidPathological { get; set; }

    public long BytesSent { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public TimeSpan Elapsed => clock.Elapsed;

    public void SentToHub(int bytes)
    {
        HubInputs++;
        BytesSent += bytes;
    }

    public void SentToRest(long bytes)
    {
        RestInputs++;
        BytesSent += bytes;
    }

    /// <summary>Large inputs sent again for the memory check, and their bytes.</summary>
    public (int Inputs, long Bytes) Repeated { get; private set; }

    public void Flooded(int inputs, long bytes) => Repeated = (inputs, bytes);

    public void Fail(string input, string problem) => failures.Add($"{input}: {problem}");

    /// <summary>Why an answer to a malformed input is wrong, or null when it is a refusal with one of the expected codes.</summary>
    public static string? JudgeHub(HubAnswer answer, IReadOnlyCollection<ErrorCode> expected)
    {
        if (answer.Closed is not null)
            return "the connection was dropped";
        if (answer.Error is not { } error)
            return "a malformed input succeeded";
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        var code = colon > 0 ? ProtocolJson.Parse<ErrorCode>(error[..colon]) : ErrorCode.Unknown;
        if (code == ErrorCode.Unknown || !error[(colon + 1)..].StartsWith(' '))
            return "the error does not start with a §4 code and a colon";
        return expected.Contains(code) ? null : $"code {ProtocolJson.Name(code)}, expected {string.Join(" or ", expected.Select(ProtocolJson.Name))}";
    }

    public string Summary(long workingSetBefore, long workingSetAfter) =>
        $"fuzz seed {Seed}: {HubInputs:N0} malformed hub inputs, {RestInputs:N0} malformed REST inputs, {ValidPathological} pathological valid texts, " +
        $"{BytesSent / 1_000_000.0:N1} MB sent, then {Repeated.Inputs:N0} large hub inputs again ({Repeated.Bytes / 1_000_000.0:N0} MB), " +
        $"in {Elapsed.TotalSeconds:N1} s; server working set after forced collections {workingSetBefore / 1_000_000:N0} MB before, " +
        $"{workingSetAfter / 1_000_000:N0} MB after";

    public string Failed()
    {
        var text = new StringBuilder($"{failures.Count} of the fuzz inputs were mishandled (seed {Seed}, set FUZZ_SEED to replay):\n");
        foreach (var failure in failures.Take(60))
            text.AppendLine("  " + failure);
        if (failures.Count > 60)
            text.AppendLine($"  … and {failures.Count - 60} more");
        return text.ToString();
    }
}
