using Microsoft.AspNetCore.SignalR;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Around every hub call: the per-connection rate limit, and refusals turned into
/// <see cref="HubException"/>s whose message starts with the §4 code (<c>forbidden: …</c>).
/// </summary>
public sealed class HubGuard(IConfiguration config, TimeProvider clock, ILogger<HubGuard> log) : IHubFilter
{
    private readonly double callsPerSecond = config.GetValue("Drafting:HubCallsPerSecond", 50.0);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var invocation = invocationContext;
        var bucket = (TokenBucket)invocation.Context.Items.GetOrAdd(nameof(TokenBucket), _ => new TokenBucket(callsPerSecond, clock))!;
        if (!bucket.TryTake())
            throw Refused(new Refusal(ErrorCode.RateLimited, $"more than {callsPerSecond:0} calls a second on this connection; retry later with the same clientOpId"));
        if (invocation.HubMethodArguments is [null])
            throw Refused(Refusal.Invalid($"{invocation.HubMethodName} takes one request object"));
        try
        {
            return await next(invocation);
        }
        catch (RefusedException refused)
        {
            throw Refused(refused.Refusal);
        }
        catch (Exception failed) when (failed is not HubException and not OperationCanceledException)
        {
            // A refusal is an answer, not an error (SignalR's own dispatcher log, which would report every
            // one with a stack trace, is off in appsettings.json); this is a fault of the server's.
            log.LogError(failed, "{Method} failed on connection {Connection}", invocation.HubMethodName, invocation.Context.ConnectionId);
            throw;
        }
    }

    private static HubException Refused(Refusal refusal) => new(refusal.ToString());

    /// <summary>Starts full: a burst of one second's allowance, then refills continuously.</summary>
    private sealed class TokenBucket(double perSecond, TimeProvider clock)
    {
        private readonly Lock gate = new();
        private double tokens = double.MaxValue;
        private long last = clock.GetTimestamp();

        public bool TryTake()
        {
            lock (gate)
            {
                var now = clock.GetTimestamp();
                tokens = Math.Min(perSecond, tokens + (clock.GetElapsedTime(last, now).TotalSeconds * perSecond));
                last = now;
                if (tokens < 1)
                    return false;
                tokens -= 1;
                return true;
            }
        }
    }
}

internal static class ItemsExtensions
{
    public static object? GetOrAdd(this IDictionary<object, object?> items, object key, Func<object, object> create)
    {
        if (!items.TryGetValue(key, out var value))
            items[key] = value = create(key);
        return value;
    }
}
