using JasperFx;
using JasperFx.Events;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Writing;

/// <summary>Hands each committed batch of events on, e.g. to the hub's broadcast. Must not block.</summary>
public interface ICommittedEvents
{
    void Publish(Guid documentId, IReadOnlyList<IEvent> events);
}

/// <summary>
/// The edit pipeline of DESIGN.md: validate and decide on the cached state, append with the
/// expected version, and only then update the cache and publish. A concurrency conflict (another
/// node, or a process that shares the database) refreshes the state and decides again.
/// </summary>
public sealed class DocumentWriter(
    DocumentCache cache, DocumentStreams streams, DocumentSnapshots snapshots, ICommittedEvents committed, Operations.DraftingMetrics metrics,
    ILogger<DocumentWriter> log)
{
    private const int Attempts = 20;
    private const int BackoffMilliseconds = 3;

    public async Task<T> ExecuteAsync<T>(Guid documentId, Actor actor, string? clientOpId, Func<DocumentState, Decision> decide, CancellationToken ct)
        where T : class
    {
        if (clientOpId is { Length: > TextRules.MaxClientOpIdLength })
            throw new RefusedException(Refusal.Invalid($"clientOpId is at most {TextRules.MaxClientOpIdLength} characters"));
        // Stored with the events for the life of the document: text by the rules of every other text (PostgreSQL
        // cannot even store a NUL in the events' JSON, so it would fail the write with no code).
        if (clientOpId is not null && TextRules.Normalize(clientOpId, TextRules.MaxClientOpIdLength, "clientOpId", allowBlankLines: true).Refusal is { } bad)
            throw new RefusedException(bad);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Taken under the document's gate (the state goes on changing), stored after it is released.
        List<DocumentSnapshot>? due = null;
        var answer = await cache.WithStateAsync(documentId, async (state, refresh) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                if (state.ResultOf(actor.ParticipantId, clientOpId) is { } first)
                {
                    return first as T ?? throw new RefusedException(Refusal.Invalid(
                        $"clientOpId '{clientOpId}' was already used by this participant for another kind of call"));
                }
                if (state.AdoptedAt is { } adopted)
                    throw new RefusedException(Refusal.Locked($"the document was adopted on {adopted:yyyy-MM-dd HH:mm} UTC; it is read-only"));
                var decision = decide(state);
                if (decision.Refusal is { } refusal)
                    throw new RefusedException(refusal);
                if (decision.Events.Count == 0)
                    return (T)decision.Unchanged!;
                var events = Stamp(decision.Events, state, actor, clientOpId);
                try
                {
                    var appended = await streams.AppendAsync(documentId, state.Version, events, ct);
                    due = Apply(state, appended);
                    committed.Publish(documentId, appended);
                    foreach (var stored in appended)
                        metrics.Stored(Reading.Envelopes.TypeOf((DocumentEvent)stored.Data));
                    log.LogInformation("{Document} v{Version} {Type} by {Participant} ({Delegation})",
                        documentId, state.Version, events[^1].GetType().Name, actor.ParticipantId, actor.Delegation);
                    return (T)state.LastResult!;
                }
                catch (ConcurrencyException) when (attempt < Attempts)
                {
                    // Another node appended first. Back off a little, at random, so nodes that keep
                    // colliding stop doing it in step; then decide again on the refreshed state.
                    await Task.Delay(Random.Shared.Next(attempt * BackoffMilliseconds), ct);
                    state = await refresh();
                }
                catch (ConcurrencyException)
                {
                    throw new RefusedException(new Refusal(ErrorCode.RateLimited,
                        "the document is too busy with writes from other servers; nothing was changed, retry with the same clientOpId"));
                }
            }
        }, ct);
        if (due is not null)
            await snapshots.TrySaveAsync(due, CancellationToken.None);
        metrics.Answered(started, ProtocolJson.Name(OutcomeOf(answer)));
        return answer;
    }

    /// <summary>
    /// Folds committed events into the writer's own state (always folded from the whole stream, so
    /// it keeps idempotency results and merge bases), and snapshots it at each snapshot point passed.
    /// </summary>
    private static List<DocumentSnapshot>? Apply(DocumentState state, IReadOnlyList<IEvent> appended)
    {
        List<DocumentSnapshot>? due = null;
        foreach (var e in appended)
        {
            var data = (DocumentEvent)e.Data;
            state.Apply(data, e.Version, Timestamps.Trim(e.Timestamp));
            if (SnapshotPolicy.IsSnapshotPoint(data, e.Version))
                (due ??= []).Add(state.ToSnapshot());
        }
        return due;
    }

    private static Outcome OutcomeOf(object answer) => answer switch
    {
        InsertParagraphResult r => r.Outcome,
        ParagraphTextResult r => r.Outcome,
        AddCommentResult r => r.Outcome,
        TableProposalResult r => r.Outcome,
        RowResult r => r.Outcome,
        MergeRowsResult r => r.Outcome,
        WriteResult r => r.Outcome,
        _ => Outcome.Unknown,
    };

    /// <summary>Checks something against the document's current state (e.g. that a paragraph exists); a refusal is thrown.</summary>
    public Task ReadAsync(Guid documentId, Func<DocumentState, Refusal?> check, CancellationToken ct) =>
        cache.WithStateAsync(documentId, (state, _) =>
            check(state) is { } refusal ? throw new RefusedException(refusal) : Task.FromResult(true), ct);

    /// <summary>
    /// Who did it, in which meeting, and under which op id: the op id goes on the last event of the
    /// call only, whose answer is the call's answer (and the one a retry gets again).
    /// </summary>
    private static List<DocumentEvent> Stamp(IReadOnlyList<DocumentEvent> events, DocumentState state, Actor actor, string? clientOpId) =>
        [.. events.Select((e, i) => e with
        {
            By = actor,
            ClientOpId = i == events.Count - 1 ? clientOpId : null,
            Meeting = e is MeetingOpened opened ? opened.Name : state.Meeting?.Name,
        })];

    /// <summary>Starts a new document stream (nothing to be concurrent with: the id is new).</summary>
    public async Task<DocumentState> CreateAsync(Guid documentId, Actor actor, Decision decision, CancellationToken ct)
    {
        if (decision.Refusal is { } refusal)
            throw new RefusedException(refusal);
        var events = decision.Events.Select(e => e with { By = actor }).ToList();
        return await StartedAsync(documentId, await streams.AppendAsync(documentId, 0, events, ct));
    }

    /// <summary>Starts a document stream with a whole history brought from another server, as it was.</summary>
    public async Task<DocumentState> ImportAsync(Guid documentId, IReadOnlyList<Importing.ImportedEvent> history, CancellationToken ct) =>
        await StartedAsync(documentId, await streams.ImportAsync(documentId, history, ct));

    private async Task<DocumentState> StartedAsync(Guid documentId, IReadOnlyList<IEvent> appended)
    {
        committed.Publish(documentId, appended);
        var state = new DocumentState();
        // A draft of more than a thousand paragraphs, or a long history, passes snapshot points already.
        if (Apply(state, appended) is { } due)
            await snapshots.TrySaveAsync(due, CancellationToken.None);
        return state;
    }
}
