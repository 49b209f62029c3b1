using System.Text;

namespace WGEC.Drafting.Diffing;

/// <summary>
/// Word-level three-way merge of one paragraph. <c>base</c> is the text the editor started from,
/// <c>theirs</c> the committed text (others' changes since), <c>mine</c> the incoming edit.
/// </summary>
/// <remarks>
/// DiffPlex's <c>ThreeWayDiffer</c> (1.9.0) is not used: it reports success while silently dropping a
/// change that starts inside the other side's change, an insertion at the end after a change, and the
/// longer of two deletions that start at the same token. We take its two-way diffs (base→theirs,
/// base→mine) and group them ourselves, the diff3 way.
/// </remarks>
public static class ThreeWayMerge
{
    public static MergeResult Merge(string @base, string theirs, string mine) =>
        Merge(@base, theirs, mine, WordTokenizer.Instance);

    public static MergeResult Merge(string @base, string theirs, string mine, ITokenizer tokenizer)
    {
        if (theirs == mine || @base == mine)
        {
            return new MergeResult.Merged(theirs);
        }

        if (@base == theirs)
        {
            return new MergeResult.Merged(mine);
        }

        var toTheirs = TokenDiff.Compute(@base, theirs, tokenizer);
        var toMine = TokenDiff.Compute(@base, mine, tokenizer);
        var baseTokens = toTheirs.From;
        var merged = new StringBuilder(Math.Max(theirs.Length, mine.Length));
        var cursor = 0;
        foreach (var group in ChangeGroup.Find(toTheirs.Hunks, toMine.Hunks))
        {
            merged.Append(TokenDiff.Join(baseTokens, cursor, group.Start));
            var theirText = group.Text(baseTokens, toTheirs.To, group.Theirs);
            var myText = group.Text(baseTokens, toMine.To, group.Mine);
            if (group.Theirs.Count > 0 && group.Mine.Count > 0 && theirText != myText)
            {
                return new MergeResult.Conflict(Reason(TokenDiff.Join(baseTokens, group.Start, group.End)));
            }

            merged.Append(group.Mine.Count > 0 ? myText : theirText);
            cursor = group.End;
        }

        merged.Append(TokenDiff.Join(baseTokens, cursor, baseTokens.Count));
        return new MergeResult.Merged(merged.ToString());
    }

    private static string Reason(string baseText)
    {
        var words = baseText.Trim();
        if (words.Length == 0)
        {
            return "both edits insert different text at the same place";
        }

        return words.Length <= 60
            ? $"both edits change \u201c{words}\u201d"
            : $"both edits change \u201c{words[..57]}\u2026\u201d";
    }
}
