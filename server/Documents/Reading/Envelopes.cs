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
        return new Envelope(e.StreamId, e.Version, type, payload, data.By, Timestamps.Trim(e.Timestamp), data.ClientOpId);
    }

    private (string Type, object Data) Payload(DocumentEvent e, long version) => e switch
    {
        DocumentCreated c => (EnvelopeTypes.DocumentCreated, new DocumentCreatedData(c.Title, c.Kind, c.Symbol)),
        ParagraphInserted i => (EnvelopeTypes.ParagraphInserted,
            new ParagraphInsertedData(i.ParagraphId, i.AfterParagraphId, i.Kind, i.Text, views.Html(i.Text), i.Numbers)),
        ParagraphEdited ed => (EnvelopeTypes.ParagraphEdited,
            new ParagraphEditedData(ed.ParagraphId, ed.Text, views.Html(ed.Text), ed.Merged, version)),
        ParagraphMoved m => (EnvelopeTypes.ParagraphMoved, new ParagraphMovedData(m.ParagraphId, m.AfterParagraphId, m.Numbers)),
        ParagraphDeleted d => (EnvelopeTypes.ParagraphDeleted, new ParagraphDeletedData(d.ParagraphId, d.Numbers)),
        ParagraphStatusChanged s => (EnvelopeTypes.ParagraphStatusChanged, new ParagraphStatusChangedData(s.ParagraphId, s.Status, s.Note)),
        CommentAdded c => (EnvelopeTypes.CommentAdded, new CommentAddedData(c.ParagraphId, c.CommentId, c.Text)),
        RevisionTagged r => (EnvelopeTypes.RevisionTagged, new RevisionTaggedData(r.Label, r.Note, r.Numbers)),
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
        _ => null,
    };
}
