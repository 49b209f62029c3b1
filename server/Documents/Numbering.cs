using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

/// <summary>
/// Display numbers are the server's (PROTOCOL.md §2): operative paragraphs are "1", "2", … in order.
/// Decisions compute the numbers a change would give and store what changed in the event, so
/// history shows the numbers as they were and no reader has to recompute them.
/// </summary>
public static class Numbering
{
    public static Dictionary<Guid, string?> Of(IEnumerable<(Guid Id, ParagraphKind Kind)> live)
    {
        var numbers = new Dictionary<Guid, string?>();
        var operative = 0;
        foreach (var (id, kind) in live)
            numbers[id] = kind == ParagraphKind.Operative ? (++operative).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return numbers;
    }

    /// <summary>The numbers that change if the live paragraphs become <paramref name="next"/>; <paramref name="removed"/> loses its number.</summary>
    public static IReadOnlyDictionary<Guid, string?> Changes(
        DocumentState state, IEnumerable<(Guid Id, ParagraphKind Kind)> next, Guid? removed = null)
    {
        var changes = new Dictionary<Guid, string?>();
        foreach (var (id, number) in Of(next))
        {
            if (state.Find(id)?.Number != number)
                changes[id] = number;
        }
        if (removed is { } r && state.Find(r)?.Number is not null)
            changes[r] = null;
        return changes;
    }

    /// <summary>The live paragraphs in order after removing <paramref name="remove"/> and inserting <paramref name="insert"/> after <paramref name="after"/> (null = top).</summary>
    public static IEnumerable<(Guid Id, ParagraphKind Kind)> LiveAfterChange(
        DocumentState state, Guid? remove, (Guid Id, ParagraphKind Kind)? insert, Guid? after)
    {
        if (insert is { } top && after is null)
            yield return top;
        foreach (var p in state.Live)
        {
            if (p.Id != remove)
                yield return (p.Id, p.Kind);
            if (insert is { } ins && after == p.Id)
                yield return ins;
        }
    }

    /// <summary>Internal labels: PP1… for preambular, OP1… for operative paragraphs; null for the rest.</summary>
    public static Dictionary<Guid, string?> Labels(IEnumerable<(Guid Id, ParagraphKind Kind)> live)
    {
        var labels = new Dictionary<Guid, string?>();
        int pp = 0, op = 0;
        foreach (var (id, kind) in live)
        {
            labels[id] = kind switch
            {
                ParagraphKind.Preambular => $"PP{++pp}",
                ParagraphKind.Operative => $"OP{++op}",
                _ => null,
            };
        }
        return labels;
    }
}
