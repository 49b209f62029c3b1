using System.Text;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>Sends hub inputs one after the other on one raw connection joined to the target documents.</summary>
internal sealed class FuzzHubRun(FuzzServer server, FuzzReport report, IReadOnlyList<Guid> targets) : IAsyncDisposable
{
    private FuzzHubSocket? socket;

    /// <summary>Every valid request, each on a fresh document of its kind: a malformed variant of it then has exactly one fault.</summary>
    public async Task CheckValidRequestsAsync()
    {
        foreach (var request in FuzzHubRequests.All)
        {
            var scratch = await server.FixtureAsync(request.Fixture);
            await using var raw = await server.ConnectAsync();
            await JoinAsync(raw, scratch.Document);
            var answer = await raw.InvokeRawAsync(request.Method, FuzzHubRequests.Json(request.Fields(scratch)));
            if (answer.Result is null)
                throw new InvalidOperationException($"the valid request of {request.Method} is refused, so its variants prove nothing: {answer}");
        }
    }

    public async Task RunAsync(IEnumerable<HubCase> cases)
    {
        foreach (var input in cases)
        {
            socket ??= await ConnectAsync();
            var answer = await socket.InvokeRawAsync(input.Method, input.Arguments);
            report.SentToHub(input.Arguments.Length);
            if (FuzzReport.JudgeHub(answer, input.Expected) is { } problem)
                report.Fail($"hub {input.Method}({input.Label})", $"{problem}: {answer}");
            if (answer.Closed is not null || !socket.IsOpen)
            {
                await socket.DisposeAsync();
                socket = null;
            }
        }
    }

    /// <summary>
    /// The large inputs again and again over several connections at once, until <paramref name="bytes"/> have been
    /// sent: a server that kept any part of what it refused would grow with every round.
    /// </summary>
    public async Task<int> FloodAsync(IReadOnlyList<HubCase> large, long bytes, int connections)
    {
        var perConnection = bytes / connections;
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            await using var raw = await ConnectAsync();
            long mine = 0;
            for (var i = c; mine < perConnection; i++)
            {
                var input = large[i % large.Count];
                var answer = await raw.InvokeRawAsync(input.Method, input.Arguments);
                mine += input.Arguments.Length;
                Interlocked.Increment(ref sent);
                if (FuzzReport.JudgeHub(answer, input.Expected) is { } problem)
                {
                    lock (report)
                        report.Fail($"hub {input.Method}({input.Label}) repeated", $"{problem}: {answer}");
                    return;
                }
            }
        }));
        report.Flooded(sent, bytes);
        return sent;
    }

    /// <summary>Sends one message over the hub's 256 KB limit: SignalR closes that connection (HubLimitsTests); the server goes on.</summary>
    public async Task<HubAnswer> OverLimitAsync()
    {
        await using var raw = await server.ConnectAsync();
        report.SentToHub(300_000);
        return await raw.InvokeAsync("JoinDocument", Fuzz.Quote(new string('x', 300_000)));
    }

    private async Task<FuzzHubSocket> ConnectAsync()
    {
        var raw = await server.ConnectAsync();
        foreach (var target in targets)
            await JoinAsync(raw, target);
        return raw;
    }

    private static async Task JoinAsync(FuzzHubSocket raw, Guid document)
    {
        var joined = await raw.InvokeRawAsync("JoinDocument", Encoding.UTF8.GetBytes($"{{\"documentId\":\"{document}\"}}"));
        if (joined.Result is null)
            throw new InvalidOperationException($"cannot join {document}: {joined}");
    }

    public async ValueTask DisposeAsync()
    {
        if (socket is not null)
            await socket.DisposeAsync();
    }
}
