using Microsoft.AspNetCore.SignalR;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Diagnostics only, mapped when <c>Drafting:Diagnostics</c> is true: a bare SignalR round trip with no
/// token, database or document behind it, so the load tool can tell the transport's share of an edit's latency.
/// </summary>
public sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";

    public string Echo(string text) => text;
}
