using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

/// <summary>EditRow: applied, merged per field, conflict (PROTOCOL.md §3 outcomes, as for paragraphs).</summary>
public class EditRowTests
{
    private static Decision Edit(StateBuilder doc, Guid id, long baseRevision, RowFields? fields) =>
        EditRow.Decide(doc.State, new EditRowRequest(StateBuilder.DocumentId, id, baseRevision, fields));

    private static RowResult Run(StateBuilder doc, Guid id, long baseRevision, RowFields fields) =>
        (RowResult)doc.Run(_ => Edit(doc, id, baseRevision, fields))!;

    [Fact]
    public void Fields_left_out_keep_their_value_and_the_text_follows_the_fields()
    {
        var doc = Table.Annex("Spam");
        var row = doc.Ids[0];

        var edited = Decided.Appended<RowEdited>(Edit(doc, row, doc.Version, new RowFields(Status: "Addressed")));

        Assert.Equal(Table.Fields("Spam", status: "Addressed"), edited.Fields);
        Assert.Equal(RowText.Of(edited.Fields), edited.Text);
        Assert.False(edited.Merged);
    }

    [Fact]
    public void Sending_the_current_fields_again_appends_nothing()
    {
        var doc = Table.Annex("Spam");

        var again = Decided.Nothing<RowResult>(Edit(doc, doc.Ids[0], doc.Version, Table.Fields("Spam ")));

        Assert.Equal((Outcome.Applied, doc.Version, Table.Fields("Spam")), (again.Outcome, again.Version, again.Fields));
    }

    [Fact]
    public void Two_people_changing_different_fields_on_the_same_base_are_merged()
    {
        var doc = Table.Annex("Spam");
        var (row, seen) = (doc.Ids[0], doc.Version);
        Run(doc, row, seen, new RowFields(Status: "Addressed"));

        var merged = Run(doc, row, seen, new RowFields(Category: "Cybercrime"));

        Assert.Equal(Outcome.Merged, merged.Outcome);
        Assert.Equal(Table.Fields("Spam", category: "Cybercrime", status: "Addressed"), merged.Fields);
        Assert.True(((RowEdited)doc.Events[^1]).Merged);
        Assert.Equal(merged.Fields, doc[row].Fields);
    }

    [Fact]
    public void Changes_to_different_words_of_one_field_are_merged_word_by_word()
    {
        var doc = Table.Annex("Spam");
        var (row, seen) = (doc.Ids[0], doc.Version);
        Run(doc, row, seen, new RowFields(Activities: "FIRST; regional CERTs"));

        var merged = Run(doc, row, seen, new RowFields(Activities: "FIRST and OECD; national CERTs"));

        Assert.Equal((Outcome.Merged, "FIRST and OECD; regional CERTs"), (merged.Outcome, merged.Fields.Activities));
    }

    [Fact]
    public void Overlapping_changes_to_one_field_are_a_conflict_and_append_nothing()
    {
        var doc = Table.Annex("Spam");
        var (row, seen) = (doc.Ids[0], doc.Version);
        Run(doc, row, seen, new RowFields(Status: "Addressed"));

        var conflict = Decided.Nothing<RowResult>(Edit(doc, row, seen, new RowFields(Category: "Cybercrime", Status: "Not addressed")));

        Assert.Equal((Outcome.Conflict, doc.Version, doc.Version), (conflict.Outcome, conflict.Version, conflict.Revision));
        Assert.Equal(Table.Fields("Spam", status: "Addressed"), conflict.Fields);
    }

    [Fact]
    public void The_same_change_made_by_both_is_merged_into_the_current_fields_without_a_new_event()
    {
        var doc = Table.Annex("Spam");
        var (row, seen) = (doc.Ids[0], doc.Version);
        Run(doc, row, seen, new RowFields(Status: "Addressed"));

        var same = Decided.Nothing<RowResult>(Edit(doc, row, seen, new RowFields(Status: "Addressed", Issue: "Spam")));

        Assert.Equal(Outcome.Applied, same.Outcome);
    }

    [Fact]
    public void A_base_older_than_the_kept_texts_is_a_conflict()
    {
        var doc = Table.Annex("Spam");
        var (row, seen) = (doc.Ids[0], doc.Version);
        for (var i = 0; i <= DocumentState.MergeBases; i++)
            Run(doc, row, doc.Version, new RowFields(Activities: $"step {i}"));

        Assert.Equal(Outcome.Conflict, Decided.Nothing<RowResult>(Edit(doc, row, seen, new RowFields(Status: "Addressed"))).Outcome);
    }

    [Fact]
    public void A_base_before_the_row_existed_is_invalid()
    {
        var doc = Table.Annex("Spam");
        var later = Table.AddRow(doc, Table.Fields("Privacy"));
        Run(doc, later, doc.Version, new RowFields(Status: "Addressed"));

        Decided.Refused(Edit(doc, later, 1, new RowFields(Category: "Human rights")), ErrorCode.Invalid);
    }

    [Fact]
    public void Rules_of_the_fields_and_of_the_paragraph_apply()
    {
        var doc = Table.Annex("Spam");
        var row = doc.Ids[0];
        var text = doc.Insert(ParagraphKind.Text, "Introduction");

        Decided.Refused(Edit(doc, row, doc.Version, null), ErrorCode.Invalid);
        Decided.Refused(Edit(doc, row, doc.Version, new RowFields(Issue: "")), ErrorCode.Invalid);
        Decided.Refused(Edit(doc, text, doc.Version, new RowFields(Issue: "x")), ErrorCode.Invalid);
        Decided.Refused(Edit(doc, Guid.NewGuid(), doc.Version, new RowFields(Issue: "x")), ErrorCode.NotFound);
        Decided.Refused(Edit(doc, row, doc.Version + 1, new RowFields(Issue: "x")), ErrorCode.Invalid);
        doc.Run(s => SetParagraphStatus.Decide(s, new SetParagraphStatusRequest(StateBuilder.DocumentId, row, s.Version, ParagraphStatus.Agreed)), StateBuilder.Chair);
        Decided.Refused(Edit(doc, row, doc.Version, new RowFields(Issue: "x")), ErrorCode.Locked);
    }

    [Fact]
    public void Per_field_merge_keeps_each_sides_own_fields()
    {
        var baseFields = Table.Fields("Spam");

        var merged = EditRow.Merge(baseFields, baseFields with { Grouping = "Economic" }, baseFields with { Issue = "Spam and phishing" });

        Assert.Equal(baseFields with { Grouping = "Economic", Issue = "Spam and phishing" }, merged);
        Assert.Null(EditRow.Merge(baseFields, baseFields with { Grouping = "Economic" }, baseFields with { Grouping = "Social" }));
    }
}
