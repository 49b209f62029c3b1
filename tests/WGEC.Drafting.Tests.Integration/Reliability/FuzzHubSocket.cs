using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What the hub answered one raw invocation: its completion (a result or an error), or a closed connection.</summary>
internal sealed record HubAnswer(string? Error, string? Result, string? Closed)
{
    public override string ToString() =>
        Closed is not null ? $"connection closed ({Closed})" : Error is not null ? $"error \"{Clip(Error)}\"" : $"result {Clip(Result ?? "null")}";

    private static string Clip(string text) => text.Length <= 240 ? text : text[..240] + $"… ({text.Length:N0} chars)";
}

/// <summary>
/// The SignalR JSON protocol spoken by hand to a server at any address, for frames no client library
/// would write: raw argument JSON, lone surrogates as <c>\ud800</c>, broken JSON, bytes that are not UTF-8.
/// Unlike the shared RawHubSocket it reports a closed connection as an answer instead of failing.
/// </summary>
internal sealed class FuzzHubSocket : IAsyncDisposable
{
    private const byte Separator = 0x1e;
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket = new();
    private readonly MemoryStream pending = new();
    private int invocations;

    public bool IsOpen => socket.State == WebSocketState.Open;

    public static async Task<FuzzHubSocket> ConnectAsync(Uri server, string token)
    {
        var raw = new FuzzHubSocket();
        raw.socket.Options.SetBuffer(64 * 1024, 64 * 1024);
        var address = new UriBuilder(new Uri(server, HubPaths.Drafting.TrimStart('/')))
        {
            Scheme = "ws",
            Query = "access_token=" + Uri.EscapeDataString(token),
        };
        await raw.socket.ConnectAsync(address.Uri, CancellationToken.None);
        await raw.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}"));
        var handshake = await raw.ReceiveAsync();
        if (handshake is not { } h || h.TryGetProperty("error", out _))
            throw new InvalidOperationException($"handshake refused: {handshake}");
        return raw;
    }

    /// <summary>Invokes <paramref name="target"/> with the raw JSON between the brackets of <c>"arguments":[…]</c>.</summary>
    public Task<HubAnswer> InvokeAsync(string target, string arguments) =>
        InvokeRawAsync(target, Encoding.UTF8.GetBytes(arguments));

    /// <summary>As <see cref="InvokeAsync"/> with the arguments as bytes, which need not be UTF-8 or JSON at all.</summary>
    public async Task<HubAnswer> InvokeRawAsync(string target, byte[] arguments)
    {
        var id = (++invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var head = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[");
        byte[] frame = [.. head, .. arguments, .. "]}"u8];
        try
        {
            await SendAsync(frame);
            while (true)
            {
                if (await ReceiveAsync() is not { } message)
                    return new HubAnswer(null, null, "the server closed the socket");
                var type = message.TryGetProperty("type", out var t) ? t.GetInt32() : 0;
                if (type == 7)
                    return new HubAnswer(null, null, message.TryGetProperty("error", out var why) ? why.GetString() : "close message");
                if (type == 3 && message.GetProperty("invocationId").GetString() == id)
                {
                    return message.TryGetProperty("error", out var error)
                        ? new HubAnswer(error.GetString() ?? "", null, null)
                        : new HubAnswer(null, message.TryGetProperty("result", out var result) ? result.GetRawText() : "null", null);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return new HubAnswer(null, null, e.Message);
        }
    }

    /// <summary>
    /// A frame that is not UTF-8 goes as a binary WebSocket message: a text message must be UTF-8 (RFC 6455
    /// §8.1 has the receiver fail the connection otherwise), while SignalR reads either kind the same way.
    /// </summary>
    private Task SendAsync(byte[] message) =>
        socket.SendAsync((byte[])[.. message, Separator], Utf8.IsValid(message) ? WebSocketMessageType.Text : WebSocketMessageType.Binary,
            true, CancellationToken.None);

    /// <summary>The next message other than a ping, or null when the socket closed. Split on the separator byte, then decoded.</summary>
    private async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
            var end = bytes.IndexOf(Separator);
            if (end >= 0)
            {
                var message = JsonDocument.Parse(bytes[..end].ToArray()).RootElement.Clone();
                var rest = bytes[(end + 1)..].ToArray();
                pending.SetLength(0);
                pending.Write(rest);
                if (message.TryGetProperty("type", out var ping) && ping.GetInt32() == 6)
                    continue;
                return message;
            }
            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no answer from the hub in {AnswerTimeout.TotalSeconds:0} s: the server hangs on this input");
            }
            if (received.MessageType == WebSocketMessageType.Close)
                return null;
            pending.Write(buffer, 0, received.Count);
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
            // Already dropped by the server.
        }
        socket.Dispose();
        await pending.DisposeAsync();
    }
}
