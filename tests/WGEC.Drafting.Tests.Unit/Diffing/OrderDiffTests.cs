using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Tests.Diffing;

public class OrderDiffTests
{
    private static List<Guid> Ids(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

    private static List<Guid> Move(List<Guid> ids, int from, int to)
    {
        var moved = ids.ToList();
        var id = moved[from];
        moved.RemoveAt(from);
        moved.Insert(to, id);
        return moved;
    }

    [Fact]
    public void Same_order_moves_nothing()
    {
        var ids = Ids(10);
        Assert.Empty(OrderDiff.Moved(ids, ids.ToList()));
        Assert.Empty(OrderDiff.Moved([], []));
    }

    [Fact]
    public void Moving_one_paragraph_reports_exactly_that_one()
    {
        var ids = Ids(10);
        Assert.Equal([ids[2]], OrderDiff.Moved(ids, Move(ids, 2, 7)));
        Assert.Equal([ids[9]], OrderDiff.Moved(ids, Move(ids, 9, 0)));
    }

    [Fact]
    public void Swapping_neighbours_reports_one_of_them()
    {
        var ids = Ids(5);
        var moved = OrderDiff.Moved(ids, Move(ids, 1, 2));
        Assert.Single(moved);
        Assert.Contains(moved.Single(), new[] { ids[1], ids[2] });
    }

    [Fact]
    public void Inserted_and_deleted_paragraphs_are_not_moves()
    {
        var ids = Ids(6);
        var after = ids.Where((_, i) => i != 1 && i != 4).ToList();
        after.Insert(2, Guid.NewGuid());
        after.Add(Guid.NewGuid());
        Assert.Empty(OrderDiff.Moved(ids, after));
    }

    [Fact]
    public void Moves_among_insertions_and_deletions_are_found()
    {
        var ids = Ids(8);
        var after = Move(ids, 6, 1).Where(id => id != ids[3]).Prepend(Guid.NewGuid()).ToList();
        Assert.Equal([ids[6]], OrderDiff.Moved(ids, after));
    }

    [Fact]
    public void Moved_is_the_fewest_paragraphs_that_explain_the_new_order()
    {
        var random = new Random(31337);
        for (var run = 0; run < 300; run++)
        {
            var before = Ids(random.Next(0, 15));
            var after = before.Where(_ => random.Next(5) > 0).Concat(Ids(random.Next(3))).OrderBy(_ => random.Next()).ToList();
            if (random.Next(2) == 0)
            {
                after = before.Where(after.Contains).ToList();
                for (var swaps = random.Next(3); swaps > 0 && after.Count > 0; swaps--)
                {
                    after = Move(after, random.Next(after.Count), random.Next(after.Count));
                }
            }

            var moved = OrderDiff.Moved(before, after);

            var common = after.Where(before.Contains).ToList();
            Assert.Equal(common.Count - LongestCommonSubsequence(before, common), moved.Count);
            Assert.Subset(common.ToHashSet(), moved.ToHashSet());
            var stayed = common.Where(id => !moved.Contains(id)).ToList();
            Assert.Equal(before.Where(stayed.Contains), stayed);
        }
    }

    [Fact]
    public void Five_thousand_paragraphs_with_three_moved()
    {
        var ids = Ids(5000);
        var after = ids.ToList();
        foreach (var (id, to) in new[] { (ids[10], 4000), (ids[2500], 0), (ids[4999], 1000) })
        {
            after = Move(after, after.IndexOf(id), to);
        }

        Assert.Equal(new HashSet<Guid> { ids[10], ids[2500], ids[4999] }, OrderDiff.Moved(ids, after).ToHashSet());

        var reversed = Enumerable.Reverse(ids).ToList();
        Assert.Equal(4999, OrderDiff.Moved(ids, reversed).Count);
    }

    private static int LongestCommonSubsequence(List<Guid> a, List<Guid> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
