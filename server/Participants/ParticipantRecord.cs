using System.Security.Cryptography;
using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Participants;

/// <summary>A participant as stored. The invite code is kept only as its SHA-256 hash.</summary>
public sealed class ParticipantRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Delegation { get; set; } = "";
    public Role Role { get; set; }
    public string InviteCodeHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public static ParticipantRecord New(string name, string delegation, Role role, string inviteCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Delegation = delegation,
        Role = role,
        InviteCodeHash = InviteCodes.Hash(inviteCode),
        CreatedAt = now,
    };

    public ParticipantView View() => new(Id, Name, Delegation, Role);

    public Actor Actor() => new(Id, Name, Delegation, Role);
}

/// <summary>A secret the server created once and keeps in the database, so every node and every restart shares it.</summary>
public sealed class ServerSecret
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}

public static class InviteCodes
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>24 characters from a 32-letter alphabet without look-alikes: 120 bits, easy to read aloud.</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[24];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[24];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        return new string(chars);
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));
}
