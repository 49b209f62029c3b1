using System.Net;
using System.Net.Sockets;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// A loopback port that forwards to another, retargetable. The embedded cluster picks a new port at
/// every start, so an app that must outlive a database restart is pointed here instead.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private volatile int target;

    public TcpRelay(int target)
    {
        this.target = target;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Target
    {
        set => target = value;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, target, stop.Token);
                var (down, up) = (client.GetStream(), upstream.GetStream());
                // Either side closing closes both, as a direct connection would be closed.
                await Task.WhenAny(CopyAsync(down, up), CopyAsync(up, down));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // The database is down: the client sees its connection closed.
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
