using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Http;

namespace WGEC.Drafting.Participants;

public static class ParticipantsApi
{
    public static IEndpointRouteBuilder MapParticipants(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Participants");
        auth.MapPost("/token", SignIn).AllowAnonymous();
        auth.MapPost("/refresh", Refresh).RequireAuthorization();

        var participants = app.MapGroup("/api/participants").WithTags("Participants").RequireAuthorization();
        participants.MapGet("/", List);
        participants.MapPost("/", Create);
        participants.MapDelete("/{id:guid}", Revoke);
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignIn(
        TokenRequest? request, HttpContext http, ParticipantDirectory directory, TokenIssuer tokens, SignInThrottle throttle)
    {
        var address = http.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(address))
            return Problems.For(new Refusal(ErrorCode.RateLimited, "too many failed sign-ins from this address; wait a minute"));
        var participant = string.IsNullOrWhiteSpace(request?.InviteCode) || request.InviteCode.Length > 200
            ? null
            : await directory.FindByInviteCodeAsync(request.InviteCode, http.RequestAborted);
        if (participant is not { IsActive: true })
        {
            throttle.Failed(address);
            return Problems.For(new Refusal(ErrorCode.Unauthorized, "unknown or revoked invite code"));
        }
        var (token, expiresAt) = tokens.Issue(participant);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, participant.View()));
    }

    private static async Task<Ok<RefreshResponse>> Refresh(HttpContext http, CurrentParticipant current, TokenIssuer tokens)
    {
        var participant = await current.RequireAsync(http.User, http.RequestAborted);
        var (token, expiresAt) = tokens.Issue(participant);
        return TypedResults.Ok(new RefreshResponse(token, expiresAt));
    }

    private static async Task<Ok<ParticipantView[]>> List(HttpContext http, CurrentParticipant current, ParticipantDirectory directory)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var all = await directory.ListAsync(http.RequestAborted);
        return TypedResults.Ok(all.Select(p => p.View()).ToArray());
    }

    private static async Task<Results<Created<CreatedParticipant>, ProblemHttpResult>> Create(
        CreateParticipantRequest? request, HttpContext http, CurrentParticipant current, ParticipantDirectory directory)
    {
        await current.RequireAsync(http.User, Permission.ManageParticipants, http.RequestAborted);
        var name = TextRules.NormalizeLine(request?.Name, TextRules.MaxTitleLength, "name");
        var delegation = TextRules.NormalizeLine(request?.Delegation, TextRules.MaxTitleLength, "delegation");
        if ((name.Refusal ?? delegation.Refusal) is { } bad)
            return Problems.For(bad);
        if (request!.Role == Role.Unknown)
            return Problems.For(Refusal.Invalid("role must be one of secretariat, chair, member, observer"));
        var code = InviteCodes.Generate();
        var participant = await directory.CreateAsync(name.Text, delegation.Text, request.Role, code, http.RequestAborted);
        return TypedResults.Created($"/api/participants/{participant.Id}", new CreatedParticipant(participant.View(), code));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, HttpContext http, CurrentParticipant current, ParticipantDirectory directory, Connections connections)
    {
        await current.RequireAsync(http.User, Permission.ManageParticipants, http.RequestAborted);
        if (!await directory.RevokeAsync(id, http.RequestAborted))
            return Problems.For(Refusal.NotFound($"participant {id} does not exist"));
        connections.CloseAll(id);
        return TypedResults.NoContent();
    }
}
