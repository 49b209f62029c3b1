using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>
/// The SignalR JSON protocol spoken by hand over a WebSocket, for what the .NET client cannot send:
/// it replaces a lone surrogate with U+FFFD, while a browser's <c>JSON.stringify</c> sends it as <c>\ud800</c>.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket socket = new();
    private int invocations;

    public static async Task<RawHubSocket> ConnectAsync(Participant participant)
    {
        var raw = new RawHubSocket();
        var address = new UriBuilder(new Uri(participant.App.BaseAddress, HubPaths.Drafting.TrimStart('/')))
        {
            Scheme = "ws",
            Query = "access_token=" + Uri.EscapeDataString(participant.Api.Token!),
        };
        await raw.socket.ConnectAsync(address.Uri, CancellationToken.None);
        await raw.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        using var handshake = await raw.ReceiveAsync();
        Assert.False(handshake.RootElement.TryGetProperty("error", out _), handshake.RootElement.GetRawText());
        return raw;
    }

    /// <summary>Invokes <paramref name="target"/> with one argument written as raw JSON; answers the completion message.</summary>
    public async Task<JsonDocument> InvokeAsync(string target, string argumentJson)
    {
        var id = (++invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{argumentJson}]}}");
        while (true)
        {
            var message = await ReceiveAsync();
            var root = message.RootElement;
            if (root.GetProperty("type").GetInt32() == 3 && root.GetProperty("invocationId").GetString() == id)
                return message;
            message.Dispose();
        }
    }

    private async Task SendAsync(string json) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, CancellationToken.None);

    private readonly StringBuilder pending = new();

    private async Task<JsonDocument> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Timeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = pending.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                pending.Remove(0, end + 1);
                var message = JsonDocument.Parse(text[..end]);
                if (message.RootElement.TryGetProperty("type", out var type) && type.GetInt32() == 6)
                {
                    message.Dispose();
                    continue; // ping
                }
                return message;
            }
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
                throw new WebSocketException("the server closed the socket");
            pending.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            // The server may already have dropped the connection (e.g. one that stopped reading).
        }
        socket.Dispose();
    }
}
