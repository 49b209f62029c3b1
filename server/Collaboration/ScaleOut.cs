using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Several nodes on one database. With <c>Drafting:Redis</c> set, SignalR's Redis backplane carries every
/// group send (envelopes, follow-the-chair) to the connections of every node, and presence is shared
/// through Redis. Writes need nothing more: the stream's expected version already arbitrates between
/// nodes. Without it, one node works alone, as it always has.
/// </summary>
public static class ScaleOut
{
    public const string Key = "Drafting:Redis";

    public static ISignalRServerBuilder AddDraftingScaleOut(this ISignalRServerBuilder signalR, IConfiguration config)
    {
        var services = signalR.Services;
        if (config[Key] is not { Length: > 0 } redis)
        {
            services.AddSingleton<IPresenceExchange, NoOtherNodes>();
            return signalR;
        }
        var options = ConfigurationOptions.Parse(redis);
        // A Redis that is down at start, or goes away, is reconnected to; /health says so meanwhile.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IPresenceExchange, RedisPresence>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return signalR.AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration = options.Clone();
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal("wgec-drafting");
        });
    }
}

/// <summary>Presence on the other nodes: this node's entries of a document are shared, theirs come back.</summary>
public interface IPresenceExchange
{
    /// <param name="local">This node's entries (empty: nobody here follows the document any more).</param>
    Task<IReadOnlyList<PresenceEntry>> ExchangeAsync(Guid documentId, IReadOnlyList<PresenceEntry> local);
}

public sealed class NoOtherNodes : IPresenceExchange
{
    public Task<IReadOnlyList<PresenceEntry>> ExchangeAsync(Guid documentId, IReadOnlyList<PresenceEntry> local) =>
        Task.FromResult<IReadOnlyList<PresenceEntry>>([]);
}

/// <summary>
/// Each node keeps its entries of a document under a key of its own that lives a few seconds unless it
/// is written again (every second while anyone here follows the document), so a node that dies drops
/// out of everyone's presence by itself. Presence is best effort: Redis trouble leaves it local.
/// </summary>
public sealed class RedisPresence(IConnectionMultiplexer redis, ILogger<RedisPresence> log) : IPresenceExchange
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);
    private readonly string node = Guid.NewGuid().ToString("N");

    public async Task<IReadOnlyList<PresenceEntry>> ExchangeAsync(Guid documentId, IReadOnlyList<PresenceEntry> local)
    {
        try
        {
            var db = redis.GetDatabase();
            var nodes = (RedisKey)$"wgec-drafting:presence:{documentId:N}";
            if (local.Count > 0)
            {
                await db.StringSetAsync(Entries(documentId, node), JsonSerializer.Serialize(local, ProtocolJson.Options), Lifetime);
                await db.SetAddAsync(nodes, node);
                await db.KeyExpireAsync(nodes, TimeSpan.FromHours(1));
            }
            else
            {
                await db.KeyDeleteAsync(Entries(documentId, node));
                await db.SetRemoveAsync(nodes, node);
            }
            var others = new List<PresenceEntry>();
            foreach (var other in await db.SetMembersAsync(nodes))
            {
                if (other == node)
                    continue;
                var json = await db.StringGetAsync(Entries(documentId, other!));
                if (json.IsNull)
                    await db.SetRemoveAsync(nodes, other); // that node is gone
                else
                    others.AddRange(JsonSerializer.Deserialize<List<PresenceEntry>>(json.ToString(), ProtocolJson.Options) ?? []);
            }
            return others;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or JsonException)
        {
            log.LogWarning(e, "Presence of {Document} not shared with the other nodes", documentId);
            return [];
        }
    }

    private static RedisKey Entries(Guid documentId, string node) => $"wgec-drafting:presence:{documentId:N}:{node}";
}

/// <summary>Healthy when Redis answers a ping (only registered when the server uses Redis).</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer", e);
        }
    }
}
