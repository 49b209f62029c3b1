using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>Where a paragraph stands in a tracked-changes export.</summary>
public enum Place { Kept, Inserted, Deleted, MovedFrom, MovedTo }

/// <summary>The paragraphs of a tracked-changes export, in order, and which of them moved. Pure.</summary>
public static class TrackedOrder
{
    /// <summary>
    /// The later order, with each deleted paragraph and the place a moved one left (<see cref="Place.MovedFrom"/>)
    /// just after the paragraph it followed in the earlier order, as the compare page shows deleted ones.
    /// </summary>
    public static IReadOnlyList<(Guid Id, Place Place)> Sequence(IReadOnlyList<Guid> from, IReadOnlyList<Guid> to, IReadOnlySet<Guid> moved)
    {
        var (inFrom, inTo) = (from.ToHashSet(), to.ToHashSet());
        var list = new LinkedList<(Guid Id, Place Place)>();
        var nodes = new Dictionary<Guid, LinkedListNode<(Guid Id, Place Place)>>();
        foreach (var id in to)
            nodes[id] = list.AddLast((id, !inFrom.Contains(id) ? Place.Inserted : moved.Contains(id) ? Place.MovedTo : Place.Kept));
        LinkedListNode<(Guid Id, Place Place)>? previous = null;
        foreach (var id in from)
        {
            if (inTo.Contains(id) && !moved.Contains(id))
            {
                previous = nodes[id];
                continue;
            }
            var item = (id, inTo.Contains(id) ? Place.MovedFrom : Place.Deleted);
            previous = previous is null ? list.AddFirst(item) : list.AddAfter(previous, item);
        }
        return [.. list];
    }

    /// <summary>
    /// The paragraphs of both orders to show as moved. Paragraphs that no event moved keep their order among
    /// themselves (inserts and deletes do not reorder), so they anchor the rest: a paragraph that an event
    /// moved is shown moved when it no longer stands between the same anchors, or, between the same anchors,
    /// when it is off the longest run kept in order by the others there. So a paragraph is shown moved only if
    /// someone moved it, and one moved away and back is not. Should the orders disagree with the events, the
    /// compare page's rule (<see cref="OrderDiff.Moved"/>) decides among the anchors too.
    /// </summary>
    public static IReadOnlySet<Guid> Moved(IReadOnlyList<Guid> from, IReadOnlyList<Guid> to, IReadOnlySet<Guid> movedByEvents)
    {
        var common = from.Intersect(to).ToHashSet();
        bool Anchor(Guid id) => common.Contains(id) && !movedByEvents.Contains(id);
        var moved = new HashSet<Guid>(OrderDiff.Moved([.. from.Where(Anchor)], [.. to.Where(Anchor)]));
        var (before, after) = (Slots(from, common, Anchor), Slots(to, common, Anchor));
        var stayed = new List<Guid>();
        foreach (var (id, slot) in before)
        {
            if (after[id].Slot != slot.Slot)
                moved.Add(id);
            else
                stayed.Add(id);
        }
        foreach (var group in stayed.GroupBy(id => before[id].Slot))
        {
            moved.UnionWith(OrderDiff.Moved(
                [.. group.OrderBy(id => before[id].Index)],
                [.. group.OrderBy(id => after[id].Index)]));
        }
        return moved;
    }

    /// <summary>For each common paragraph that is not an anchor: how many anchors precede it, and its index.</summary>
    private static Dictionary<Guid, (int Slot, int Index)> Slots(IReadOnlyList<Guid> order, HashSet<Guid> common, Func<Guid, bool> anchor)
    {
        var slots = new Dictionary<Guid, (int Slot, int Index)>();
        var anchors = 0;
        for (var i = 0; i < order.Count; i++)
        {
            if (anchor(order[i]))
                anchors++;
            else if (common.Contains(order[i]))
                slots.TryAdd(order[i], (anchors, i));
        }
        return slots;
    }
}
