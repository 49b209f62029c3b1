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
}
