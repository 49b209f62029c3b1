using System.Buffers;
using System.Diagnostics.CodeAnalysis;
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

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

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
