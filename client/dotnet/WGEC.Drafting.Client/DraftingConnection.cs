using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Client;

/// <summary>
/// A typed connection to the hub <c>/hubs/drafting</c>: one method per hub method of PROTOCOL.md §3,
/// refusals as <see cref="DraftingException"/>, and every envelope and presence update kept in order.
/// </summary>
public sealed class DraftingConnection : IAsyncDisposable
{
    private readonly Channel<Envelope> applied = Channel.CreateUnbounded<Envelope>();
    private readonly Channel<PresenceView> presence = Channel.CreateUnbounded<PresenceView>();
    private readonly Channel<FollowView> follow = Channel.CreateUnbounded<FollowView>();
    private readonly Channel<CitedView> cited = Channel.CreateUnbounded<CitedView>();

    public DraftingConnection(Uri server, Func<Task<string?>> token, HttpTransportType transport = HttpTransportType.WebSockets)
    {
        Hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubPaths.Drafting.TrimStart('/')), transport, options => options.AccessTokenProvider = token)
            .AddJsonProtocol(options => ProtocolJson.Configure(options.PayloadSerializerOptions))
            .Build();
        Hub.On<Envelope>(nameof(IDraftingClient.Applied), e => applied.Writer.TryWrite(e));
        Hub.On<PresenceView>(nameof(IDraftingClient.Presence), p => presence.Writer.TryWrite(p));
        Hub.On<FollowView>(nameof(IDraftingClient.Follow), f => follow.Writer.TryWrite(f));
        Hub.On<CitedView>(nameof(IDraftingClient.Cited), c => cited.Writer.TryWrite(c));
    }

    public HubConnection Hub { get; }

    /// <summary>Every <c>Applied</c> envelope received, in arrival order.</summary>
    public ChannelReader<Envelope> Applied => applied.Reader;

    public ChannelReader<PresenceView> Presence => presence.Reader;

    public ChannelReader<FollowView> Follow => follow.Reader;

    /// <summary>Every <c>Cited</c> notice received: a row of a joined annex began or stopped being cited.</summary>
    public ChannelReader<CitedView> Cited => cited.Reader;

    public Task StartAsync(CancellationToken ct = default) => Hub.StartAsync(ct);

    public Task<JoinDocumentResult> JoinDocumentAsync(JoinDocumentRequest request) => Call<JoinDocumentResult>(nameof(JoinDocumentAsync), request);

    public Task LeaveDocumentAsync(LeaveDocumentRequest request) => Call(nameof(LeaveDocumentAsync), request);

    public Task<InsertParagraphResult> InsertParagraphAsync(InsertParagraphRequest request) => Call<InsertParagraphResult>(nameof(InsertParagraphAsync), request);

    public Task<ParagraphTextResult> EditParagraphAsync(EditParagraphRequest request) => Call<ParagraphTextResult>(nameof(EditParagraphAsync), request);

    public Task<RowResult> EditRowAsync(EditRowRequest request) => Call<RowResult>(nameof(EditRowAsync), request);

    public Task<MergeRowsResult> MergeRowsAsync(MergeRowsRequest request) => Call<MergeRowsResult>(nameof(MergeRowsAsync), request);

    public Task<WriteResult> LinkEvidenceAsync(EvidenceRequest request) => Call<WriteResult>(nameof(LinkEvidenceAsync), request);

    public Task<WriteResult> UnlinkEvidenceAsync(EvidenceRequest request) => Call<WriteResult>(nameof(UnlinkEvidenceAsync), request);

    public Task<WriteResult> MoveParagraphAsync(MoveParagraphRequest request) => Call<WriteResult>(nameof(MoveParagraphAsync), request);

    public Task<WriteResult> DeleteParagraphAsync(DeleteParagraphRequest request) => Call<WriteResult>(nameof(DeleteParagraphAsync), request);

    public Task<ParagraphTextResult> SetParagraphStatusAsync(SetParagraphStatusRequest request) => Call<ParagraphTextResult>(nameof(SetParagraphStatusAsync), request);

    public Task<AddCommentResult> AddCommentAsync(AddCommentRequest request) => Call<AddCommentResult>(nameof(AddCommentAsync), request);

    public Task<WriteResult> TagRevisionAsync(TagRevisionRequest request) => Call<WriteResult>(nameof(TagRevisionAsync), request);

    public Task SetFocusAsync(SetFocusRequest request) => Call(nameof(SetFocusAsync), request);

    public Task<WriteResult> OpenMeetingAsync(OpenMeetingRequest request) => Call<WriteResult>(nameof(OpenMeetingAsync), request);

    public Task<WriteResult> CloseMeetingAsync(CloseMeetingRequest request) => Call<WriteResult>(nameof(CloseMeetingAsync), request);

    public Task<TableProposalResult> TableProposalAsync(TableProposalRequest request) => Call<TableProposalResult>(nameof(TableProposalAsync), request);

    public Task<WriteResult> SupportProposalAsync(ProposalRequest request) => Call<WriteResult>(nameof(SupportProposalAsync), request);

    public Task<WriteResult> OpposeProposalAsync(ProposalRequest request) => Call<WriteResult>(nameof(OpposeProposalAsync), request);

    public Task<WriteResult> WithdrawProposalAsync(ProposalRequest request) => Call<WriteResult>(nameof(WithdrawProposalAsync), request);

    public Task<WriteResult> DecideProposalAsync(DecideProposalRequest request) => Call<WriteResult>(nameof(DecideProposalAsync), request);

    public Task<ParagraphTextResult> ResolveBracketAsync(ResolveBracketRequest request) => Call<ParagraphTextResult>(nameof(ResolveBracketAsync), request);

    public Task<WriteResult> ResolveCommentAsync(ResolveCommentRequest request) => Call<WriteResult>(nameof(ResolveCommentAsync), request);

    public Task FollowMeAsync(FollowMeRequest request) => Call(nameof(FollowMeAsync), request);

    public Task<WriteResult> AdoptDocumentAsync(AdoptDocumentRequest request) => Call<WriteResult>(nameof(AdoptDocumentAsync), request);

    /// <summary>Invokes any hub method by name (the name without "Async"), for calls this client has no wrapper for.</summary>
    public async Task<T> Call<T>(string method, params object?[] arguments)
    {
        try
        {
            return await Hub.InvokeCoreAsync<T>(HubName(method), arguments);
        }
        catch (HubException e)
        {
            throw Refusal(e);
        }
    }

    public Task Call(string method, params object?[] arguments) => Call<object?>(method, arguments);

    /// <summary>Reads the code before the colon: <c>forbidden: observers cannot edit</c>.</summary>
    public static DraftingException Refusal(HubException e)
    {
        var message = e.Message;
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        var code = colon > 0 ? ProtocolJson.Parse<ErrorCode>(message[..colon]) : ErrorCode.Unknown;
        return new DraftingException(code, message);
    }

    private static string HubName(string method) => method.EndsWith("Async", StringComparison.Ordinal) ? method[..^5] : method;

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
