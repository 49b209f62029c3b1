using JasperFx.Events;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>Stored events as the protocol's envelopes; HTML is rendered now, at sending.</summary>
public sealed class Envelopes(DocumentViews views)
{
    public Envelope From(IEvent e)
    {
        var data = (DocumentEvent)e.Data;
        var (type, payload) = Payload(data, e.Version);
        return new Envelope(e.StreamId, e.Version, type, payload, data.By, Timestamps.Trim(e.Timestamp), data.ClientOpId) { Meeting = data.Meeting };
    }

    private (string Type, object Data) Payload(DocumentEvent e, long version) => e switch
    {
        DocumentCreated c => (EnvelopeTypes.DocumentCreated, new DocumentCreatedData(c.Title, c.Kind, c.Symbol)),
        ParagraphInserted i => (EnvelopeTypes.ParagraphInserted,
            new ParagraphInsertedData(i.ParagraphId, i.AfterParagraphId, i.Kind, i.Text, views.Html(i.Text), i.Numbers)),
        ParagraphEdited ed => (EnvelopeTypes.ParagraphEdited,
            new ParagraphEditedData(ed.ParagraphId, ed.Text, views.Html(ed.Text), ed.Merged, version) { ResolvedBracket = ed.ResolvedBracket }),
        ParagraphMoved m => (EnvelopeTypes.ParagraphMoved, new ParagraphMovedData(m.ParagraphId, m.AfterParagraphId, m.Numbers)),
        ParagraphDeleted d => (EnvelopeTypes.ParagraphDeleted, new ParagraphDeletedData(d.ParagraphId, d.Numbers)),
        ParagraphStatusChanged s => (EnvelopeTypes.ParagraphStatusChanged, new ParagraphStatusChangedData(s.ParagraphId, s.Status, s.Note)),
        CommentAdded c => (EnvelopeTypes.CommentAdded, new CommentAddedData(c.ParagraphId, c.CommentId, c.Text, c.ReplyTo)),
        CommentResolved cr => (EnvelopeTypes.CommentResolved, new CommentResolvedData(cr.ParagraphId, cr.CommentId)),
        RevisionTagged r => (EnvelopeTypes.RevisionTagged, new RevisionTaggedData(r.Label, r.Note, r.Numbers, r.Renumbered)),
        MeetingOpened m => (EnvelopeTypes.MeetingOpened, new MeetingData(m.Name)),
        MeetingClosed m => (EnvelopeTypes.MeetingClosed, new MeetingData(m.Name)),
        ProposalTabled p => (EnvelopeTypes.ProposalTabled, new ProposalTabledData(p.ProposalId, p.ParagraphId, p.Action, p.Text, p.Note, p.Kind)),
        ProposalSupported p => (EnvelopeTypes.ProposalSupported, new ProposalData(p.ProposalId, p.ParagraphId)),
        ProposalOpposed p => (EnvelopeTypes.ProposalOpposed, new ProposalData(p.ProposalId, p.ParagraphId)),
        ProposalWithdrawn p => (EnvelopeTypes.ProposalWithdrawn, new ProposalData(p.ProposalId, p.ParagraphId)),
        ProposalDecided p => (EnvelopeTypes.ProposalDecided, new ProposalDecidedData(p.ProposalId, p.ParagraphId, p.Decision, p.Form)),
        DocumentAdopted => (EnvelopeTypes.DocumentAdopted, new DocumentAdoptedData()),
        _ => throw new InvalidOperationException($"no envelope for {e.GetType().Name}"),
    };

    /// <summary>The paragraph an event is about, for a paragraph's history.</summary>
    public static Guid? ParagraphOf(object data) => data switch
    {
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
