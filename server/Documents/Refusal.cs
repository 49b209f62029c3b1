using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

/// <summary>A rule said no. <see cref="Message"/> is for people; the code is for programs (PROTOCOL.md §4).</summary>
public sealed record Refusal(ErrorCode Code, string Message)
{
    public static Refusal Invalid(string message) => new(ErrorCode.Invalid, message);
    public static Refusal NotFound(string message) => new(ErrorCode.NotFound, message);
    public static Refusal Forbidden(string message) => new(ErrorCode.Forbidden, message);
    public static Refusal Locked(string message) => new(ErrorCode.Locked, message);
    public static Refusal TooLarge(string message) => new(ErrorCode.TooLarge, message);

    /// <summary>The hub form: the code, a colon, the message (<c>forbidden: observers cannot edit</c>).</summary>
    public override string ToString() => $"{ProtocolJson.Name(Code)}: {Message}";
}

/// <summary>Thrown where a refusal must cross a boundary that only knows exceptions (hub filter, endpoint filter).</summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.ToString())
{
    public Refusal Refusal { get; } = refusal;
}
