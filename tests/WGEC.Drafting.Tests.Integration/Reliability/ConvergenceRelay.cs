using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// One client's network: a loopback port forwarding to the server, whose connections can be cut at
/// once with a TCP reset, as a dropped Wi-Fi or a pulled cable does: no close frame, no goodbye,
/// and whatever was in flight may or may not have reached the server.
/// </summary>
public sealed class ConvergenceRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, Socket> pairs = new();
    private readonly int target;
    private readonly Task accepting;

    public ConvergenceRelay(int target)
    {
        this.target = target;
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Resets every connection open now, on both sides.</summary>
    public void Cut()
    {
        foreach (var (down, up) in pairs)
        {
            Reset(down);
            Reset(up);
        }
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
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
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

    private async Task CopyAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }
}
