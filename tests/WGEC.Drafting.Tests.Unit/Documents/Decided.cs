using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Assertions on a <see cref="Decision"/>: refused, appended, or nothing appended.</summary>
public static class Decided
{
    public static Refusal Refused(Decision decision, ErrorCode code)
    {
        Assert.Empty(decision.Events);
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.True(refusal.Code == code, $"expected {code}, got {refusal}");
        return refusal;
    }

    public static TEvent Appended<TEvent>(Decision decision) where TEvent : DocumentEvent
    {
        Assert.True(decision.Refusal is null, $"refused: {decision.Refusal}");
        return Assert.IsType<TEvent>(Assert.Single(decision.Events));
    }

    /// <summary>The events of a decision that was not refused, in order (one call may append several).</summary>
    public static IReadOnlyList<DocumentEvent> AppendedAll(Decision decision)
    {
        Assert.True(decision.Refusal is null, $"refused: {decision.Refusal}");
        Assert.NotEmpty(decision.Events);
        return decision.Events;
    }

    public static TResult Nothing<TResult>(Decision decision)
    {
        Assert.True(decision.Refusal is null, $"refused: {decision.Refusal}");
        Assert.Empty(decision.Events);
        return Assert.IsType<TResult>(decision.Unchanged);
    }
}
