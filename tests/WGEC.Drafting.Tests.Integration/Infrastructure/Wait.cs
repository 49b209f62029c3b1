using System.Threading.Channels;

namespace WGEC.Drafting.Tests.Infrastructure;

public static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The next item that matches, skipping others; fails after <see cref="Timeout"/>.</summary>
    public static async Task<T> ForAsync<T>(this ChannelReader<T> reader, Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        while (true)
        {
            var item = await reader.ReadAsync(cts.Token);
            if (match is null || match(item))
                return item;
        }
    }

    /// <summary>Polls until the condition holds; fails after <see cref="Timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("condition not met in time");
            await Task.Delay(50);
        }
    }
}
