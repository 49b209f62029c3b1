using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Reading;

// The current document, kept inline (in the transaction that appends the events) and per
// paragraph, so an edit writes its event, its paragraph's row and the small document row, never
// the whole document. Order lives in its own row, written only by inserts, moves and deletes.

public sealed class DocumentRow
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public string? Symbol { get; set; }
    public long Version { get; set; }
    public List<RevisionView> Revisions { get; set; } = [];
    public MeetingView? Meeting { get; set; }
    public DateTimeOffset? AdoptedAt { get; set; }

    /// <summary>Proposals to insert at the top; the others live on their paragraph's row.</summary>
    public List<ProposalRecord> Proposals { get; set; } = [];
}

public sealed class ParagraphRow
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public ParagraphKind Kind { get; set; }
    public string Text { get; set; } = "";
    public ParagraphStatus Status { get; set; } = ParagraphStatus.Draft;
    public long Revision { get; set; }
    public int OpenBrackets { get; set; }
    public bool Deleted { get; set; }
    public List<CommentView> Comments { get; set; } = [];
    public List<ProposalRecord> Proposals { get; set; } = [];
    public RowFields? Fields { get; set; }
    public List<Guid> Sources { get; set; } = [];
    public List<Guid> MergedFrom { get; set; } = [];
    public List<EvidenceView> Evidence { get; set; } = [];
}

public sealed class OrderRow
{
    public Guid Id { get; set; }
    public List<Guid> Paragraphs { get; set; } = [];

    /// <summary>The positions of the last renumbering revision (see <see cref="Numbering"/>).</summary>
    public Dictionary<Guid, int>? Baseline { get; set; }

    /// <summary>Positions given to paragraphs inserted since ("3 bis").</summary>
    public Dictionary<Guid, string> Assigned { get; set; } = [];
}

public sealed class DocumentRowProjection : SingleStreamProjection<DocumentRow, Guid>
{
    public DocumentRowProjection()
    {
        foreach (var type in DocumentEventTypes.All)
            IncludeType(type);
    }

    public override DocumentRow Evolve(DocumentRow? row, Guid id, IEvent e)
    {
        row ??= new DocumentRow { Id = id };
        switch (e.Data)
        {
            case DocumentCreated c:
                (row.Title, row.Kind, row.Symbol) = (c.Title, c.Kind, c.Symbol);
                break;
            case RevisionTagged r:
                row.Revisions.Add(new RevisionView(r.Label, e.Version, Timestamps.Trim(e.Timestamp), r.Note));
                break;
            case MeetingOpened m:
                row.Meeting = new MeetingView(m.Name, Timestamps.Trim(e.Timestamp));
                break;
            case MeetingClosed:
                row.Meeting = null;
                break;
            case DocumentAdopted:
                row.AdoptedAt = Timestamps.Trim(e.Timestamp);
                break;
            case ProposalTabled { ParagraphId: null } p:
                row.Proposals.Add(ProposalRecord.From(p, e.Version));
                break;
            case DocumentEvent d when ProposalRecord.IdOf(d) is { } proposal:
                row.Proposals.Find(p => p.Id == proposal)?.Apply(d);
                break;
        }
        row.Version = e.Version;
        return row;
    }
}

public sealed class OrderProjection : SingleStreamProjection<OrderRow, Guid>
{
    public OrderProjection()
    {
        IncludeType<DocumentCreated>();
        IncludeType<ParagraphInserted>();
        IncludeType<ParagraphMoved>();
        IncludeType<ParagraphDeleted>();
        IncludeType<RowsMerged>();
        IncludeType<RevisionTagged>();
    }

    public override OrderRow Evolve(OrderRow? row, Guid id, IEvent e)
    {
        row ??= new OrderRow { Id = id };
        switch (e.Data)
        {
            case ParagraphInserted i:
                row.Paragraphs.Insert(IndexAfter(row, i.AfterParagraphId), i.ParagraphId);
                if (i.Position is { } position)
                    row.Assigned[i.ParagraphId] = position;
                break;
            case ParagraphMoved m:
                row.Paragraphs.Remove(m.ParagraphId);
                row.Paragraphs.Insert(IndexAfter(row, m.AfterParagraphId), m.ParagraphId);
                break;
            case ParagraphDeleted d:
                row.Paragraphs.Remove(d.ParagraphId);
                break;
            case RowsMerged m:
                row.Paragraphs.RemoveAll(m.Merged.Contains);
                break;
            case RevisionTagged { Baseline: { } baseline }:
                row.Baseline = new Dictionary<Guid, int>(baseline);
                row.Assigned.Clear();
                break;
        }
        return row;
    }

    private static int IndexAfter(OrderRow row, Guid? after) => after is { } a ? row.Paragraphs.IndexOf(a) + 1 : 0;
}

