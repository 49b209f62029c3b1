using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Tests.Diffing;

/// <summary>
/// Random paragraphs, random edits on each side. Edits of different sides always leave at least one
/// untouched word between them, so the merge must contain both sides' changes exactly.
/// </summary>
public class ThreeWayMergePropertyTests
{
    private enum Op { Replace, Delete, InsertBefore, InsertAfter }

    private static readonly string[] Separators = [" ", " ", " ", "  ", ", ", "; ", "\n", " [", "] ", ". ", " / ", "\u3000"];
    private static readonly string[] Stems = ["w", "é", "ß", "ж", "Wörd", "x9"];

    [Fact]
    public void Non_overlapping_random_edits_merge_with_both_sides_changes()
    {
        var random = new Random(4242);
        for (var run = 0; run < 500; run++)
        {
            var (words, separators) = RandomParagraph(random);
            var theirs = new Dictionary<int, (Op, string)>();
            var mine = new Dictionary<int, (Op, string)>();
            for (var i = 0; i < words.Count; i++)
            {
                var side = random.Next(4) switch { 0 => theirs, 1 => mine, _ => null };
                var other = side == theirs ? mine : theirs;
                if (side is null || other.ContainsKey(i - 1) || other.ContainsKey(i + 1))
                {
                    continue;
                }

                var op = (Op)random.Next(4);
                if (op == Op.Delete && i == words.Count - 1)
                {
                    op = Op.Replace;
                }

                side[i] = (op, $"{(side == theirs ? "T" : "M")}{run}n{i}");
            }

            var @base = Render(words, separators, []);
            var both = theirs.Concat(mine).ToDictionary();
            var result = ThreeWayMerge.Merge(@base, Render(words, separators, theirs), Render(words, separators, mine));

            Assert.Equal(new MergeResult.Merged(Render(words, separators, both)), result);
        }
    }

    [Fact]
    public void Different_changes_to_one_word_never_merge()
    {
        var random = new Random(777);
        for (var run = 0; run < 300; run++)
        {
            var (words, separators) = RandomParagraph(random);
            var slot = random.Next(words.Count);
            var theirs = new Dictionary<int, (Op, string)> { [slot] = (Op.Replace, "T" + run) };
            var mine = new Dictionary<int, (Op, string)>
            {
                [slot] = slot < words.Count - 1 && random.Next(2) == 0 ? (Op.Delete, "") : (Op.Replace, "M" + run),
            };
            if (slot + 2 < words.Count)
            {
                mine[slot + 2] = (Op.InsertAfter, "M2x" + run);
            }

            var result = ThreeWayMerge.Merge(
                Render(words, separators, []), Render(words, separators, theirs), Render(words, separators, mine));

            Assert.IsType<MergeResult.Conflict>(result);
        }
    }

    private static (List<string> Words, List<string> Separators) RandomParagraph(Random random)
    {
        var count = random.Next(1, 30);
        var words = Enumerable.Range(0, count).Select(i => Stems[random.Next(Stems.Length)] + i).ToList();
        var separators = Enumerable.Range(0, count - 1).Select(_ => Separators[random.Next(Separators.Length)]).ToList();
        return (words, separators);
    }

    /// <summary>A delete removes the word and the separator after it, so it is never used on the last word.</summary>
    private static string Render(List<string> words, List<string> separators, Dictionary<int, (Op Op, string Word)> ops)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var op = ops.TryGetValue(i, out var found) ? found : ((Op Op, string Word)?)null;
            text.Append(op?.Op switch
            {
                Op.Replace => op.Value.Word,
                Op.Delete => "",
                Op.InsertBefore => op.Value.Word + " " + words[i],
                Op.InsertAfter => words[i] + " " + op.Value.Word,
                _ => words[i],
            });
            if (i < separators.Count && op?.Op != Op.Delete)
            {
                text.Append(separators[i]);
            }
        }

        return text.ToString();
    }
}
