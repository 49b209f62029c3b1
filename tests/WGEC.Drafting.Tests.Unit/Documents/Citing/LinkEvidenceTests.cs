using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Citing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Documents.Citing;

public class LinkEvidenceTests
{
    private static readonly EvidenceTarget Annex = new(Guid.NewGuid(), "Spam");

    private static Decision Link(StateBuilder doc, Guid paragraph, Guid id, EvidenceKind kind = EvidenceKind.Row) =>
        LinkEvidence.Link(doc.State, new EvidenceRequest(StateBuilder.DocumentId, paragraph, kind, id), Annex);

    private static Decision Unlink(StateBuilder doc, Guid paragraph, Guid id, EvidenceKind kind = EvidenceKind.Row) =>
        LinkEvidence.Unlink(doc.State, new EvidenceRequest(StateBuilder.DocumentId, paragraph, kind, id));

    [Fact]
    public void A_paragraph_cites_evidence_in_the_order_it_was_linked_and_the_view_shows_it()
    {
        var doc = StateBuilder.Operatives(2);
        var (p, row, contribution) = (doc.Ids[0], Guid.NewGuid(), Guid.NewGuid());

        var linked = Decided.Appended<EvidenceLinked>(Link(doc, p, row));
        doc.Apply(linked);
        doc.Run(_ => LinkEvidence.Link(doc.State, new EvidenceRequest(StateBuilder.DocumentId, p, EvidenceKind.Contribution, contribution),
            new EvidenceTarget(Guid.NewGuid(), "Brazil (government), question 3")));

        Assert.Equal((p, EvidenceKind.Row, row, Annex.SourceId, "Spam"), (linked.ParagraphId, linked.Kind, linked.Id, linked.SourceId, linked.Label));
        var view = new DocumentViews(new MarkdownRenderer()).From(doc.State).Paragraphs[0];
        Assert.Equal([row, contribution], view.Evidence.Select(e => e.Id));
        Assert.Equal([EvidenceKind.Row, EvidenceKind.Contribution], view.Evidence.Select(e => e.Kind));
        Assert.Null(view.Fields);
    }

    [Fact]
    public void Citing_the_same_evidence_again_appends_nothing()
    {
        var doc = StateBuilder.Operatives(1);
        var row = Guid.NewGuid();
        doc.Run(_ => Link(doc, doc.Ids[0], row));

        Assert.Equal(Outcome.Applied, Decided.Nothing<WriteResult>(Link(doc, doc.Ids[0], row)).Outcome);
    }

    [Fact]
    public void Unlinking_removes_it_and_unlinking_what_is_not_cited_is_not_found()
    {
        var doc = StateBuilder.Operatives(1);
        var (p, row) = (doc.Ids[0], Guid.NewGuid());
        doc.Run(_ => Link(doc, p, row));

        var unlinked = Decided.Appended<EvidenceUnlinked>(Unlink(doc, p, row));
        doc.Apply(unlinked);

        Assert.Equal(Annex.SourceId, unlinked.SourceId);
        Assert.Empty(doc[p].Evidence);
        Decided.Refused(Unlink(doc, p, row), ErrorCode.NotFound);
        Decided.Refused(Unlink(doc, p, Guid.NewGuid(), EvidenceKind.Contribution), ErrorCode.NotFound);
    }

    [Fact]
    public void An_agreed_paragraph_may_still_cite_evidence_but_a_deleted_one_may_not()
    {
        var doc = StateBuilder.Operatives(2);
        var (agreed, deleted) = (doc.Ids[0], doc.Ids[1]);
        doc.Run(s => SetParagraphStatus.Decide(s, new SetParagraphStatusRequest(StateBuilder.DocumentId, agreed, s.Version, ParagraphStatus.Agreed)), StateBuilder.Chair);
        doc.Delete(deleted);

        Decided.Appended<EvidenceLinked>(Link(doc, agreed, Guid.NewGuid()));
        Decided.Refused(Link(doc, deleted, Guid.NewGuid()), ErrorCode.NotFound);
    }

    [Fact]
    public void Unknown_kinds_self_citations_and_too_many_are_refused()
    {
        var doc = Rows.Table.Annex("Spam");
        var row = doc.Ids[0];

        Decided.Refused(Link(doc, row, Guid.NewGuid(), EvidenceKind.Unknown), ErrorCode.Invalid);
        Decided.Refused(Link(doc, row, row), ErrorCode.Invalid);
        for (var i = 0; i < LinkEvidence.MaxPerParagraph; i++)
            doc.Run(_ => Link(doc, row, Guid.NewGuid(), EvidenceKind.Contribution));
        Decided.Refused(Link(doc, row, Guid.NewGuid(), EvidenceKind.Contribution), ErrorCode.TooLarge);
    }

    [Fact]
    public void Evidence_rows_and_merges_survive_a_snapshot()
    {
        var doc = Rows.Table.Annex("Spam", "Junk");
        var (a, b, source) = (doc.Ids[0], doc.Ids[1], Guid.NewGuid());
        doc.Run(_ => Link(doc, b, source, EvidenceKind.Contribution));
        doc.Run(s => WGEC.Drafting.Documents.Rows.MergeRows.Decide(s, new MergeRowsRequest(StateBuilder.DocumentId, [a, b])));
        doc.Run(_ => Link(doc, a, Guid.NewGuid(), EvidenceKind.Contribution));

        var restored = DocumentState.FromSnapshot(doc.State.ToSnapshot());

        var views = new DocumentViews(new MarkdownRenderer());
        Assert.Equivalent(views.From(doc.State), views.From(restored), strict: true);
        Assert.Equal([b], restored.Find(a)!.MergedFrom);
        Assert.Equal(doc[a].Fields, restored.Find(a)!.Fields);
    }
}
