using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class TrackedOrderTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");

    [Fact]
    public void Deleted_paragraphs_follow_the_paragraph_they_followed_and_inserted_ones_stand_where_they_are()
    {
        var sequence = TrackedOrder.Sequence([A, B, C, D], [E, A, C], new HashSet<Guid>());

        Assert.Equal([(E, Place.Inserted), (A, Place.Kept), (B, Place.Deleted), (C, Place.Kept), (D, Place.Deleted)], sequence);
    }

    [Fact]
    public void Deleted_first_paragraphs_come_first_in_their_order()
    {
        Assert.Equal([(A, Place.Deleted), (B, Place.Deleted), (C, Place.Kept)], TrackedOrder.Sequence([A, B, C], [C], new HashSet<Guid>()));
    }

    [Fact]
    public void A_moved_paragraph_is_shown_where_it_stood_and_where_it_stands()
    {
        var sequence = TrackedOrder.Sequence([A, B, C, D], [B, C, A, D], new HashSet<Guid> { A });

        Assert.Equal([(A, Place.MovedFrom), (B, Place.Kept), (C, Place.Kept), (A, Place.MovedTo), (D, Place.Kept)], sequence);
    }

    [Fact]
    public void Only_a_paragraph_someone_moved_is_shown_moved()
    {
        // A and B swapped: either could be the one that moved; the events say B.
        Assert.Equal([B], TrackedOrder.Moved([A, B, C], [B, A, C], new HashSet<Guid> { B }));
        Assert.Equal([A], TrackedOrder.Moved([A, B, C], [B, A, C], new HashSet<Guid> { A }));
    }

    [Fact]
    public void A_paragraph_moved_away_and_back_is_not_moved()
    {
        Assert.Empty(TrackedOrder.Moved([A, B, C], [A, B, C], new HashSet<Guid> { A }));
    }

    [Fact]
    public void Of_paragraphs_moved_between_the_same_neighbours_those_out_of_order_are_moved()
    {
        // B, C and D were all moved by someone; relative to the anchors A and E they stand where they were, but D now leads.
        Assert.Equal([D], TrackedOrder.Moved([A, B, C, D, E], [A, D, B, C, E], new HashSet<Guid> { B, C, D }));
    }

    [Fact]
    public void Paragraphs_inserted_or_deleted_are_never_moved()
    {
        Assert.Empty(TrackedOrder.Moved([A, B], [C, A], new HashSet<Guid> { B, C }));
    }

    [Fact]
    public void Without_move_events_the_compare_pages_rule_decides()
    {
        Assert.Single(TrackedOrder.Moved([A, B, C], [C, A, B], new HashSet<Guid>()));
    }
}
