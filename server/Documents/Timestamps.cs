namespace WGEC.Drafting.Documents;

public static class Timestamps
{
    /// <summary>PostgreSQL keeps microseconds; trimming in memory too makes a live envelope equal the one read back later.</summary>
    public static DateTimeOffset Trim(DateTimeOffset t) => new DateTimeOffset(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
