using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Tests.Documents.Editing;

public class InsertParagraphTests
{
    private static Decision Insert(StateBuilder doc, Guid? after, ParagraphKind kind = ParagraphKind.Text, string text = "New text.", Guid? id = null) =>
        InsertParagraph.Decide(doc.State, new InsertParagraphRequest(StateBuilder.DocumentId, after, kind, text, id), Guid.NewGuid());

    [Fact]
    public void Insert_with_no_after_goes_to_the_top()
    {
        var doc = StateBuilder.Operatives(2);
        var first = doc.Ids[0];

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, null));
        doc.Apply(inserted);

        Assert.Null(inserted.AfterParagraphId);
        Assert.Equal([inserted.ParagraphId, first], doc.Ids.Take(2));
    }

    [Fact]
    public void Insert_after_a_paragraph_goes_right_after_it()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, a));
        doc.Apply(inserted);

        Assert.Equal(a, inserted.AfterParagraphId);
        Assert.Equal([a, inserted.ParagraphId, b, c], doc.Ids);
    }

    [Fact]
    public void Insert_after_a_tombstone_goes_after_the_nearest_live_paragraph_before_it()
    {
        var doc = StateBuilder.Operatives(4);
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);
        doc.Delete(b);
        doc.Delete(c);

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, c));
        doc.Apply(inserted);

        Assert.Equal(a, inserted.AfterParagraphId);
        Assert.Equal([a, inserted.ParagraphId, d], doc.Ids);
    }

    [Fact]
    public void Insert_after_a_tombstone_with_nothing_live_before_it_goes_to_the_top()
    {
        var doc = StateBuilder.Operatives(2);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        doc.Delete(a);

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, a));
        doc.Apply(inserted);

        Assert.Null(inserted.AfterParagraphId);
        Assert.Equal([inserted.ParagraphId, b], doc.Ids);
    }

    [Fact]
    public void Insert_after_an_unknown_paragraph_is_not_found()
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Insert(doc, Guid.NewGuid()), ErrorCode.NotFound);
    }

    [Fact]
    public void Insert_reusing_a_live_paragraph_id_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Insert(doc, null, id: doc.Ids[0]), ErrorCode.Invalid);
    }

    [Fact]
    public void Insert_reusing_a_deleted_paragraph_id_is_invalid()
    {
        var doc = StateBuilder.Operatives(2);
        var deleted = doc.Ids[0];
        doc.Delete(deleted);

        Decided.Refused(Insert(doc, null, id: deleted), ErrorCode.Invalid);
    }

    [Fact]
    public void Insert_with_the_client_chosen_id_uses_it()
    {
        var doc = StateBuilder.Operatives(1);
        var chosen = Guid.NewGuid();

        Assert.Equal(chosen, Decided.Appended<ParagraphInserted>(Insert(doc, null, id: chosen)).ParagraphId);
    }

    [Fact]
    public void Insert_of_unknown_kind_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Insert(doc, null, ParagraphKind.Unknown), ErrorCode.Invalid);
    }

    [Fact]
    public void Insert_beyond_5000_live_paragraphs_is_too_large_and_deleted_ones_do_not_count()
    {
        var doc = StateBuilder.Document();
        for (var i = 0; i < TextRules.MaxParagraphs; i++)
            doc.Apply(new ParagraphInserted(Guid.NewGuid(), null, ParagraphKind.Text, "t", new Dictionary<Guid, string?>()));

        Decided.Refused(Insert(doc, null), ErrorCode.TooLarge);

        doc.Delete(doc.Ids[0]);
        Decided.Appended<ParagraphInserted>(Insert(doc, null));
    }

    [Fact]
    public void Inserting_an_operative_at_the_top_renumbers_every_operative()
    {
        var doc = StateBuilder.Operatives(3);
        var existing = doc.Ids;

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, null, ParagraphKind.Operative));

        Assert.Equal(4, inserted.Numbers.Count);
        Assert.Equal("1", inserted.Numbers[inserted.ParagraphId]);
        Assert.Equal(["2", "3", "4"], existing.Select(id => inserted.Numbers[id]));
    }

    [Fact]
    public void Inserting_an_operative_lists_only_the_numbers_that_changed()
    {
        var doc = StateBuilder.Operatives(3);
        var (first, second, third) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, second, ParagraphKind.Operative));

        Assert.Equal(new Dictionary<Guid, string?> { [inserted.ParagraphId] = "3", [third] = "4" }, inserted.Numbers);
        Assert.DoesNotContain(first, inserted.Numbers.Keys);
    }

    [Fact]
    public void Inserting_a_preambular_paragraph_changes_no_number()
    {
        var doc = StateBuilder.Operatives(3);
        Assert.Empty(Decided.Appended<ParagraphInserted>(Insert(doc, null, ParagraphKind.Preambular)).Numbers);
    }

    [Fact]
    public void Inserted_text_is_normalised()
    {
        var doc = StateBuilder.Operatives(1);
        Assert.Equal("line one\nline two", Decided.Appended<ParagraphInserted>(Insert(doc, null, text: "  line one\r\nline two \r\n")).Text);
    }
}
