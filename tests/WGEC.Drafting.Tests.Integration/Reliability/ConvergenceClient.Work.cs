using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Client;
using WGEC.Drafting.Collaboration;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What the client does: a delegate writes, an observer watches; both drop and come back.</summary>
public sealed partial class ConvergenceClient
{
    /// <summary>A delegate at work: <paramref name="count"/> ops of <paramref name="schedule"/>, dropping the connection now and then.</summary>
    public async Task WriteAsync(ConvergenceSchedule schedule, int count, double dropChance)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(random.Next(2, 12));
            if (random.NextDouble() < dropChance)
            {
                var mode = (DropMode)random.Next(4);
                if (mode == DropMode.Deaf)
                {
                    // The client cannot tell its answers are being lost: it goes on writing for a moment.
                    relay.Deafen();
                    for (var more = random.Next(1, MaxInFlight); more > 0 && inFlight.Count(t => !t.IsCompleted) < MaxInFlight; more--, i++)
                        await NextAsync(schedule);
                }
                await DropAsync(mode);
                await ReconnectAsync();
            }
            await EnsureConnectedAsync();
            await NextAsync(schedule);
        }
        await SettleAsync();
    }

    private async Task NextAsync(ConvergenceSchedule schedule)
    {
        ConvergenceOp? op;
        lock (gate)
        {
            op = schedule.Next(replica, editing);
            if (op is null)
                return;
            ops.Add(op);
            pending.Add(op);
            if (op.Kind == OpKind.Edit)
                editing.Add(op.ParagraphId);
        }
        await LaunchAsync(op, duplicate: false);
    }

    /// <summary>
    /// An observer: watches, and drops and rejoins now and then, until <paramref name="done"/>. One that
    /// starts with a long absence comes back more than <see cref="DraftingHub.MaxCatchUp"/>
    /// versions behind, and is sent the whole document instead of the events.
    /// </summary>
    public async Task WatchAsync(CancellationToken done, bool longAbsence = false)
    {
        if (longAbsence)
        {
            var since = Version;
            await DropAsync(DropMode.Leave);
            while (!done.IsCancellationRequested && (await api.EventsAsync(documentId, since + DraftingHub.MaxCatchUp, 1)).Length == 0)
                await Task.Delay(100, CancellationToken.None);
            await ReconnectAsync();
        }
        while (!done.IsCancellationRequested)
        {
            await Task.Delay(random.Next(50, 400), CancellationToken.None);
            if (random.Next(3) == 0)
            {
                await DropAsync((DropMode)random.Next(4));
                await ReconnectAsync();
            }
            await EnsureConnectedAsync();
        }
    }

    /// <summary>Until every write has its answer, on a live connection.</summary>
    public async Task SettleAsync()
    {
        for (var round = 0; ; round++)
        {
            await EnsureConnectedAsync();
            await Task.WhenAll(inFlight);
            lock (gate)
            {
                if (pending.Count == 0 && connection?.Hub.State == HubConnectionState.Connected)
                    return;
            }
            if (round == 20)
                throw new TimeoutException($"{tag}: {pending.Count} writes still unanswered after {round} reconnects");
            await DropAsync(DropMode.Dispose);
            await ReconnectAsync();
        }
    }

    /// <summary>Waits until the view has folded in <paramref name="version"/>; gaps are filled on the way.</summary>
    public async Task<bool> CatchUpAsync(long version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Version < version)
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }

    private async Task EnsureConnectedAsync()
    {
        DraftingConnection? now;
        lock (gate)
            now = connection;
        if (now?.Hub.State == HubConnectionState.Connected)
            return;
        // Nobody here dropped it: the server or the network did. It is counted, and handled like any drop.
        figures.Add("disconnects: not planned");
        failures.Enqueue($"{tag}: the connection closed without the test dropping it");
        await DropAsync(DropMode.Dispose);
        await ReconnectAsync();
    }
}
