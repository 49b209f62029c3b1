using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// SignalR's JSON hub protocol, with its error answers in the form of PROTOCOL.md §3: a refusal's
/// message starts with its §4 code. SignalR itself prefixes a <see cref="HubException"/>'s message
/// ("An unexpected error occurred invoking 'X' on the server. HubException: ") and answers a
/// request it cannot read without any code; both are rewritten here, on the way out.
/// An invocation that is not JSON at all, or nested past the JSON reader's depth limit, would close the
/// connection; it is answered <c>invalid</c> like any other unreadable request, when its id can be read.
/// </summary>
public sealed class CodedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private const string HubExceptionMarker = "HubException: ";
    private const string BindingFailure = "Failed to invoke '";

    private readonly JsonHubProtocol inner = new(options);

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var unread = input;
        try
        {
            return inner.TryParseMessage(ref input, binder, out message);
        }
        catch (InvalidDataException error)
        {
            // The inner parser cuts the message off at its separator before it reads it, so the input is past it already.
            var payload = unread.Slice(0, unread.Length - input.Length - 1);
            message = UnreadableInvocation(payload, error);
            if (message is null)
                throw;
            return true;
        }
    }

    /// <summary>
    /// A binding failure for an invocation whose JSON is broken or too deep, read leniently up to the fault:
    /// SignalR answers it "Failed to invoke", which goes out as <c>invalid</c>. Null when it is no invocation.
    /// </summary>
    private static InvocationBindingFailureMessage? UnreadableInvocation(ReadOnlySequence<byte> payload, InvalidDataException error)
    {
        // No depth limit: skipping a deep value is iterative, and the message is at most the hub's 256 KB.
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = int.MaxValue });
        int? type = null;
        string? id = null, target = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "type" when reader.TokenType == JsonTokenType.Number:
                        type = reader.GetInt32();
                        break;
                    case "invocationId" when reader.TokenType == JsonTokenType.String:
                        id = reader.GetString();
                        break;
                    case "target" when reader.TokenType == JsonTokenType.String:
                        target = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Read what came before the fault.
        }
        return type == HubProtocolConstants.InvocationMessageType && target is not null
            ? new InvocationBindingFailureMessage(id, target, ExceptionDispatchInfo.Capture(error))
            : null;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(Recode(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(Recode(message));

    private static HubMessage Recode(HubMessage message) =>
        message is CompletionMessage { Error: { } error, InvocationId: { } id } completion
            ? new CompletionMessage(id, Recode(error), null, false) { Headers = completion.Headers }
            : message;

    public static string Recode(string error)
    {
        var refusal = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        if (refusal >= 0)
            return error[(refusal + HubExceptionMarker.Length)..];
        return error.StartsWith(BindingFailure, StringComparison.Ordinal)
            ? "invalid: the request could not be read; each method takes one request object whose fields have the protocol's types"
            : error;
    }
}
