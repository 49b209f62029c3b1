using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// What every exporter gets: the document at the selected point (version, revision or time), when
/// that was, the revision label it carries if it is one, and whether to show each paragraph's status.
/// Exporters are pure: no I/O, the same input gives the same bytes.
/// </summary>
public sealed record ExportInput(DocumentView Document, DateTimeOffset At, string? RevisionLabel, bool Statuses)
{
    /// <summary>The paragraphs a reader sees (deleted ones are only in the history).</summary>
    public IReadOnlyList<ParagraphView> Paragraphs => Document.Paragraphs;
}

/// <summary>
/// A tracked-changes export (<c>compareTo=X</c>): the document at X, the document at the selected point,
/// and every event between them (X+1 … selected), each with its actor and time, so that a change can be
/// attributed to the delegation that made it.
/// </summary>
public sealed record TrackedInput(ExportInput To, DocumentView From, string FromLabel, IReadOnlyList<Recorded> Events);

/// <summary>An exported file: its bytes, media type and file name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);
