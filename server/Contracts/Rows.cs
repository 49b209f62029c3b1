namespace WGEC.Drafting.Contracts;

/// <summary>
/// One row of a mapping table (<c>GET /documents/{id}/rows</c>): its id, display number, fields, the contributions it
/// was mapped from, the rows merged into it, its status and revision as a paragraph, and the paragraphs that cite it
/// (now only; null at an earlier point).
/// </summary>
public sealed record RowView(
    Guid Id,
    string? Number,
    RowFields Fields,
    IReadOnlyList<Guid> Sources,
    IReadOnlyList<Guid> MergedFrom,
    ParagraphStatus Status,
    long Revision,
    IReadOnlyList<CitationView>? CitedBy);

/// <summary>
/// The answer to a CSV import (<c>POST /documents/{id}/rows</c>): the version of its last row and how many rows the file
/// holds, all appended. A retry with the same <c>clientOpId</c> appends nothing and gets the first call's version (and the
/// count of the file it sends: the same file, on a true retry).
/// </summary>
public sealed record ImportRowsResult(long Version, int Rows);
