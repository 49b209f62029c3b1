using System.Text;

namespace WGEC.Drafting.Diffing;

/// <summary>
/// Hunks of both sides that touch the same base tokens, and so must be decided together: base tokens
/// <c>[Start, End)</c>, with each side's hunks inside it.
/// </summary>
internal sealed class ChangeGroup
{
    private ChangeGroup(int start) => Start = start;

    public int Start { get; }
    public int End { get; private set; }
    public List<Hunk> Theirs { get; } = [];
    public List<Hunk> Mine { get; } = [];

    /// <summary>
    /// Groups in base order, with disjoint ranges. Each side's own hunks never touch each other (a diff
    /// keeps at least one equal token between blocks), so only hunks of different sides can join a group.
    /// </summary>
    public static List<ChangeGroup> Find(IReadOnlyList<Hunk> theirs, IReadOnlyList<Hunk> mine)
    {
        var all = theirs.Select(h => (Hunk: h, IsMine: false))
            .Concat(mine.Select(h => (Hunk: h, IsMine: true)))
            .OrderBy(x => x.Hunk.FromStart)
            .ThenBy(x => x.Hunk.FromEnd);
        var groups = new List<ChangeGroup>();
        ChangeGroup? current = null;
        foreach (var (hunk, isMine) in all)
        {
            var others = isMine ? current?.Theirs : current?.Mine;
            if (current is null || others is null || !others.Any(o => Overlap(o, hunk)))
            {
                current = new ChangeGroup(hunk.FromStart);
                groups.Add(current);
            }

            (isMine ? current.Mine : current.Theirs).Add(hunk);
            current.End = Math.Max(current.End, hunk.FromEnd);
        }

        return groups;
    }

    /// <summary>
    /// Changes to the same base tokens overlap; so do two insertions at one place, and an insertion at
    /// the edge of (or inside) the other side's change: we cannot tell which text it belongs with.
    /// Changes to neighbouring tokens do not.
    /// </summary>
    private static bool Overlap(Hunk a, Hunk b) => (a.IsInsertion, b.IsInsertion) switch
    {
        (true, true) => a.FromStart == b.FromStart,
        (true, false) => b.FromStart <= a.FromStart && a.FromStart <= b.FromEnd,
        (false, true) => a.FromStart <= b.FromStart && b.FromStart <= a.FromEnd,
        (false, false) => a.FromStart < b.FromEnd && b.FromStart < a.FromEnd,
    };

    /// <summary>What one side made of this group's base tokens.</summary>
    public string Text(IReadOnlyList<string> baseTokens, IReadOnlyList<string> sideTokens, List<Hunk> sideHunks)
    {
        var text = new StringBuilder();
        var cursor = Start;
        foreach (var hunk in sideHunks)
        {
            text.Append(TokenDiff.Join(baseTokens, cursor, hunk.FromStart));
            text.Append(TokenDiff.Join(sideTokens, hunk.ToStart, hunk.ToEnd));
            cursor = hunk.FromEnd;
        }

        text.Append(TokenDiff.Join(baseTokens, cursor, End));
        return text.ToString();
    }
}
