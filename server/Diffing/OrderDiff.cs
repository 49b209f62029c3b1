namespace WGEC.Drafting.Diffing;

/// <summary>Which paragraphs moved between two orders of a document.</summary>
public static class OrderDiff
{
    /// <summary>
    /// Among the ids in both lists, those off one longest common subsequence of the two orders: the
    /// fewest paragraphs whose moving explains the new order. Ids in only one list are ignored (they
    /// were inserted or deleted). O(n log n), by patience sorting.
    /// </summary>
    public static IReadOnlySet<Guid> Moved(IReadOnlyList<Guid> before, IReadOnlyList<Guid> after)
    {
        var positionBefore = new Dictionary<Guid, int>(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            positionBefore.TryAdd(before[i], i);
        }

        // The common ids in their new order, each with where it stood before.
        var seen = new HashSet<Guid>();
        var ids = new List<Guid>();
        var positions = new List<int>();
        foreach (var id in after)
        {
            if (positionBefore.TryGetValue(id, out var position) && seen.Add(id))
            {
                ids.Add(id);
                positions.Add(position);
            }
        }

        var moved = new HashSet<Guid>(ids);
        foreach (var index in LongestIncreasing(positions))
        {
            moved.Remove(ids[index]);
        }

        return moved;
    }

    /// <summary>Indexes of one longest strictly increasing subsequence of <paramref name="values"/>.</summary>
    private static List<int> LongestIncreasing(List<int> values)
    {
        // tails[k] = index of the smallest value ending an increasing run of length k + 1.
        var tails = new List<int>();
        var previous = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (values[tails[middle]] < values[i])
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            previous[i] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[low] = i;
            }
        }

        var run = new List<int>(tails.Count);
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i])
        {
            run.Add(i);
        }

        return run;
    }
}
