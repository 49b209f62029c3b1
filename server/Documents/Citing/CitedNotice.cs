using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Citing;

/// <summary>
/// Whom a committed event of a citing document concerns beyond that document: the annex of a row
/// it began or stopped citing, whose rows' <c>citedBy</c> are computed on read and so changed unseen.
/// </summary>
public static class CitedNotice
{
    public static CitedView? For(object eventData) => eventData switch
    {
        EvidenceLinked { Kind: EvidenceKind.Row } linked => new CitedView(linked.SourceId, linked.Id),
        EvidenceUnlinked { Kind: EvidenceKind.Row } unlinked => new CitedView(unlinked.SourceId, unlinked.Id),
        _ => null,
    };
}
