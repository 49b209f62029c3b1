using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// What a request field holds, which decides the values outside its domain. A kind never lists a value
/// that some reading of PROTOCOL.md accepts: null only for required fields, an unknown id only where the
/// id must name something that exists, a long text only past the field's limit. So every variant is
/// malformed by construction and a success is a bug.
/// </summary>
internal enum FieldKind
{
    /// <summary>A required id naming an existing document, paragraph, proposal or comment.</summary>
    DocumentRef,

    /// <summary>A document this connection joined (<c>SetFocus</c>): any other id is refused as not joined, <c>invalid</c>.</summary>
    JoinedDocumentRef,
    ParagraphRef,
    ProposalRef,
    CommentRef,

    /// <summary>An optional paragraph id (null = none); given, it must exist (a deleted one may be fine, so that is not tried).</summary>
    OptionalParagraphRef,
    OptionalCommentRef,

    /// <summary>An optional id for a new paragraph: given, it must be new and not empty.</summary>
    NewParagraphId,

    /// <summary>Required paragraph text: no blank line, no control character, at most <c>Limit</c> characters.</summary>
    ParagraphText,

    /// <summary>Required comment text: blank lines allowed, not empty.</summary>
    CommentText,

    /// <summary>A required one-line, non-empty value (title, name, label).</summary>
    Line,

    /// <summary>An optional note: null or empty is fine, the text rules hold when given.</summary>
    Note,

    /// <summary>An optional one-line value (a document symbol): null or empty is fine.</summary>
    OptionalLine,

    /// <summary>An optional Markdown text split into paragraphs at blank lines, each a paragraph text.</summary>
    Markdown,

    /// <summary>An invite code to sign in with: any string but a valid code is unauthorized.</summary>
    InviteCode,

    /// <summary>The optional <c>clientOpId</c>: at most 200 characters.</summary>
    OpId,

    /// <summary>A required enum: unknown names (and <c>unknown</c> itself) are invalid.</summary>
    Enum,

    /// <summary>An optional enum: null is fine; a name given must be known.</summary>
    OptionalEnum,

    /// <summary>A <c>baseRevision</c>: a version of the document, 1 to now.</summary>
    Revision,

    /// <summary>A required index into the paragraph's brackets.</summary>
    Index,

    /// <summary>An index the rest of the request makes required (<c>alternative</c> with <c>keep: alternative</c>).</summary>
    ChosenIndex,

    /// <summary>A number every value of which is accepted (<c>sinceVersion</c>): only wrong JSON types are malformed.</summary>
    AnyVersion,

    /// <summary>An optional boolean.</summary>
    Flag,

    /// <summary>A mapping row's fields (an object of five optional one-line texts; the issue, given, not empty): required.</summary>
    RowFields,

    /// <summary>Row fields that may be left out (<c>MergeRows</c>).</summary>
    OptionalRowFields,

    /// <summary>Two or more distinct ids of live rows (<c>MergeRows</c>).</summary>
    RowIds,

    /// <summary>The id of a row or contribution to cite: one that exists (to unlink: one cited).</summary>
    EvidenceRef,

    /// <summary>A required id of a question or respondent of the questionnaire named in the path.</summary>
    ItemRef,

    /// <summary>A question number: a JSON number, 1 to 999.</summary>
    QuestionNumber,

    /// <summary>An optional day, <c>yyyy-mm-dd</c>.</summary>
    OptionalDate,

    /// <summary>An optional ISO-8601 time.</summary>
    OptionalTime,
}

/// <summary>One field of a base request: its JSON name, kind, valid JSON value and text limit.</summary>
internal sealed record FuzzField(string Name, FieldKind Kind, string Json, int Limit = 0);

/// <summary>A malformed value for a field, as raw JSON bytes, and the §4 codes an answer to it may carry.</summary>
internal sealed record FuzzValue(string Label, byte[] Json, ErrorCode[] Expected)
{
    public FuzzValue(string label, string json, params ErrorCode[] expected)
        : this(label, Encoding.UTF8.GetBytes(json), expected)
    {
    }
}
