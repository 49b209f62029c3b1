using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>The client's two streams: envelopes in (folded in version order) and answers to its writes.</summary>
public sealed partial class ConvergenceClient
{
    private async Task PumpAsync(DraftingConnection from, CancellationToken stop)
    {
        try
        {
            await foreach (var e in from.Applied.ReadAllAsync(stop))
            {
                lock (gate)
                {
                    Offer(e);
                    Drain();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Keeps an envelope the view has not folded yet. Called under the gate.</summary>
    private void Offer(Envelope e)
    {
        var signature = Signature(e);
        if (!received.TryAdd(e.Version, signature) && received[e.Version] != signature)
            failures.Enqueue($"{tag}: version {e.Version} came twice, different: {received[e.Version]} / {signature}");
        if (e.Version > replica.Version)
            early.TryAdd(e.Version, e);
    }

    /// <summary>Folds what is next in order; a gap left open is fetched after <see cref="GapWait"/>. Called under the gate.</summary>
    private void Drain()
    {
        while (early.Count > 0)
        {
            var (version, next) = early.First();
            if (version > replica.Version + 1)
                break;
            early.Remove(version);
            try
            {
                if (version == replica.Version + 1 && !replica.Apply(next))
                    throw new InvalidOperationException("not applied");
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{tag}: version {version} ({next.Type}) does not fold onto its view: {ex.Message}");
            }
        }
        if (early.Count > 0 && joined && !filling)
        {
            filling = true;
            _ = FillGapAsync();
        }
    }

    private async Task FillGapAsync()
    {
        await Task.Delay(GapWait);
        try
        {
            while (true)
            {
                long after;
                lock (gate)
                {
                    if (early.Count == 0)
                    {
                        filling = false;
                        return;
                    }
                    after = replica.Version;
                }
                var missing = await api.EventsAsync(documentId, after, 5000);
                lock (gate)
                    figures.Note($"{tag} filled a gap after version {after} (next received: {early.Keys.FirstOrDefault()})");
                figures.Add("gaps filled from GET /events");
                lock (gate)
                {
                    foreach (var e in missing)
                        Offer(e);
                    filling = false; // set again below if the fetch did not close the gap
                    Drain();
                    if (filling)
                        return;
                }
            }
        }
        catch (Exception e)
        {
            failures.Enqueue($"{tag}: filling a gap failed: {e.Message}");
            lock (gate)
                filling = false;
        }
    }

    /// <summary>
    /// Sends one write until it has an answer or its connection is gone. <c>rate-limited</c> and
    /// <c>unavailable</c> are retried with the same op id (PROTOCOL.md §4); the other refusals are answers.
    /// </summary>
    private async Task SendAsync(ConvergenceOp op, DraftingConnection on, bool duplicate)
    {
        while (true)
        {
            op.CountSend(duplicate);
            figures.Add("calls");
            try
            {
                op.Record(await op.SendAsync(on));
                Answered(op, duplicate);
                return;
            }
            catch (DraftingException e) when (e.Code is ErrorCode.RateLimited or ErrorCode.Unavailable)
            {
                figures.Add($"backed off: {ProtocolJson.Name(e.Code)}");
                await Task.Delay(Random.Shared.Next(100, 300));
                if (!IsLive(on))
                    return;
            }
            catch (DraftingException e) when (e.Code != ErrorCode.Unknown)
            {
                op.Refuse(e.Code, e.Message);
                Answered(op, duplicate);
                return;
            }
            catch (Exception e) when (!IsLive(on) || e is OperationCanceledException or IOException or InvalidOperationException)
            {
                return; // no answer: the op stays pending, and is sent again after the reconnect
            }
            catch (Exception e)
            {
                failures.Enqueue($"{tag}: the server failed {op}: {e.Message}");
                Answered(op, duplicate);
                return;
            }
        }
    }

    private bool IsLive(DraftingConnection on)
    {
        lock (gate)
            return ReferenceEquals(on, connection) && on.Hub.State == HubConnectionState.Connected;
    }

    private void Answered(ConvergenceOp op, bool duplicate)
    {
        if (duplicate)
            return;
        lock (gate)
        {
            pending.Remove(op);
            if (op.Kind == OpKind.Edit)
                editing.Remove(op.ParagraphId);
        }
    }
}
