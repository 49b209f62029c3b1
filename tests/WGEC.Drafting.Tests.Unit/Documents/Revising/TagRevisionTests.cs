using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Revising;

namespace WGEC.Drafting.Tests.Documents.Revising;

public class TagRevisionTests
{
    private static Decision Tag(StateBuilder doc, string? label, string? note = null) =>
        TagRevision.Decide(doc.State, new TagRevisionRequest(StateBuilder.DocumentId, label, note));

    [Theory]
    [InlineData("12")]
    [InlineData("007")]
    [InlineData("-3")]
    [InlineData("2025-03-10")]
    [InlineData("2025-03-10T09:30:00Z")]
    [InlineData("2025-03-10T09:30:00+02:00")]
    public void Label_that_looks_like_a_version_or_a_time_is_invalid(string label)
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Tag(doc, label), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Rev.1\nsecond line")]
    public void Label_that_is_not_one_non_empty_line_is_invalid(string? label)
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Tag(doc, label), ErrorCode.Invalid);
    }

    [Fact]
    public void Duplicate_label_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        doc.Tag("Rev.1");
        doc.Edit(doc.Ids[0], "Changed.");

        Decided.Refused(Tag(doc, "Rev.1"), ErrorCode.Invalid);
    }

    [Fact]
    public void Label_over_40_characters_is_too_large()
    {
        var doc = StateBuilder.Operatives(1);

        Decided.Appended<RevisionTagged>(Tag(doc, "R" + new string('x', TextRules.MaxRevisionLabelLength - 1)));
        Decided.Refused(Tag(doc, "R" + new string('x', TextRules.MaxRevisionLabelLength)), ErrorCode.TooLarge);
    }

    [Fact]
    public void Tags_add_revisions_with_their_version_time_and_note()
    {
        var doc = StateBuilder.Operatives(1);
        doc.Tag("Rev.1", "First reading.");
        var first = doc.Version;
        doc.Edit(doc.Ids[0], "Changed.");
        doc.Tag("Rev.2");

        Assert.Equal(
            [new RevisionView("Rev.1", first, StateBuilder.At(first), "First reading."), new RevisionView("Rev.2", doc.Version, StateBuilder.At(doc.Version), null)],
            doc.State.Revisions);
    }

    [Fact]
    public void Tag_of_consecutive_numbers_changes_no_number()
    {
        var doc = StateBuilder.Operatives(3);
        Assert.Empty(Decided.Appended<RevisionTagged>(Tag(doc, "Rev.1")).Numbers);
    }

    private static Decision Tag(StateBuilder doc, string label, bool? renumber) =>
        TagRevision.Decide(doc.State, new TagRevisionRequest(StateBuilder.DocumentId, label, Renumber: renumber));

    /// <summary>Five operatives tagged Rev.1 (the baseline), then one inserted after 3: 1 2 3 "3 bis" 4 5.</summary>
    private static (StateBuilder Doc, Guid Inserted) AfterRev1WithOneInsertedAfterThree()
    {
        var doc = StateBuilder.Operatives(5);
        doc.Tag("Rev.1");
        var inserted = doc.Insert(ParagraphKind.Operative, "Inserted.", doc.Ids[2]);
        Assert.Equal("3 bis", doc[inserted].Number);
        return (doc, inserted);
    }

    [Fact]
    public void Tag_renumbers_by_default_and_lists_exactly_the_numbers_that_change()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();
        var (four, five) = (doc.Ids[4], doc.Ids[5]);

        var tagged = Decided.Appended<RevisionTagged>(Tag(doc, "Rev.2", renumber: null));

        Assert.Equal(new Dictionary<Guid, string?> { [inserted] = "4", [four] = "5", [five] = "6" }, tagged.Numbers);
    }

    [Fact]
    public void Renumbering_tag_carries_the_consecutive_baseline_of_every_preambular_and_operative_paragraph()
    {
        var doc = StateBuilder.Document("# Heading\n\nRecalling its resolution.\n\nNoting the report.\n\n1. Recommends.\n\n2. Decides.");
        var kinds = doc.State.Live.Select(p => p.Kind).ToList();
        Assert.Equal([ParagraphKind.Heading, ParagraphKind.Preambular, ParagraphKind.Preambular, ParagraphKind.Operative, ParagraphKind.Operative], kinds);
        var ids = doc.Ids;

        var tagged = Decided.Appended<RevisionTagged>(Tag(doc, "Rev.1", renumber: true));

        Assert.Equal(new Dictionary<Guid, int> { [ids[1]] = 1, [ids[2]] = 2, [ids[3]] = 1, [ids[4]] = 2 }, tagged.Baseline);
    }

    [Fact]
    public void After_a_renumbering_tag_the_state_numbers_consecutively_and_a_new_insert_is_bis_again()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();
        doc.Tag("Rev.2");

        Assert.Equal(["1", "2", "3", "4", "5", "6"], doc.State.Live.Select(p => p.Number));
        Assert.Equal(4, doc.State.Baseline![inserted]);

        var next = doc.Insert(ParagraphKind.Operative, "Later.", inserted);
        Assert.Equal("4 bis", doc[next].Number);
    }

    [Fact]
    public void Renumber_false_keeps_the_numbers_and_carries_no_baseline()
    {
        var (doc, _) = AfterRev1WithOneInsertedAfterThree();

        var tagged = Decided.Appended<RevisionTagged>(Tag(doc, "Rev.2", renumber: false));

        Assert.Null(tagged.Baseline);
        Assert.Empty(tagged.Numbers);
    }

    [Fact]
    public void After_a_tag_without_renumbering_inserts_are_still_read_against_the_older_baseline()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();
        var rev1 = doc.State.Baseline;
        doc.Tag("Rev.2", renumber: false);

        var next = doc.Insert(ParagraphKind.Operative, "Later.", inserted);

        Assert.Same(rev1, doc.State.Baseline);
        Assert.Equal(["1", "2", "3", "3 bis", "3 ter", "4", "5"], doc.State.Live.Select(p => p.Number));
        Assert.Equal("3 ter", doc[next].Number);
    }

    [Fact]
    public void Concordance_of_a_renumbering_tag_lists_every_live_operative_with_its_old_and_new_number()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();
        var deleted = doc.Ids[1];
        doc.Insert(ParagraphKind.Preambular, "Recalling.");
        doc.Delete(deleted);
        var ops = doc.State.Live.Where(p => p.Kind == ParagraphKind.Operative).Select(p => p.Id).ToList();

        doc.Tag("Rev.2");

        Assert.Equal(
            [
                new ConcordanceEntry(ops[0], "1", "1"),
                new ConcordanceEntry(ops[1], "3", "2"),
                new ConcordanceEntry(inserted, "3 bis", "3"),
                new ConcordanceEntry(ops[3], "4", "4"),
                new ConcordanceEntry(ops[4], "5", "5"),
            ],
            doc.State.Concordances["Rev.2"]);
        Assert.DoesNotContain(deleted, doc.State.Concordances["Rev.2"].Select(c => c.ParagraphId));
    }

    [Fact]
    public void Concordance_of_a_tag_without_renumbering_keeps_old_and_new_numbers_equal()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();

        doc.Tag("Rev.2", renumber: false);

        var concordance = doc.State.Concordances["Rev.2"];
        Assert.Equal(6, concordance.Count);
        Assert.All(concordance, c => Assert.Equal(c.OldNumber, c.NewNumber));
        Assert.Contains(new ConcordanceEntry(inserted, "3 bis", "3 bis"), concordance);
    }

    [Fact]
    public void Each_revision_keeps_its_own_concordance()
    {
        var (doc, inserted) = AfterRev1WithOneInsertedAfterThree();
        doc.Tag("Rev.2");

        Assert.Equal(["Rev.1", "Rev.2"], doc.State.Concordances.Keys.Order());
        Assert.Equal(new ConcordanceEntry(inserted, "3 bis", "4"), doc.State.Concordances["Rev.2"][3]);
        Assert.DoesNotContain(inserted, doc.State.Concordances["Rev.1"].Select(c => c.ParagraphId));
    }
}
