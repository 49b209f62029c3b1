using System.Collections.Concurrent;
using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Participants;

/// <summary>
/// Participants, cached on the node so that the check every call makes costs at most one small
/// query a second per participant. A revocation on this node takes effect at once; one made on
/// another node sharing the database within <see cref="Freshness"/>.
/// </summary>
public sealed class ParticipantDirectory(IDocumentStore store, TimeProvider clock)
{
    /// <summary>How long a cached participant is trusted before it is read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, (ParticipantRecord Record, DateTimeOffset ReadAt)> cache = new();

    public async Task<ParticipantRecord?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var cached = cache.TryGetValue(id, out var known);
        if (cached && clock.GetUtcNow() - known.ReadAt < Freshness)
            return known.Record;
        try
        {
            return (await ReadAsync([id], ct)).GetValueOrDefault(id);
        }
        catch (RefusedException down) when (cached && down.Refusal.Code == ErrorCode.Unavailable)
        {
            // The database is down: go on with what this node last knew rather than fail every call.
            return known.Record;
        }
    }

    /// <summary>Reads participants from the database in one query and refreshes the cache with them.</summary>
    public async Task<IReadOnlyDictionary<Guid, ParticipantRecord>> ReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var loaded = await DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadManyAsync<ParticipantRecord>(ct, ids);
        });
        foreach (var record in loaded)
            cache[record.Id] = (record, now);
        return loaded.ToDictionary(p => p.Id);
    }

    public async Task<bool> IsActiveAsync(Guid id, CancellationToken ct = default) =>
        (await GetAsync(id, ct))?.IsActive == true;

    public Task<ParticipantRecord?> FindByInviteCodeAsync(string code, CancellationToken ct = default) =>
        DocumentStreams.Guarded(async () =>
        {
            var hash = InviteCodes.Hash(code);
            await using var session = store.QuerySession();
            return await session.Query<ParticipantRecord>().FirstOrDefaultAsync(p => p.InviteCodeHash == hash, ct);
        });

    public Task<IReadOnlyList<ParticipantRecord>> ListAsync(CancellationToken ct = default) =>
        DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            var all = await session.Query<ParticipantRecord>().ToListAsync(ct);
            return (IReadOnlyList<ParticipantRecord>)all.OrderBy(p => p.CreatedAt).ToList();
        });

    public async Task<ParticipantRecord> CreateAsync(string name, string delegation, Role role, string inviteCode, CancellationToken ct = default)
    {
        var record = ParticipantRecord.New(name, delegation, role, inviteCode, clock.GetUtcNow());
        await DocumentStreams.Guarded(async () =>
        {
            await using var session = store.LightweightSession();
            session.Insert(record);
            await session.SaveChangesAsync(ct);
            return record;
        });
        cache[record.Id] = (record, clock.GetUtcNow());
        return record;
    }

    /// <returns>false when there is no such participant.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var record = await GetAsync(id, ct);
        if (record is null)
            return false;
        if (record.IsActive)
        {
            var revoked = await DocumentStreams.Guarded(async () =>
            {
                await using var session = store.LightweightSession();
                var stored = await session.LoadAsync<ParticipantRecord>(id, ct) ?? record;
                stored.RevokedAt = clock.GetUtcNow();
                session.Store(stored);
                await session.SaveChangesAsync(ct);
                return stored;
            });
            cache[id] = (revoked, clock.GetUtcNow());
        }
        return true;
    }
}
