using System.Globalization;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents;

/// <summary>
/// Display numbers are the server's (PROTOCOL.md §2). Until the first revision, operative
/// paragraphs are "1", "2", … in order. After it, numbers stay put (DESIGN.md: UN drafting
/// conventions): a paragraph inserted after 3 is given "3 bis", the next one after 3 "3 ter", one
/// before 1 "0 bis", and keeps that number until the next renumbering — whatever is inserted,
/// moved or deleted around it; deleted numbers leave gaps and are not given again. Labels follow
/// the same rule within each kind: PP1, PP1 bis…, OP1, OP3 bis…. Decisions compute what a change
/// does to the numbers and store it in the event, so history shows the numbers of its time.
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

    /// <summary>Display numbers: operative paragraphs and table rows (each counted on their own), the rest null.</summary>
    public static Dictionary<Guid, string?> Of(
        IEnumerable<(Guid Id, ParagraphKind Kind)> live, IReadOnlyDictionary<Guid, int>? baseline, IReadOnlyDictionary<Guid, string>? assigned = null)
    {
        var numbers = new Dictionary<Guid, string?>();
        var operative = Positions(live, ParagraphKind.Operative, baseline, assigned);
        var rows = Positions(live, ParagraphKind.Row, baseline, assigned);
        foreach (var (id, _) in live)
            numbers[id] = operative.GetValueOrDefault(id) ?? rows.GetValueOrDefault(id);
        return numbers;
    }

    /// <summary>Internal labels: PP… for preambular, OP… for operative paragraphs; null for the rest.</summary>
    public static Dictionary<Guid, string?> Labels(
        IEnumerable<(Guid Id, ParagraphKind Kind)> live, IReadOnlyDictionary<Guid, int>? baseline, IReadOnlyDictionary<Guid, string>? assigned = null)
    {
        var preambular = Positions(live, ParagraphKind.Preambular, baseline, assigned);
        var operative = Positions(live, ParagraphKind.Operative, baseline, assigned);
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

    /// <summary>A renumbering: each preambular and operative paragraph's (and table row's) consecutive position within its kind.</summary>
    public static Dictionary<Guid, int> Consecutive(IEnumerable<(Guid Id, ParagraphKind Kind)> live)
    {
        var baseline = new Dictionary<Guid, int>();
        int preambular = 0, operative = 0, rows = 0;
        foreach (var (id, kind) in live)
        {
            if (kind == ParagraphKind.Preambular)
                baseline[id] = ++preambular;
            else if (kind == ParagraphKind.Operative)
                baseline[id] = ++operative;
            else if (kind == ParagraphKind.Row)
                baseline[id] = ++rows;
        }
        return baseline;
    }

    /// <summary>
    /// The position a paragraph inserted at <paramref name="id"/>'s place in <paramref name="next"/>
    /// is given once a baseline exists: the number of the nearest paragraph of its kind before it
    /// (0 at the top) with the next suffix not yet given for that number; null before any revision
    /// (numbers are then consecutive) and for kinds that are not numbered.
    /// </summary>
    public static string? Assign(DocumentState state, IEnumerable<(Guid Id, ParagraphKind Kind)> next, Guid id, ParagraphKind kind)
    {
        if (state.Baseline is not { } baseline || kind is not (ParagraphKind.Preambular or ParagraphKind.Operative or ParagraphKind.Row))
            return null;
        var before = 0;
        foreach (var (other, otherKind) in next)
        {
            if (other == id)
                break;
            if (otherKind == kind)
                before = baseline.TryGetValue(other, out var n) ? n : Base(state.Assigned.GetValueOrDefault(other)) ?? before;
        }
        var given = state.Assigned
            .Where(a => state.Find(a.Key)?.Kind == kind && Base(a.Value) == before)
            .Select(a => SuffixIndex(a.Value))
            .DefaultIfEmpty(0)
            .Max();
        return $"{before.ToString(CultureInfo.InvariantCulture)} {Suffix(given + 1)}";
    }

    /// <summary>
    /// The numbers that change if the live paragraphs become <paramref name="next"/> (read against
    /// <paramref name="baseline"/>, by default the state's, and the state's given positions plus
    /// <paramref name="given"/>); <paramref name="removed"/> loses its number.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string?> Changes(
        DocumentState state, IEnumerable<(Guid Id, ParagraphKind Kind)> next, Guid? removed = null,
        IReadOnlyDictionary<Guid, int>? baseline = null, (Guid Id, string Position)? given = null)
    {
        var assigned = given is { } g ? new Dictionary<Guid, string>(state.Assigned) { [g.Id] = g.Position } : state.Assigned;
        var changes = new Dictionary<Guid, string?>();
        foreach (var (id, number) in Of(next, baseline ?? state.Baseline, baseline is null ? assigned : null))
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
    /// baseline number, or the position it was given when inserted; a paragraph with neither (only
    /// in hand-built sequences) reads as the nearest baselined one before it plus bis, ter….
    /// </summary>
    private static Dictionary<Guid, string> Positions(
        IEnumerable<(Guid Id, ParagraphKind Kind)> live, ParagraphKind kind, IReadOnlyDictionary<Guid, int>? baseline,
        IReadOnlyDictionary<Guid, string>? assigned)
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
            else if (assigned?.GetValueOrDefault(id) is { } given)
            {
                positions[id] = given;
            }
            else
            {
                positions[id] = $"{previous.ToString(CultureInfo.InvariantCulture)} {Suffix(++inserted)}";
            }
        }
        return positions;
    }

    /// <summary>The whole number a position starts with ("3 bis" → 3).</summary>
    private static int? Base(string? position) =>
        position is null ? null : int.Parse(position.Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Which suffix a position carries (bis → 1, ter → 2, …; a plain number → 0).</summary>
    private static int SuffixIndex(string position)
    {
        var suffix = position.Split(' ') is [_, var s] ? s : null;
        if (suffix is null)
            return 0;
        var index = Array.IndexOf(Suffixes, suffix);
        return index >= 0 ? index + 1 : int.Parse(suffix, CultureInfo.InvariantCulture);
    }
}
