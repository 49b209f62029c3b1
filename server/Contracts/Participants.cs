namespace WGEC.Drafting.Contracts;

public sealed record ParticipantView(Guid Id, string Name, string Delegation, Role Role);

/// <summary>Who did something, as every envelope names them.</summary>
public sealed record Actor(Guid ParticipantId, string Name, string Delegation, Role Role)
{
    public static readonly Actor System = new(Guid.Empty, "system", "", Role.Secretariat);
}

/// <summary>The author of a comment, as <c>DocumentView</c> shows it.</summary>
public sealed record AuthorView(Guid ParticipantId, string Name, string Delegation);

public sealed record TokenRequest(string? InviteCode);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, ParticipantView Participant);

public sealed record RefreshResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record CreateParticipantRequest(string? Name, string? Delegation, Role Role);

public sealed record CreatedParticipant(ParticipantView Participant, string InviteCode);
