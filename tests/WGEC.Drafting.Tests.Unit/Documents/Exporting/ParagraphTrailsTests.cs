using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class ParagraphTrailsTests
{
    [Fact]
    public void Each_paragraph_gets_its_insert_edits_move_delete_and_renumbering_with_delegation_and_time()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var from = doc.Version;
        var d = doc.Insert(ParagraphKind.Operative, "Operative 4.", c);                                    // Brazil, from + 1
        doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(StateBuilder.DocumentId, d, s.Version, "Operative four.")), StateBuilder.OtherMember);
        doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(StateBuilder.DocumentId, a, c)), StateBuilder.ThirdMember);
        doc.Delete(b);                                                                                        // Brazil, from + 4

        var trails = ParagraphTrails.Of(doc.Recorded().Where(e => e.Version > from));

        Assert.Equal(new Stamp("Brazil", StateBuilder.At(from + 1)), trails[d].Inserted);
        Assert.Equal(
            [new TextStep("Operative 4.", new Stamp("Brazil", StateBuilder.At(from + 1))), new TextStep("Operative four.", new Stamp("ISOC", StateBuilder.At(from + 2)))],
            trails[d].Texts);
        Assert.Equal(new Stamp("China", StateBuilder.At(from + 3)), trails[a].Moved);
        Assert.Equal(new Stamp("Brazil", StateBuilder.At(from + 4)), trails[a].Numbered); // the delete of b renumbered it last
        Assert.Equal(new Stamp("Brazil", StateBuilder.At(from + 4)), trails[b].Deleted);
        Assert.Equal([new TextStep("", new Stamp("Brazil", StateBuilder.At(from + 4)))], trails[b].Texts);
        Assert.Equal(new Stamp("Brazil", StateBuilder.At(from + 4)), trails[c].Numbered);
        Assert.Null(trails[c].Moved);
        Assert.Empty(trails[c].Texts);
    }

    [Fact]
    public void A_renumbering_revision_tag_renumbers_in_the_chairs_name()
    {
        var doc = StateBuilder.Operatives(2);
        doc.Tag("Rev.1");
        var bis = doc.Insert(ParagraphKind.Operative, "Bis.", doc.Ids[0]);
        var from = doc.Version;
        doc.Tag("Rev.2", renumber: true);

        var trails = ParagraphTrails.Of(doc.Recorded().Where(e => e.Version > from));

        Assert.Equal(new Stamp("WGEC", StateBuilder.At(from + 1)), trails[bis].Numbered);
        Assert.Equal("2", doc[bis].Number);
    }

    [Fact]
    public void Steps_end_at_the_later_text_even_when_the_events_do_not()
    {
        var fallback = new Stamp("UNCTAD", StateBuilder.At(9));
        var trail = new ParagraphTrail();

        Assert.Empty(trail.Steps("Same.", "Same.", fallback));
        Assert.Equal([new TextStep("Other.", fallback)], trail.Steps("Same.", "Other.", fallback));
    }

    [Fact]
    public void An_actor_without_a_delegation_is_named()
    {
        Assert.Equal("system", Stamp.AuthorOf(Actor.System));
        Assert.Equal("Brazil", Stamp.AuthorOf(StateBuilder.Member));
    }
}
