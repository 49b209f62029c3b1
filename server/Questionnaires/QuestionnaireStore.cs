using JasperFx;
using JasperFx.Events;
using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Questionnaires.Entering;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Questionnaires;

/// <summary>A contribution as a paragraph's evidence link names it.</summary>
public sealed record ContributionReference(Guid QuestionnaireId, Guid ContributionId, string Label);

/// <summary>
/// The questionnaire streams: decide on the folded state, append with the expected version, fold what was appended.
/// Each questionnaire's state is cached on this node and caught up from its stream on every use, so a write made on
/// another node is seen; a write that loses the race to one is decided again. Database trouble is <c>unavailable</c>.
/// </summary>
public sealed class QuestionnaireStore(IDocumentStore store, ILogger<QuestionnaireStore> log)
{
    private const int Attempts = 20;

    private readonly StreamStates<QuestionnaireState> states = new(
        async (id, kept, ct) =>
        {
            var state = kept ?? new QuestionnaireState();
            var events = await DocumentStreams.Guarded(async () =>
            {
                await using var session = store.QuerySession();
                return await session.Events.FetchStreamAsync(id, fromVersion: state.Version + 1, token: ct);
            });
            // Documents share the events table: a document's id names no questionnaire.
            if ((state.Version == 0 && (events.Count == 0 || events[0].Data is not QuestionnaireCreated)) || events.Any(e => e.Data is not QuestionnaireEvent))
                return null;
            Fold(state, id, events);
            return state;
        },
        id => Refusal.NotFound($"questionnaire {id} does not exist"));

    public Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            var rows = await session.Query<QuestionnaireRow>().ToListAsync(ct);
            return (IReadOnlyList<QuestionnaireSummary>)rows
                .OrderBy(r => r.Title, StringComparer.CurrentCulture).ThenBy(r => r.Id)
                .Select(r => new QuestionnaireSummary(r.Id, r.Title, r.Deadline, r.Version, r.Questions, r.Respondents, r.Contributions, r.Late))
                .ToList();
        });

    /// <summary>Starts a questionnaire's stream (its id is new: nothing to race with).</summary>
    public async Task<T> CreateAsync<T>(Guid id, Actor actor, QuestionnaireDecision decision, Func<QuestionnaireState, T> answer, CancellationToken ct)
    {
        if (decision.Refusal is { } refusal)
            throw new RefusedException(refusal);
        var appended = await AppendAsync(id, 0, decision.Events, actor, ct);
        var state = new QuestionnaireState();
        Fold(state, id, appended);
        return answer(state);
    }

    /// <summary>Reads the current state alone on this node (the state is not thread-safe): <paramref name="read"/> must copy what it returns.</summary>
    public Task<T> ReadAsync<T>(Guid id, Func<QuestionnaireState, T> read, CancellationToken ct) =>
        states.WithStateAsync(id, (state, _) => Task.FromResult(read(state)), ct);

    public Task<T> ExecuteAsync<T>(
        Guid id, Actor actor, Func<QuestionnaireState, QuestionnaireDecision> decide, Func<QuestionnaireState, QuestionnaireDecision, T> answer, CancellationToken ct) =>
        states.WithStateAsync(id, async (state, refresh) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var decision = decide(state);
                if (decision.Refusal is { } refusal)
                    throw new RefusedException(refusal);
                if (decision.Events.Count == 0)
                    return answer(state, decision);
                try
                {
                    Fold(state, id, await AppendAsync(id, state.Version, decision.Events, actor, ct));
                    log.LogInformation("Questionnaire {Questionnaire} v{Version}: {Count} event(s) by {Participant} ({Delegation})",
                        id, state.Version, decision.Events.Count, actor.ParticipantId, actor.Delegation);
                    return answer(state, decision);
                }
                catch (ConcurrencyException) when (attempt < Attempts)
                {
                    // Another node appended first: decide again on the state as it now is.
                    await Task.Delay(Random.Shared.Next(attempt * 3), ct);
                    state = await refresh();
                }
                catch (ConcurrencyException)
                {
                    throw new RefusedException(new Refusal(ErrorCode.RateLimited,
                        "the questionnaire is too busy with writes from other servers; nothing was changed, retry later"));
                }
            }
        }, ct);

    /// <summary>The contribution and its label, wherever it is; null when no questionnaire holds it.</summary>
    public async Task<ContributionReference?> FindContributionAsync(Guid contributionId, CancellationToken ct)
    {
        var index = await DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<ContributionIndexRow>(contributionId, ct);
        });
        if (index is null)
            return null;
        return await ReadAsync(index.QuestionnaireId, state =>
            state.Contribution(contributionId) is { } contribution
                ? new ContributionReference(index.QuestionnaireId, contributionId, state.Label(contribution))
                : null, ct);
    }

    private Task<IReadOnlyList<IEvent>> AppendAsync(Guid id, long expectedVersion, IReadOnlyList<QuestionnaireEvent> events, Actor actor, CancellationToken ct) =>
        DocumentStreams.Guarded(async () =>
        {
            var stamped = events.Select(e => (object)(e with { By = actor })).ToArray();
            await using var session = store.LightweightSession();
            var action = expectedVersion == 0
                ? session.Events.StartStream(id, stamped)
                : session.Events.Append(id, expectedVersion + stamped.Length, stamped);
            await session.SaveChangesAsync(ct);
            return (IReadOnlyList<IEvent>)action.Events;
        });

    private static void Fold(QuestionnaireState state, Guid id, IReadOnlyList<IEvent> events)
    {
        foreach (var e in events)
            state.Apply((QuestionnaireEvent)e.Data, id, e.Version, Timestamps.Trim(e.Timestamp));
    }
}
