using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Importing;

/// <summary>One event of an imported history, with the time it first happened.</summary>
public sealed record ImportedEvent(DocumentEvent Event, DateTimeOffset At);

/// <summary>
/// A document's whole history brought from another server: the envelopes of
/// <c>GET /api/documents/{id}/events</c>, from version 1, turned back into the stored events, each
/// checked against the document as the ones before it left it. The history is kept exactly as it was
/// (who, when, under which clientOpId); a history this server could not have written is refused whole.
/// </summary>
public static class HistoryImport
{
    public static (IReadOnlyList<ImportedEvent> Events, Refusal? Refusal) Decide(Guid documentId, IReadOnlyList<Envelope?>? envelopes)
    {
        if (envelopes is null or [])
            return Refused("the body is the document's events as GET /api/documents/{id}/events gives them, from version 1");
        var state = new DocumentState();
        var events = new List<ImportedEvent>(envelopes.Count);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var version = i + 1L;
            var (e, problem) = envelopes[i] is { } envelope ? Read(envelope, documentId, version, state) : (null, "it is null");
            if (problem is not null)
                return problem.StartsWith(TooLarge, StringComparison.Ordinal)
                    ? ([], Refusal.TooLarge($"event {version}: {problem[TooLarge.Length..]}"))
                    : Refused($"event {version}: {problem}");
            var at = envelopes[i]!.At;
            try
            {
                state.Apply(e!, version, at);
            }
            catch (Exception failed) when (failed is KeyNotFoundException or InvalidOperationException or NullReferenceException or ArgumentException)
            {
                return Refused($"event {version} ({envelopes[i]!.Type}) does not follow from the events before it");
            }
            events.Add(new ImportedEvent(e!, at));
        }
        return (events, null);
    }

    /// <summary>Marks a problem that is a limit (<c>too-large</c>) rather than a broken rule (<c>invalid</c>).</summary>
    private const string TooLarge = "too large: ";

    private static (IReadOnlyList<ImportedEvent>, Refusal) Refused(string message) => ([], Refusal.Invalid(message));

    private static (DocumentEvent? Event, string? Problem) Read(Envelope envelope, Guid documentId, long version, DocumentState state)
    {
        if (envelope.DocumentId != documentId)
            return (null, $"it belongs to document {envelope.DocumentId}, not {documentId}");
        if (envelope.Version != version)
            return (null, $"it has version {envelope.Version}: a history runs 1, 2, 3 … without gaps");
        if (version > 1 && envelope.At < state.LastEventAt)
            return (null, "it happened before the event ahead of it");
        if (envelope.Actor is not { Name: { Length: <= TextRules.MaxTitleLength }, Delegation: { Length: <= TextRules.MaxTitleLength } } actor)
            return (null, "it has no actor { participantId, name, delegation, role }");
        if (envelope.ClientOpId is { Length: > TextRules.MaxClientOpIdLength })
            return (null, TooLarge + $"a clientOpId is at most {TextRules.MaxClientOpIdLength} characters");
        if (envelope.Meeting is { Length: > TextRules.MaxTitleLength })
            return (null, TooLarge + $"a meeting name is at most {TextRules.MaxTitleLength} characters");
        if ((Characters(envelope.ClientOpId, "clientOpId") ?? Characters(envelope.Meeting, "meeting name")
            ?? Characters(actor.Name, "actor's name") ?? Characters(actor.Delegation, "actor's delegation")) is { } forbidden)
            return (null, forbidden);
        if (state.AdoptedAt is not null)
            return (null, "the document was adopted before it; nothing follows an adoption");
        DocumentEvent? e;
        try
        {
            e = Parse(envelope.Type, envelope.Data is JsonElement data ? data : JsonSerializer.SerializeToElement(envelope.Data, ProtocolJson.Options));
        }
        catch (JsonException bad)
        {
            return (null, $"its data is not a {envelope.Type}: {bad.Message}");
        }
        if (e is null)
            return (null, $"'{envelope.Type}' is not an event type this server knows");
        if ((version == 1) != e is DocumentCreated)
            return (null, "a history starts with document-created, and only there");
        if (e is DocumentCreated created)
            e = created with { DocumentId = documentId };
        return Check(state, e) is { } problem ? (null, problem) : (e with { By = actor, ClientOpId = envelope.ClientOpId, Meeting = envelope.Meeting }, null);
    }

    private static DocumentEvent? Parse(string? type, JsonElement data) => type switch
    {
        EnvelopeTypes.DocumentCreated => As<DocumentCreatedData>(data) is var c ? new DocumentCreated(Guid.Empty, c.Title, c.Kind, c.Symbol) : null,
        EnvelopeTypes.ParagraphInserted => As<ParagraphInsertedData>(data) is var i
            ? new ParagraphInserted(i.ParagraphId, i.AfterParagraphId, i.Kind, i.Text, i.Numbers) { Position = i.Position, Fields = i.Fields, Sources = i.Sources }
            : null,
        EnvelopeTypes.RowEdited => As<RowEditedData>(data) is var re ? new RowEdited(re.ParagraphId, re.Fields, re.Text, re.Merged) : null,
        EnvelopeTypes.RowsMerged => As<RowsMergedData>(data) is var rm
            ? new RowsMerged(rm.ParagraphId, rm.Merged, rm.Fields, rm.Text, rm.Sources, rm.MergedFrom, rm.Numbers)
            : null,
        EnvelopeTypes.EvidenceLinked => As<EvidenceLinkedData>(data) is var el ? new EvidenceLinked(el.ParagraphId, el.Kind, el.Id, el.SourceId, el.Label) : null,
        EnvelopeTypes.EvidenceUnlinked => As<EvidenceUnlinkedData>(data) is var eu ? new EvidenceUnlinked(eu.ParagraphId, eu.Kind, eu.Id, eu.SourceId) : null,
        EnvelopeTypes.ParagraphEdited => As<ParagraphEditedData>(data) is var ed
            ? new ParagraphEdited(ed.ParagraphId, ed.Text, ed.Merged) { ResolvedBracket = ed.ResolvedBracket }
            : null,
        EnvelopeTypes.ParagraphMoved => As<ParagraphMovedData>(data) is var m ? new ParagraphMoved(m.ParagraphId, m.AfterParagraphId, m.Numbers) : null,
        EnvelopeTypes.ParagraphDeleted => As<ParagraphDeletedData>(data) is var d ? new ParagraphDeleted(d.ParagraphId, d.Numbers) : null,
        EnvelopeTypes.ParagraphStatusChanged => As<ParagraphStatusChangedData>(data) is var s ? new ParagraphStatusChanged(s.ParagraphId, s.Status, s.Note) : null,
        EnvelopeTypes.CommentAdded => As<CommentAddedData>(data) is var ca ? new CommentAdded(ca.ParagraphId, ca.CommentId, ca.Text) { ReplyTo = ca.ReplyTo } : null,
        EnvelopeTypes.CommentResolved => As<CommentResolvedData>(data) is var cr ? new CommentResolved(cr.ParagraphId, cr.CommentId) : null,
        EnvelopeTypes.RevisionTagged => As<RevisionTaggedData>(data) is var r
            ? new RevisionTagged(r.Label, r.Note, r.Numbers) { Baseline = r.Baseline, Renumbered = r.Renumbered }
            : null,
        EnvelopeTypes.MeetingOpened => new MeetingOpened(As<MeetingData>(data).Name),
        EnvelopeTypes.MeetingClosed => new MeetingClosed(As<MeetingData>(data).Name),
        EnvelopeTypes.ProposalTabled => As<ProposalTabledData>(data) is var p
            ? new ProposalTabled(p.ProposalId, p.ParagraphId, p.Action, p.Text, p.Note, p.Kind)
            : null,
        EnvelopeTypes.ProposalSupported => As<ProposalData>(data) is var ps ? new ProposalSupported(ps.ProposalId, ps.ParagraphId) : null,
        EnvelopeTypes.ProposalOpposed => As<ProposalData>(data) is var po ? new ProposalOpposed(po.ProposalId, po.ParagraphId) : null,
        EnvelopeTypes.ProposalWithdrawn => As<ProposalData>(data) is var pw ? new ProposalWithdrawn(pw.ProposalId, pw.ParagraphId) : null,
        EnvelopeTypes.ProposalDecided => As<ProposalDecidedData>(data) is var pd ? new ProposalDecided(pd.ProposalId, pd.ParagraphId, pd.Decision, pd.Form) : null,
        EnvelopeTypes.DocumentAdopted => new DocumentAdopted(),
        _ => null,
    };

    private static T As<T>(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.Deserialize<T>(ProtocolJson.Options) is { } value
            ? value
            : throw new JsonException($"expected an object of {typeof(T).Name}");

    /// <summary>What this server's own decisions would have refused, said in a few words; null when the event may follow.</summary>
    private static string? Check(DocumentState state, DocumentEvent e) => e switch
    {
        DocumentCreated c => c.Kind == DocumentKind.Unknown ? "unknown document kind" : Line(c.Title, TextRules.MaxTitleLength, "title") ?? OptionalLine(c.Symbol, "symbol"),
        ParagraphInserted i => i.Kind == ParagraphKind.Unknown ? "unknown paragraph kind"
            : state.Find(i.ParagraphId) is not null ? $"paragraph {i.ParagraphId} is already in the document"
            : state.LiveCount >= TextRules.MaxParagraphs ? TooLarge + $"a document holds at most {TextRules.MaxParagraphs:N0} paragraphs"
            : After(state, i.AfterParagraphId, i.ParagraphId) ?? Numbers(i.Numbers) ?? Text(i.Text, TextRules.MaxParagraphLength, "paragraph text")
                ?? (i.Kind == ParagraphKind.Row ? Row(i.Fields, i.Text) ?? Sources(i.Sources)
                    : i.Fields is not null || i.Sources is not null ? "only a row has fields and sources" : null),
        RowEdited re => Live(state, re.ParagraphId) ?? IsRow(state, re.ParagraphId) ?? Row(re.Fields, re.Text),
        RowsMerged rm => rm.Merged.Count == 0 || rm.Merged.Contains(rm.ParagraphId) || rm.Merged.Distinct().Count() != rm.Merged.Count
                ? "a merge takes distinct other rows into the one kept"
            : rm.Merged.Prepend(rm.ParagraphId).Select(id => Live(state, id) ?? IsRow(state, id)).FirstOrDefault(p => p is not null)
                ?? Row(rm.Fields, rm.Text) ?? Sources(rm.Sources) ?? Numbers(rm.Numbers)
                ?? (rm.MergedFrom is null || !rm.Merged.All(rm.MergedFrom.Contains) ? "mergedFrom lists every merged row" : null),
        EvidenceLinked el => el.Kind == EvidenceKind.Unknown ? "unknown evidence kind"
            : Live(state, el.ParagraphId)
                ?? (state.Find(el.ParagraphId)!.Evidence.Exists(x => x.Kind == el.Kind && x.Id == el.Id) ? "that evidence is cited already" : null)
                ?? Line(el.Label, Rows.RowText.MaxFieldLength, "evidence label"),
        EvidenceUnlinked eu => state.Find(eu.ParagraphId) is { } cited && cited.Evidence.Exists(x => x.Kind == eu.Kind && x.Id == eu.Id)
            ? null : $"paragraph {eu.ParagraphId} does not cite {eu.Id}",
        ParagraphEdited ed => Live(state, ed.ParagraphId) ?? Text(ed.Text, TextRules.MaxParagraphLength, "paragraph text"),
        ParagraphMoved m => Live(state, m.ParagraphId) ?? After(state, m.AfterParagraphId, m.ParagraphId) ?? Numbers(m.Numbers),
        ParagraphDeleted d => Live(state, d.ParagraphId) ?? Numbers(d.Numbers),
        ParagraphStatusChanged s => s.Status == ParagraphStatus.Unknown ? "unknown status" : Live(state, s.ParagraphId) ?? OptionalText(s.Note, "note"),
        CommentAdded ca => state.Find(ca.ParagraphId) is null ? $"no paragraph {ca.ParagraphId}"
            : state.ParagraphOfComment(ca.CommentId) is not null ? $"comment {ca.CommentId} is already there"
            : ca.ReplyTo is { } to && state.ParagraphOfComment(to) != ca.ParagraphId ? $"comment {to} is not on that paragraph"
            : Text(ca.Text, TextRules.MaxCommentLength, "comment", allowBlankLines: true),
        CommentResolved cr => state.ParagraphOfComment(cr.CommentId) == cr.ParagraphId ? null : $"no comment {cr.CommentId} on paragraph {cr.ParagraphId}",
        RevisionTagged r => state.Revisions.Any(v => v.Label == r.Label) ? $"revision {r.Label} is tagged already"
            : Line(r.Label, TextRules.MaxRevisionLabelLength, "revision label") ?? Numbers(r.Numbers) ?? OptionalText(r.Note, "note"),
        MeetingOpened mo => state.Meeting is not null ? "a meeting is open already" : Line(mo.Name, TextRules.MaxTitleLength, "meeting name"),
        MeetingClosed => state.Meeting is null ? "no meeting is open" : null,
        ProposalTabled p => p.Action == ProposalAction.Unknown || p.Kind == ParagraphKind.Unknown ? "unknown proposal action or kind"
            : state.Proposals.ContainsKey(p.ProposalId) ? $"proposal {p.ProposalId} is already there"
            : p.ParagraphId is { } on && state.Find(on) is null ? $"no paragraph {on}"
            : OptionalText(p.Text, "proposed text", TextRules.MaxParagraphLength) ?? OptionalText(p.Note, "note"),
        ProposalDecided pd when pd.Decision == ProposalDecision.Unknown || pd.Form == ProposalForm.Unknown => "unknown decision or form",
        ProposalSupported or ProposalOpposed or ProposalWithdrawn or ProposalDecided =>
            state.Proposals.ContainsKey(ProposalRecord.IdOf(e)!.Value) ? null : $"no proposal {ProposalRecord.IdOf(e)}",
        _ => null,
    };

    /// <summary>Characters the text rules refuse in any text (PostgreSQL cannot even store a NUL in the events' JSON).</summary>
    private static string? Characters(string? text, string what) =>
        text is null ? null : TextRules.Normalize(text, int.MaxValue, what, allowBlankLines: true).Refusal?.Message;

    private static string? Live(DocumentState state, Guid paragraphId) =>
        state.Find(paragraphId) is { Deleted: false } ? null : $"no paragraph {paragraphId} in the document";

    private static string? After(DocumentState state, Guid? after, Guid paragraphId) =>
        after is not { } id ? null
        : id == paragraphId ? "a paragraph cannot follow itself"
        : Live(state, id);

    private static string? IsRow(DocumentState state, Guid paragraphId) =>
        state.Find(paragraphId)?.Kind == ParagraphKind.Row ? null : $"paragraph {paragraphId} is not a table row";

    /// <summary>A row's fields in stored form, and its text the one made from them.</summary>
    private static string? Row(RowFields? fields, string text)
    {
        if (fields is null)
            return "a row has fields";
        var stored = Rows.RowText.Normalize(fields, keep: null);
        return stored.Refusal is { } refusal ? (refusal.Code == ErrorCode.TooLarge ? TooLarge + refusal.Message : refusal.Message)
            : stored.Fields != fields ? "a row's fields are not in the form this server stores"
            : Rows.RowText.Of(fields) != text ? "a row's text is the one made from its fields"
            : null;
    }

    private static string? Sources(IReadOnlyList<Guid>? sources) =>
        Rows.RowText.CheckSources(sources) is { } refusal ? (refusal.Code == ErrorCode.TooLarge ? TooLarge + refusal.Message : refusal.Message) : null;

    private static string? Numbers(IReadOnlyDictionary<Guid, string?>? numbers) => numbers is null ? "numbers are missing" : null;

    /// <summary>Stored text is already in the server's normal form; a history is never rewritten on the way in.</summary>
    private static string? Text(string? text, int max, string what, bool allowBlankLines = false) =>
        Normal(TextRules.Normalize(text, max, what, allowBlankLines), text, what);

    private static string? OptionalText(string? text, string what, int max = TextRules.MaxCommentLength) =>
        text is null ? null : Text(text, max, what, allowBlankLines: true);

    private static string? Line(string? text, int max, string what) => Normal(TextRules.NormalizeLine(text, max, what), text, what);

    private static string? OptionalLine(string? text, string what) => text is null ? null : Line(text, TextRules.MaxTitleLength, what);

    private static string? Normal(TextCheck check, string? text, string what) =>
        check.Refusal is { } refusal ? (refusal.Code == ErrorCode.TooLarge ? TooLarge + refusal.Message : refusal.Message)
        : check.Text != text ? $"the {what} is not in the form this server stores (Unicode NFC, \\n line ends, trimmed)"
        : null;
}
