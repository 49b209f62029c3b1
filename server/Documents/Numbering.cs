using System.Globalization;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

/// <summary>
/// Display numbers are the server's (PROTOCOL.md §2). Until the first renumbering revision,
/// operative paragraphs are "1", "2", … in order. After it, the numbers of that revision stay
/// put (DESIGN.md: UN drafting conventions): a paragraph inserted after 3 is "3 bis", the next
/// "3 ter", one before 1 is "0 bis"; deleted numbers leave gaps, moved paragraphs keep theirs.
/// Labels follow the same rule within each kind: PP1, PP1 bis…, OP1, OP3 bis….
/// Decisions compute what a change would do to the numbers and store the changes in the event,
/// so history shows the numbers of its time.
/// </summary>
public static class Numbering
{
    private static readonly string[] Suffixes =
    [
        "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
        "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies", "septdecies",
        "octodecies", "novodecies", "vicies",
    ];

    /// <summary>The Latin ordinal suffix of the n-th paragraph inserted after one number (1 = bis).</summary>
    public static string Suffix(int n) =>
        n <= Suffixes.Length ? Suffixes[n - 1] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Display numbers: operative paragraphs only, the rest null.</summary>
    public static Dictionary<Guid, string?> Of(IEnumerable<(Guid Id, ParagraphKind Kind)> live, IReadOnlyDictionary<Guid, int>? baseline)
    {
        var numbers = new Dictionary<Guid, string?>();
        var operative = Positions(live, ParagraphKind.Operative, baseline);
        foreach (var (id, _) in live)
            numbers[id] = operative.GetValueOrDefault(id);
        return numbers;
    }

    /// <summary>Internal labels: PP… for preambular, OP… for operative paragraphs; null for the rest.</summary>
    public static Dictionary<Guid, string?> Labels(IEnumerable<(Guid Id, ParagraphKind Kind)> live, IReadOnlyDictionary<Guid, int>? baseline)
    {
        var preambular = Positions(live, ParagraphKind.Preambular, baseline);
        var operative = Positions(live, ParagraphKind.Operative, baseline);
        var labels = new Dictionary<Guid, string?>();
        foreach (var (id, kind) in live)
        {
            labels[id] = kind switch
            {
                ParagraphKind.Preambular => "PP" + preambular[id],
                ParagraphKind.Operative => "OP" + operative[id],
                _ => null,
            };
        }
        return labels;
    }

    /// <summary>A renumbering: each preambular and operative paragraph's consecutive position within its kind.</summary>
    public static Dictionary<Guid, int> Consecutive(IEnumerable<(Guid Id, ParagraphKind Kind)> live)
    {
        var baseline = new Dictionary<Guid, int>();
        int preambular = 0, operative = 0;
        foreach (var (id, kind) in live)
        {
            if (kind == ParagraphKind.Preambular)
                baseline[id] = ++preambular;
            else if (kind == ParagraphKind.Operative)
                baseline[id] = ++operative;
        }
        return baseline;
    }

    /// <summary>
    /// The numbers that change if the live paragraphs become <paramref name="next"/> (read against
    /// <paramref name="baseline"/>, by default the state's); <paramref name="removed"/> loses its number.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string?> Changes(
        DocumentState state, IEnumerable<(Guid Id, ParagraphKind Kind)> next, Guid? removed = null, IReadOnlyDictionary<Guid, int>? baseline = null)
    {
        var changes = new Dictionary<Guid, string?>();
        foreach (var (id, number) in Of(next, baseline ?? state.Baseline))
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

    /// <summary>
    /// The position of each paragraph of one kind: consecutive without a baseline; with one, its
    /// baseline number, or the number of the nearest baselined paragraph before it plus bis, ter….
    /// </summary>
    private static Dictionary<Guid, string> Positions(
        IEnumerable<(Guid Id, ParagraphKind Kind)> live, ParagraphKind kind, IReadOnlyDictionary<Guid, int>? baseline)
    {
        var positions = new Dictionary<Guid, string>();
        int previous = 0, inserted = 0;
        foreach (var (id, k) in live)
        {
            if (k != kind)
                continue;
            if (baseline is null)
            {
                positions[id] = (++previous).ToString(CultureInfo.InvariantCulture);
            }
            else if (baseline.TryGetValue(id, out var number))
            {
                (previous, inserted) = (number, 0);
                positions[id] = number.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                positions[id] = $"{previous.ToString(CultureInfo.InvariantCulture)} {Suffix(++inserted)}";
            }
        }
        return positions;
    }
}
