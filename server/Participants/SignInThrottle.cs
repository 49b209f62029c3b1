using System.Collections.Concurrent;
using System.Net;

namespace WGEC.Drafting.Participants;

/// <summary>
/// Repeated failed sign-ins from one address are answered 429 (PROTOCOL.md §1), so invite codes
/// cannot be guessed: at most <c>Drafting:SignInFailuresPerMinute</c> failures (default 10) per address per minute.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration config)
{
    private readonly int limit = config.GetValue("Drafting:SignInFailuresPerMinute", 10);
    private readonly ConcurrentDictionary<IPAddress, Queue<DateTimeOffset>> failures = new();

    public bool IsBlocked(IPAddress? address)
    {
        if (address is null || !failures.TryGetValue(address, out var times))
            return false;
        lock (times)
        {
            Forget(times);
            return times.Count >= limit;
        }
    }

    public void Failed(IPAddress? address)
    {
        if (address is null)
            return;
        var times = failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times);
            times.Enqueue(clock.GetUtcNow());
        }
    }

    private void Forget(Queue<DateTimeOffset> times)
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-1);
        while (times.Count > 0 && times.Peek() < cutoff)
            times.Dequeue();
    }
}
