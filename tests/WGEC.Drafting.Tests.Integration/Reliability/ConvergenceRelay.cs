using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// One client's network: a loopback port forwarding to the server, whose connections can be cut at
/// once with a TCP reset, as a dropped Wi-Fi or a pulled cable does: no close frame, no goodbye,
/// and whatever was in flight may or may not have reached the server. Before a cut it can also go
/// deaf: what the client sends still arrives, what the server answers is lost.
/// </summary>
public sealed class ConvergenceRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, Socket> pairs = new();
    private readonly int target;
    private readonly Task accepting;
    private volatile bool deaf;

    public ConvergenceRelay(int target)
    {
        this.target = target;
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>From now until the cut, everything the server sends is lost (its answers, its envelopes).</summary>
    public void Deafen() => deaf = true;

    /// <summary>Resets every connection open now, on both sides.</summary>
    public void Cut()
    {
        foreach (var (down, up) in pairs)
        {
            Reset(down);
            Reset(up);
        }
        deaf = false;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Cut();
        await accepting;
        stop.Dispose();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
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

    private async Task ForwardAsync(TcpClient down)
    {
        using var up = new TcpClient();
        var socket = down.Client;
        try
        {
            await up.ConnectAsync(IPAddress.Loopback, target, stop.Token);
            pairs[down.Client] = up.Client;
            var (client, server) = (down.GetStream(), up.GetStream());
            await Task.WhenAny(CopyAsync(client, server, fromServer: false), CopyAsync(server, client, fromServer: true));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            pairs.TryRemove(socket, out _);
            down.Dispose();
        }
    }

    private async Task CopyAsync(Stream from, Stream to, bool fromServer)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (!(fromServer && deaf))
                    await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }
}
