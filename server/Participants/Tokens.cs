using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Participants;

/// <summary>The HMAC key that signs bearer tokens: created on first start, kept in the database, loaded at every start.</summary>
public sealed class SigningKey
{
    private const string SecretId = "jwt-signing-key";
    private SymmetricSecurityKey? key;

    public SymmetricSecurityKey Key => key ?? throw new InvalidOperationException("the signing key is loaded at start-up");

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var secret = await session.LoadAsync<ServerSecret>(SecretId, ct);
        if (secret is null)
        {
            secret = new ServerSecret { Id = SecretId, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) };
            session.Insert(secret);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // Another node created it first: use theirs.
                await using var again = store.QuerySession();
                secret = await again.LoadAsync<ServerSecret>(SecretId, ct) ?? throw new InvalidOperationException("signing key vanished");
            }
        }
        key = new SymmetricSecurityKey(Convert.FromBase64String(secret.Value));
    }
}

public sealed class TokenIssuer(SigningKey signingKey, TimeProvider clock, IConfiguration config)
{
    public const string Issuer = "wgec-drafting";
    public const string ParticipantClaim = "sub";

    private readonly JsonWebTokenHandler handler = new();

    public TimeSpan Lifetime { get; } = config.GetValue("Drafting:TokenLifetime", TimeSpan.FromHours(1));

    public (string Token, DateTimeOffset ExpiresAt) Issue(ParticipantRecord participant)
    {
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ParticipantClaim, participant.Id.ToString()),
                new Claim("name", participant.Name),
                new Claim("delegation", participant.Delegation),
                new Claim("role", ProtocolJson.Name(participant.Role)),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public static Guid? ParticipantId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(ParticipantClaim)?.Value, out var id) ? id : null;

    public static DateTimeOffset? ExpiresAt(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;
}
