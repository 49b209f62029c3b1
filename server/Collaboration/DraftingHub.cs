using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Proposing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Revising;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// The hub of PROTOCOL.md §3: each method checks the caller's role and hands its one request
/// record to the pipeline. No state lives here.
/// </summary>
[Authorize]
public sealed class DraftingHub(
    DocumentWriter writer, DocumentReader reader, CurrentParticipant current, PresenceTracker presence, Connections connections,
    Documents.Citing.EvidenceCatalog evidence) : Hub<IDraftingClient>
{
    /// <summary>More than this many versions behind, a rejoining client gets the whole document instead of the events.</summary>
    public const int MaxCatchUp = 1000;

    public override async Task OnConnectedAsync()
    {
        var participant = await current.RequireAsync(Context.User, Context.ConnectionAborted);
        connections.Add(participant.Id, Context);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (TokenIssuer.ParticipantId(Context.User) is { } id)
            connections.Remove(id, Context.ConnectionId);
        presence.LeaveAll(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public async Task<JoinDocumentResult> JoinDocument(JoinDocumentRequest request)
    {
        var actor = await Caller(Permission.Read);
        // Join the group first, then read: no change can fall between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, Broadcaster.Group(request.DocumentId));
        try
        {
            var result = await CatchUp(request);
            presence.Join(request.DocumentId, Context.ConnectionId, actor);
            return result;
        }
        catch
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Broadcaster.Group(request.DocumentId));
            throw;
        }
    }

    private async Task<JoinDocumentResult> CatchUp(JoinDocumentRequest request)
    {
        var ct = Context.ConnectionAborted;
        if (request.SinceVersion is { } since and >= 0)
        {
            var events = await reader.EventsAsync(request.DocumentId, since, MaxCatchUp + 1, ct);
            if (events.Count <= MaxCatchUp && (events.Count > 0 || await IsAtOrBehindNow(request.DocumentId, since, ct)))
                return new JoinDocumentResult(events.Count > 0 ? events[^1].Version : since, null, events);
        }
        var document = await reader.NowAsync(request.DocumentId, ct);
        return new JoinDocumentResult(document.Version, document, null);
    }

    private async Task<bool> IsAtOrBehindNow(Guid documentId, long since, CancellationToken ct) =>
        since <= await reader.VersionAsync(documentId, ct);

    public async Task LeaveDocument(LeaveDocumentRequest request)
    {
        await Caller(Permission.Read);
        // Leaving a document one has not joined is harmless; leaving one that does not exist is not-found.
        await reader.VersionAsync(request.DocumentId, Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Broadcaster.Group(request.DocumentId));
        presence.Leave(request.DocumentId, Context.ConnectionId);
    }

    public async Task<InsertParagraphResult> InsertParagraph(InsertParagraphRequest request) =>
        await Write<InsertParagraphResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Editing.InsertParagraph.Decide(state, request, Guid.CreateVersion7()));

    public async Task<ParagraphTextResult> EditParagraph(EditParagraphRequest request) =>
        await Write<ParagraphTextResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Editing.EditParagraph.Decide(state, request));

    public async Task<RowResult> EditRow(EditRowRequest request) =>
        await Write<RowResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Rows.EditRow.Decide(state, request));

    public async Task<MergeRowsResult> MergeRows(MergeRowsRequest request) =>
        await Write<MergeRowsResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Rows.MergeRows.Decide(state, request));

    public async Task<WriteResult> LinkEvidence(EvidenceRequest request)
    {
        // What is cited lives in another document or a questionnaire: found first, then decided on the citing document.
        await Caller(Permission.Edit);
        var target = await evidence.ResolveAsync(request.Kind, request.Id, Context.ConnectionAborted);
        return await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Citing.LinkEvidence.Link(state, request, target));
    }

    public async Task<WriteResult> UnlinkEvidence(EvidenceRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Citing.LinkEvidence.Unlink(state, request));

    public async Task<WriteResult> MoveParagraph(MoveParagraphRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Editing.MoveParagraph.Decide(state, request));

    public async Task<WriteResult> DeleteParagraph(DeleteParagraphRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Editing.DeleteParagraph.Decide(state, request));

    public async Task<ParagraphTextResult> SetParagraphStatus(SetParagraphStatusRequest request) =>
        await Write<ParagraphTextResult>(request.DocumentId, request.ClientOpId, Permission.SetStatus,
            state => Documents.Agreeing.SetParagraphStatus.Decide(state, request));

    public async Task<AddCommentResult> AddComment(AddCommentRequest request) =>
        await Write<AddCommentResult>(request.DocumentId, request.ClientOpId, Permission.Comment,
            state => Documents.Commenting.AddComment.Decide(state, request, Guid.CreateVersion7()));

    public async Task<WriteResult> TagRevision(TagRevisionRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.TagRevision,
            state => Documents.Revising.TagRevision.Decide(state, request));

    public async Task<WriteResult> OpenMeeting(OpenMeetingRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Steer,
            state => Documents.Meetings.OpenMeeting.Decide(state, request));

    public async Task<WriteResult> CloseMeeting(CloseMeetingRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Steer, Documents.Meetings.CloseMeeting.Decide);

    public async Task<TableProposalResult> TableProposal(TableProposalRequest request) =>
        await Write<TableProposalResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            state => Documents.Proposing.TableProposal.Decide(state, request, Guid.CreateVersion7()));

    public async Task<WriteResult> SupportProposal(ProposalRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            (state, actor) => ProposalVotes.Support(state, request, actor));

    public async Task<WriteResult> OpposeProposal(ProposalRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            (state, actor) => ProposalVotes.Oppose(state, request, actor));

    public async Task<WriteResult> WithdrawProposal(ProposalRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Edit,
            (state, actor) => ProposalVotes.Withdraw(state, request, actor));

    public async Task<WriteResult> DecideProposal(DecideProposalRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Steer,
            state => Documents.Proposing.DecideProposal.Decide(state, request, Guid.CreateVersion7()));

    public async Task<ParagraphTextResult> ResolveBracket(ResolveBracketRequest request) =>
        await Write<ParagraphTextResult>(request.DocumentId, request.ClientOpId, Permission.Steer,
            state => Documents.Agreeing.ResolveBracket.Decide(state, request));

    public async Task<WriteResult> ResolveComment(ResolveCommentRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Comment,
            (state, actor) => Documents.Commenting.ResolveComment.Decide(state, request, actor));

    public async Task<WriteResult> AdoptDocument(AdoptDocumentRequest request) =>
        await Write<WriteResult>(request.DocumentId, request.ClientOpId, Permission.Steer, Documents.Agreeing.AdoptDocument.Decide);

    /// <summary>The chair points everyone (and the projector) at a paragraph; nothing is stored.</summary>
    public async Task FollowMe(FollowMeRequest request)
    {
        var actor = await Caller(Permission.Steer);
        await writer.ReadAsync(request.DocumentId, state => Paragraphs.FindLive(state, request.ParagraphId, out _), Context.ConnectionAborted);
        await Clients.Group(Broadcaster.Group(request.DocumentId))
            .Follow(new FollowView(request.DocumentId, request.ParagraphId, new AuthorView(actor.ParticipantId, actor.Name, actor.Delegation)));
    }

    public async Task SetFocus(SetFocusRequest request)
    {
        await Caller(Permission.Read);
        if (!presence.IsJoined(request.DocumentId, Context.ConnectionId))
            throw new RefusedException(Refusal.Invalid("join the document before setting focus"));
        // Everyone else's view shows this id: it names a paragraph of the document, like FollowMe's.
        if (request.ParagraphId is { } paragraphId)
            await writer.ReadAsync(request.DocumentId, state => Paragraphs.FindLive(state, paragraphId, out _), Context.ConnectionAborted);
        presence.Focus(request.DocumentId, Context.ConnectionId, request.ParagraphId);
    }

    private Task<T> Write<T>(Guid documentId, string? clientOpId, Permission permission, Func<DocumentState, Decision> decide)
        where T : class =>
        Write<T>(documentId, clientOpId, permission, (state, _) => decide(state));

    private async Task<T> Write<T>(Guid documentId, string? clientOpId, Permission permission, Func<DocumentState, Actor, Decision> decide)
        where T : class
    {
        var actor = await Caller(permission);
        return await writer.ExecuteAsync<T>(documentId, actor, clientOpId, state => decide(state, actor), Context.ConnectionAborted);
    }

    private Task<Actor> Caller(Permission permission) => current.RequireAsync(Context.User, permission, Context.ConnectionAborted);
}
