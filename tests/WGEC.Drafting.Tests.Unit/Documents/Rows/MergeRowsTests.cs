using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

/// <summary>MergeRows: several mapping items become one issue, keeping the contributions they came from.</summary>
public class MergeRowsTests
{
    private static Decision Merge(StateBuilder doc, IReadOnlyList<Guid>? ids, RowFields? fields = null) =>
        MergeRows.Decide(doc.State, new MergeRowsRequest(StateBuilder.DocumentId, ids, fields));

    [Fact]
    public void The_first_row_stays_with_the_fields_given_and_holds_every_source()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);
        var (s1, s2, s3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var a = Table.AddRow(doc, Table.Fields("Spam"), [s1]);
        var b = Table.AddRow(doc, Table.Fields("Unsolicited e-mail"), [s2, s1]);
        var other = Table.AddRow(doc, Table.Fields("Privacy"));
        var c = Table.AddRow(doc, Table.Fields("Junk mail"), [s3]);

        var merged = Decided.Appended<RowsMerged>(Merge(doc, [a, b, c], new RowFields(Issue: "Spam and unsolicited e-mail")));
        doc.Apply(merged);

        Assert.Equal(a, merged.ParagraphId);
        Assert.Equal([b, c], merged.Merged);
        Assert.Equal(Table.Fields("Spam and unsolicited e-mail"), merged.Fields);
        Assert.Equal([s1, s2, s3], merged.Sources);
        Assert.Equal([a, other], doc.Ids);
        Assert.True(doc[b].Deleted && doc[c].Deleted);
        Assert.Equal([s1, s2, s3], doc[a].Sources);
        Assert.Equal([b, c], doc[a].MergedFrom);
        Assert.Equal(doc.Version, doc[a].Revision);
        Assert.Equal(new Dictionary<Guid, string?> { [b] = null, [c] = null, [other] = "2" }, merged.Numbers);
        Assert.Equal(2, doc.State.LiveCount);
    }

    [Fact]
    public void Merging_a_row_that_took_others_in_carries_them_along()
    {
        var doc = Table.Annex("A", "B", "C", "D");
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);
        doc.Run(_ => Merge(doc, [c, d]));

        doc.Run(_ => Merge(doc, [a, c, b]));

        Assert.Equal([a], doc.Ids);
        Assert.Equal([c, d, b], doc[a].MergedFrom);
        Assert.Equal("C", doc.Replay(doc.Version - 1).Find(c)!.Fields!.Issue);
    }

    [Fact]
    public void Fields_left_out_are_the_first_rows()
    {
        var doc = Table.Annex("Spam", "Junk");

        var merged = Decided.Appended<RowsMerged>(Merge(doc, [doc.Ids[1], doc.Ids[0]]));

        Assert.Equal(Table.Fields("Junk"), merged.Fields);
    }

    [Fact]
    public void What_cannot_be_merged_is_refused()
    {
        var doc = Table.Annex("Spam", "Junk", "Privacy");
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var text = doc.Insert(ParagraphKind.Text, "Note");
        doc.Run(s => SetParagraphStatus.Decide(s, new SetParagraphStatusRequest(StateBuilder.DocumentId, c, s.Version, ParagraphStatus.Agreed)), StateBuilder.Chair);

        Decided.Refused(Merge(doc, null), ErrorCode.Invalid);
        Decided.Refused(Merge(doc, [a]), ErrorCode.Invalid);
        Decided.Refused(Merge(doc, [a, a]), ErrorCode.Invalid);
        Decided.Refused(Merge(doc, [a, text]), ErrorCode.Invalid);
        Decided.Refused(Merge(doc, [a, Guid.NewGuid()]), ErrorCode.NotFound);
        Decided.Refused(Merge(doc, [a, c]), ErrorCode.Locked);
        Decided.Refused(Merge(doc, [a, b], new RowFields(Issue: "")), ErrorCode.Invalid);
        Decided.Refused(Merge(doc, [.. Enumerable.Range(0, MergeRows.MaxRows + 1).Select(_ => Guid.NewGuid())]), ErrorCode.TooLarge);
        doc.Delete(b);
        Decided.Refused(Merge(doc, [a, b]), ErrorCode.NotFound);
    }

    [Fact]
    public void After_a_revision_the_merged_rows_numbers_leave_gaps()
    {
        var doc = Table.Annex("A", "B", "C");
        doc.Run(s => WGEC.Drafting.Documents.Revising.TagRevision.Decide(s, new TagRevisionRequest(StateBuilder.DocumentId, "Rev.1")), StateBuilder.Chair);

        doc.Run(_ => Merge(doc, [doc.Ids[0], doc.Ids[1]]));

        Assert.Equal(["1", "3"], doc.State.Live.Select(p => p.Number));
    }
}
