using System.Security.Claims;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Participants;

/// <summary>Who is calling, checked on every call: a valid token of an active participant, not expired.</summary>
public sealed class CurrentParticipant(ParticipantDirectory directory, TimeProvider clock)
{
    public async Task<ParticipantRecord> RequireAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (TokenIssuer.ParticipantId(user) is not { } id)
            throw Unauthorized("sign in first: no valid token");
        if (TokenIssuer.ExpiresAt(user) is not { } expires || expires <= clock.GetUtcNow())
            throw Unauthorized("the token has expired; refresh it or sign in again");
        var participant = await directory.GetAsync(id, ct);
        if (participant is not { IsActive: true })
            throw Unauthorized("this participant's access has been revoked");
        return participant;
    }

    public async Task<Actor> RequireAsync(ClaimsPrincipal? user, Permission permission, CancellationToken ct = default)
    {
        var actor = (await RequireAsync(user, ct)).Actor();
        Permissions.Demand(actor, permission);
        return actor;
    }

    private static RefusedException Unauthorized(string message) => new(new Refusal(ErrorCode.Unauthorized, message));
}
