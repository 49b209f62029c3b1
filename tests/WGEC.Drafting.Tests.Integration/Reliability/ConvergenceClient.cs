using System.Collections.Concurrent;
using System.Text.Json;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>How a client loses its connection.</summary>
public enum DropMode
{
    /// <summary>LeaveDocument, then a clean stop.</summary>
    Leave,

    /// <summary>The connection disposed with calls in flight, without leaving.</summary>
    Dispose,

    /// <summary>The network reset under it (TCP RST): no close frame; in-flight calls may or may not have reached the server.</summary>
    Cut,

    /// <summary>The server's answers are lost for a moment, then the network resets: calls done, answers never seen.</summary>
    Deaf,
}

/// <summary>
/// One delegate's client, as PROTOCOL.md §3 describes one: a real SignalR connection through a
/// network of its own that can drop; a view folded from the join result and the <c>Applied</c>
/// envelopes in version order, a gap filled from <c>GET /events?after=</c>; writes with op ids,
/// up to three in flight, one edit per paragraph; after a drop, a rejoin with <c>sinceVersion</c>
/// and every unanswered write sent again unchanged.
/// </summary>
public sealed partial class ConvergenceClient(
    string tag, ParticipantView participant, DraftingApi api, ConvergenceRelay relay, Guid documentId, int seed,
    ConvergenceFigures figures, ConcurrentQueue<string> failures) : IAsyncDisposable
{
    /// <summary>How long a gap may stay open before the missing versions are fetched (the protocol allows up to 2 s).</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromMilliseconds(500);

    private const int MaxInFlight = 3;

    private readonly Lock gate = new();
    private readonly Random random = new(seed);
    private readonly SortedDictionary<long, Envelope> early = [];
    private readonly List<ConvergenceOp> ops = [];
    private readonly List<ConvergenceOp> pending = [];
    private readonly HashSet<Guid> editing = [];
    private readonly List<Task> inFlight = [];
    private readonly Dictionary<long, string> received = [];
    private Replica replica = new();
    private DraftingConnection? connection;
    private CancellationTokenSource? pumpStop;
    private Task pump = Task.CompletedTask;
    private bool joined;
    private bool filling;

    public string Tag => tag;

    public ParticipantView Participant => participant;

    public IReadOnlyList<ConvergenceOp> Ops
    {
        get
        {
            lock (gate)
                return [.. ops];
        }
    }

    public long Version
    {
        get
        {
            lock (gate)
                return replica.Version;
        }
    }

    /// <summary>Each version this client got as an envelope (live, in a catch-up or from a gap fetch), as <see cref="Signature"/>.</summary>
    public IReadOnlyDictionary<long, string> Received
    {
        get
        {
            lock (gate)
                return new Dictionary<long, string>(received);
        }
    }

    /// <summary>
    /// What an envelope says, in one string: the same version must always say the same. Object keys
    /// are sorted: the stored JSON (jsonb) does not keep the order the live envelope had.
    /// </summary>
    public static string Signature(Envelope e) =>
        $"{e.Type} by {e.Actor.ParticipantId} op {e.ClientOpId}: {Canonical((JsonElement)e.Data)}";

    private static string Canonical(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", json.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{JsonSerializer.Serialize(p.Name)}:{Canonical(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", json.EnumerateArray().Select(Canonical)) + "]",
        _ => json.GetRawText(),
    };

    public string Describe()
    {
        lock (gate)
            return replica.DescribeFully();
    }

    /// <summary>Connects, joins (from scratch the first time, with <c>sinceVersion</c> after), and starts folding what arrives.</summary>
    public async Task ConnectAsync()
    {
        var next = new DraftingConnection(relay.Address, () => Task.FromResult(api.Token));
        await next.StartAsync();
        var stop = new CancellationTokenSource();
        long? since;
        lock (gate)
        {
            (connection, pumpStop) = (next, stop);
            since = joined ? replica.Version : null;
        }
        pump = PumpAsync(next, stop.Token);
        var result = await next.JoinDocumentAsync(new JoinDocumentRequest(documentId, since));
        lock (gate)
        {
            if (result.Document is { } document && document.Version >= replica.Version)
            {
                replica = Replica.From(document);
                if (joined)
                    figures.Add("rejoins with the whole document");
            }
            var events = result.Events ?? [];
            if (since is { } after && result.Document is null && !IsCatchUp(events, after, result.Version))
                failures.Enqueue($"{tag}: rejoining at {after} got versions {string.Join(",", events.Select(e => e.Version).Take(20))} and version {result.Version}");
            foreach (var e in events)
                Offer(e);
            joined = true;
            Drain();
        }
    }

    /// <summary>A catch-up is every envelope after sinceVersion, in order, up to the version it returns (PROTOCOL.md §3).</summary>
    private static bool IsCatchUp(IReadOnlyList<Envelope> events, long since, long version) =>
        events.Select((e, i) => e.Version == since + 1 + i).All(inOrder => inOrder)
        && version == (events.Count == 0 ? since : events[^1].Version);

    /// <summary>Drops the connection; the calls in flight end, and those that got no answer stay pending.</summary>
    public async Task DropAsync(DropMode mode)
    {
        DraftingConnection gone;
        CancellationTokenSource stop;
        lock (gate)
        {
            (gone, stop) = (connection!, pumpStop!);
            (connection, pumpStop) = (null, null);
        }
        switch (mode)
        {
            case DropMode.Leave:
                try
                {
                    await gone.LeaveDocumentAsync(new LeaveDocumentRequest(documentId));
                    await gone.Hub.StopAsync();
                }
                catch (Exception e) when (e is not DraftingException)
                {
                }
                break;
            case DropMode.Cut:
                relay.Cut();
                await Task.Delay(random.Next(20));
                break;
            case DropMode.Deaf:
                relay.Deafen();
                await Task.Delay(random.Next(50, 250));
                relay.Cut();
                break;
        }
        await gone.DisposeAsync();
        await stop.CancelAsync();
        await pump;
        stop.Dispose();
        await Task.WhenAll(inFlight);
        figures.Add($"disconnects: {mode.ToString().ToLowerInvariant()}");
    }

    /// <summary>After a short random pause: connect, rejoin, send every unanswered write again, and sometimes an answered one too.</summary>
    public async Task ReconnectAsync()
    {
        await Task.Delay(random.Next(10, 150));
        await ConnectAsync();
        List<ConvergenceOp> retry;
        lock (gate)
        {
            retry = [.. pending];
            foreach (var op in retry)
                (op.Retried, op.VersionAtRetry) = (true, replica.Version);
        }
        figures.Add("retries", retry.Count);
        foreach (var op in retry)
            await LaunchAsync(op, duplicate: false);
        if (random.Next(3) == 0 && PickSeenOp() is { } again)
            await LaunchAsync(again, duplicate: true);
    }

    private ConvergenceOp? PickSeenOp()
    {
        lock (gate)
        {
            var seen = ops.Where(op => op.Answers.Any(a => a.Appended) && replica.HasSeen(participant.Id, op.ClientOpId)).ToList();
            return seen.Count == 0 ? null : seen[random.Next(seen.Count)];
        }
    }

    private async Task LaunchAsync(ConvergenceOp op, bool duplicate)
    {
        inFlight.RemoveAll(t => t.IsCompleted);
        while (inFlight.Count >= MaxInFlight)
        {
            await Task.WhenAny(inFlight);
            inFlight.RemoveAll(t => t.IsCompleted);
        }
        DraftingConnection on;
        lock (gate)
            on = connection!;
        inFlight.Add(SendAsync(op, on, duplicate));
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is { } open)
            await open.DisposeAsync();
        if (pumpStop is { } stop)
        {
            await stop.CancelAsync();
            await pump;
            stop.Dispose();
        }
    }
}