public sealed class ParagraphRowProjection : MultiStreamProjection<ParagraphRow, Guid>
{
    public ParagraphRowProjection()
    {
        Identity<ParagraphInserted>(e => e.ParagraphId);
        Identity<ParagraphEdited>(e => e.ParagraphId);
        Identity<ParagraphDeleted>(e => e.ParagraphId);
        Identity<RowEdited>(e => e.ParagraphId);
        Identities<RowsMerged>(e => [e.ParagraphId, .. e.Merged]);
        Identity<EvidenceLinked>(e => e.ParagraphId);
        Identity<EvidenceUnlinked>(e => e.ParagraphId);
        Identity<ParagraphStatusChanged>(e => e.ParagraphId);
        Identity<CommentAdded>(e => e.ParagraphId);
        Identity<CommentResolved>(e => e.ParagraphId);
        Identities<ProposalTabled>(e => e.ParagraphId is { } id ? [id] : []);
        Identities<ProposalSupported>(e => e.ParagraphId is { } id ? [id] : []);
        Identities<ProposalOpposed>(e => e.ParagraphId is { } id ? [id] : []);
        Identities<ProposalWithdrawn>(e => e.ParagraphId is { } id ? [id] : []);
        Identities<ProposalDecided>(e => e.ParagraphId is { } id ? [id] : []);
    }

    public override ParagraphRow Evolve(ParagraphRow? row, Guid id, IEvent e)
    {
        row ??= new ParagraphRow { Id = id, DocumentId = e.StreamId };
        switch (e.Data)
        {
            case ParagraphInserted i:
                (row.Kind, row.Revision, row.Fields, row.Sources) = (i.Kind, e.Version, i.Fields, [.. i.Sources ?? []]);
                SetText(row, i.Text);
                break;
            case RowEdited re:
                (row.Revision, row.Fields) = (e.Version, re.Fields);
                SetText(row, re.Text);
                break;
            case RowsMerged m when m.ParagraphId == id:
                (row.Revision, row.Fields, row.Sources, row.MergedFrom) = (e.Version, m.Fields, [.. m.Sources], [.. m.MergedFrom]);
                SetText(row, m.Text);
                break;
            case RowsMerged:
                row.Deleted = true;
                break;
            case EvidenceLinked l:
                row.Evidence.Add(new EvidenceView(l.Kind, l.Id, l.SourceId, l.Label));
                break;
            case EvidenceUnlinked u:
                row.Evidence.RemoveAll(x => x.Kind == u.Kind && x.Id == u.Id);
                break;
            case ParagraphEdited ed:
                row.Revision = e.Version;
                SetText(row, ed.Text);
                break;
            case ParagraphDeleted:
                row.Deleted = true;
                break;
            case ParagraphStatusChanged s:
                row.Status = s.Status;
                break;
            case CommentAdded c:
                CommentThreads.Add(row.Comments, c, Timestamps.Trim(e.Timestamp));
                break;
            case CommentResolved cr:
                CommentThreads.Resolve(row.Comments, cr.CommentId);
                break;
            case ProposalTabled p:
                row.Proposals.Add(ProposalRecord.From(p, e.Version));
                break;
            case DocumentEvent d when ProposalRecord.IdOf(d) is { } proposal:
                row.Proposals.Find(p => p.Id == proposal)?.Apply(d);
                break;
        }
        return row;
    }

    private static void SetText(ParagraphRow row, string text) =>
        (row.Text, row.OpenBrackets) = (text, Brackets.CountOpen(text));
}

public static class DocumentEventTypes
{
    public static readonly Type[] All =
    [
        typeof(DocumentCreated), typeof(ParagraphInserted), typeof(ParagraphEdited), typeof(ParagraphMoved),
        typeof(ParagraphDeleted), typeof(ParagraphStatusChanged), typeof(CommentAdded), typeof(RevisionTagged),
        typeof(CommentResolved), typeof(MeetingOpened), typeof(MeetingClosed), typeof(ProposalTabled), typeof(ProposalSupported),
        typeof(ProposalOpposed), typeof(ProposalWithdrawn), typeof(ProposalDecided), typeof(DocumentAdopted),
        typeof(RowEdited), typeof(RowsMerged), typeof(EvidenceLinked), typeof(EvidenceUnlinked),
    ];
}

/// <summary>Who cites one row or contribution (by its id): the citing documents' paragraphs, deleted ones included.</summary>
public sealed class CitationRow
{
    public Guid Id { get; set; }
    public List<CitingParagraph> Citations { get; set; } = [];
}

public sealed record CitingParagraph(Guid DocumentId, Guid ParagraphId);

public sealed class CitationProjection : MultiStreamProjection<CitationRow, Guid>
{
    public CitationProjection()
    {
        Identity<EvidenceLinked>(e => e.Id);
        Identity<EvidenceUnlinked>(e => e.Id);
    }

    public override CitationRow Evolve(CitationRow? row, Guid id, IEvent e)
    {
        row ??= new CitationRow { Id = id };
        switch (e.Data)
        {
            case EvidenceLinked l:
                row.Citations.Add(new CitingParagraph(e.StreamId, l.ParagraphId));
                break;
            case EvidenceUnlinked u:
                row.Citations.Remove(new CitingParagraph(e.StreamId, u.ParagraphId));
                break;
        }
        return row;
    }
}
