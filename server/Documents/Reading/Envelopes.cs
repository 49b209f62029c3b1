using JasperFx.Events;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>Stored events as the protocol's envelopes; HTML is rendered now, at sending.</summary>
public sealed class Envelopes(DocumentViews views)
{
    public Envelope From(IEvent e)
    {
        var data = (DocumentEvent)e.Data;
        return new Envelope(e.StreamId, e.Version, TypeOf(data), Payload(data, e.Version), data.By, Timestamps.Trim(e.Timestamp), data.ClientOpId) { Meeting = data.Meeting };
    }

    private object Payload(DocumentEvent e, long version) => e switch
    {
        DocumentCreated c => new DocumentCreatedData(c.Title, c.Kind, c.Symbol),
        ParagraphInserted i => new ParagraphInsertedData(i.ParagraphId, i.AfterParagraphId, i.Kind, i.Text, views.Html(i.Text), i.Numbers)
        {
            Position = i.Position,
            Fields = i.Fields,
            Sources = i.Sources,
        },
        RowEdited r => new RowEditedData(r.ParagraphId, r.Fields, r.Text, views.Html(r.Text), r.Merged, version),
        RowsMerged m => new RowsMergedData(m.ParagraphId, m.Merged, m.Fields, m.Text, views.Html(m.Text), m.Sources, m.MergedFrom, m.Numbers, version),
        EvidenceLinked l => new EvidenceLinkedData(l.ParagraphId, l.Kind, l.Id, l.SourceId, l.Label),
        EvidenceUnlinked u => new EvidenceUnlinkedData(u.ParagraphId, u.Kind, u.Id, u.SourceId),
        ParagraphEdited ed => new ParagraphEditedData(ed.ParagraphId, ed.Text, views.Html(ed.Text), ed.Merged, version) { ResolvedBracket = ed.ResolvedBracket },
        ParagraphMoved m => new ParagraphMovedData(m.ParagraphId, m.AfterParagraphId, m.Numbers),
        ParagraphDeleted d => new ParagraphDeletedData(d.ParagraphId, d.Numbers),
        ParagraphStatusChanged s => new ParagraphStatusChangedData(s.ParagraphId, s.Status, s.Note),
        CommentAdded c => new CommentAddedData(c.ParagraphId, c.CommentId, c.Text, c.ReplyTo),
        CommentResolved cr => new CommentResolvedData(cr.ParagraphId, cr.CommentId),
        RevisionTagged r => new RevisionTaggedData(r.Label, r.Note, r.Numbers, r.Renumbered) { Baseline = r.Baseline },
        MeetingOpened m => new MeetingData(m.Name),
        MeetingClosed m => new MeetingData(m.Name),
        ProposalTabled p => new ProposalTabledData(p.ProposalId, p.ParagraphId, p.Action, p.Text, p.Note, p.Kind),
        ProposalSupported p => new ProposalData(p.ProposalId, p.ParagraphId),
        ProposalOpposed p => new ProposalData(p.ProposalId, p.ParagraphId),
        ProposalWithdrawn p => new ProposalData(p.ProposalId, p.ParagraphId),
        ProposalDecided p => new ProposalDecidedData(p.ProposalId, p.ParagraphId, p.Decision, p.Form),
        DocumentAdopted => new DocumentAdoptedData(),
        _ => throw new InvalidOperationException($"no envelope for {e.GetType().Name}"),
    };

    /// <summary>The envelope <c>type</c> of an event (PROTOCOL.md §3): the one mapping envelopes and the timeline share.</summary>
    public static string TypeOf(DocumentEvent e) => e switch
    {
        DocumentCreated => EnvelopeTypes.DocumentCreated,
        ParagraphInserted => EnvelopeTypes.ParagraphInserted,
        ParagraphEdited => EnvelopeTypes.ParagraphEdited,
        ParagraphMoved => EnvelopeTypes.ParagraphMoved,
        ParagraphDeleted => EnvelopeTypes.ParagraphDeleted,
        ParagraphStatusChanged => EnvelopeTypes.ParagraphStatusChanged,
        CommentAdded => EnvelopeTypes.CommentAdded,
        CommentResolved => EnvelopeTypes.CommentResolved,
        RevisionTagged => EnvelopeTypes.RevisionTagged,
        MeetingOpened => EnvelopeTypes.MeetingOpened,
        MeetingClosed => EnvelopeTypes.MeetingClosed,
        ProposalTabled => EnvelopeTypes.ProposalTabled,
        ProposalSupported => EnvelopeTypes.ProposalSupported,
        ProposalOpposed => EnvelopeTypes.ProposalOpposed,
        ProposalWithdrawn => EnvelopeTypes.ProposalWithdrawn,
        ProposalDecided => EnvelopeTypes.ProposalDecided,
        DocumentAdopted => EnvelopeTypes.DocumentAdopted,
        RowEdited => EnvelopeTypes.RowEdited,
        RowsMerged => EnvelopeTypes.RowsMerged,
        EvidenceLinked => EnvelopeTypes.EvidenceLinked,
        EvidenceUnlinked => EnvelopeTypes.EvidenceUnlinked,
        _ => throw new InvalidOperationException($"no envelope type for {e.GetType().Name}"),
    };

    /// <summary>Whether an event is part of a paragraph's history: its own, or a merge that took the row in.</summary>
    public static bool Touches(object data, Guid paragraphId) =>
        ParagraphOf(data) == paragraphId || (data is RowsMerged m && m.Merged.Contains(paragraphId));

    /// <summary>The paragraph an event is about, for a paragraph's history (for a merge, the row kept).</summary>
    public static Guid? ParagraphOf(object data) => data switch
    {
        RowEdited r => r.ParagraphId,
        RowsMerged m => m.ParagraphId,
        EvidenceLinked l => l.ParagraphId,
        EvidenceUnlinked u => u.ParagraphId,
        ParagraphInserted i => i.ParagraphId,
        ParagraphEdited ed => ed.ParagraphId,
        ParagraphMoved m => m.ParagraphId,
        ParagraphDeleted d => d.ParagraphId,
        ParagraphStatusChanged s => s.ParagraphId,
        CommentAdded c => c.ParagraphId,
        CommentResolved cr => cr.ParagraphId,
        ProposalTabled p => p.ParagraphId,
        ProposalSupported p => p.ParagraphId,
        ProposalOpposed p => p.ParagraphId,
        ProposalWithdrawn p => p.ParagraphId,
        ProposalDecided p => p.ParagraphId,
        _ => null,
    };
}
