using System.Globalization;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>A point in a document's history: now, a version, a revision label or a time (PROTOCOL.md §2).</summary>
public abstract record Point
{
    public sealed record Now : Point;
    public sealed record AtVersion(long Version) : Point;
    public sealed record AtRevision(string Label) : Point;
    public sealed record AtTime(DateTimeOffset Time) : Point;

    public static readonly Point Latest = new Now();

    /// <summary>From the <c>version</c>/<c>revision</c>/<c>at</c> query selectors: at most one of them.</summary>
    public static Point FromSelectors(string? version, string? revision, string? at)
    {
        var given = new[] { version, revision, at }.Count(s => !string.IsNullOrEmpty(s));
        if (given > 1)
            throw Invalid("give at most one of version, revision and at");
        if (!string.IsNullOrEmpty(version))
            return long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? new AtVersion(v)
                : throw Invalid($"version '{version}' is not a positive whole number");
        if (!string.IsNullOrEmpty(revision))
            return new AtRevision(revision);
        if (!string.IsNullOrEmpty(at))
            return TryTime(at, out var t) ? new AtTime(t) : throw Invalid($"at '{at}' is not an ISO-8601 time");
        return Latest;
    }

    /// <summary>A diff end: a version number, else an ISO time, else a revision label (labels never look like the first two).</summary>
    public static Point Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return Latest;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return v > 0 ? new AtVersion(v) : throw Invalid("versions start at 1");
        return TryTime(text, out var t) ? new AtTime(t) : new AtRevision(text);
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static RefusedException Invalid(string message) => new(Refusal.Invalid(message));
}
