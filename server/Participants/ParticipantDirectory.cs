using System.Collections.Concurrent;
using Marten;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Participants;

/// <summary>
/// Participants, cached on the node: every call checks revocation here, so the check costs no
/// database round trip, and a revocation on this node takes effect at once.
/// </summary>
public sealed class ParticipantDirectory(IDocumentStore store, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, ParticipantRecord> cache = new();

    public async Task<ParticipantRecord?> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(id, out var known))
            return known;
        var loaded = await DocumentStreams.Guarded(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<ParticipantRecord>(id, ct);
        });
        return loaded is null ? null : cache.GetOrAdd(id, loaded);
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
        return cache.GetOrAdd(record.Id, record);
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
            cache[id] = revoked;
        }
        return true;
    }
}
