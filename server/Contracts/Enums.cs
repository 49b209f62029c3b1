namespace WGEC.Drafting.Contracts;

// Every enum of the protocol is open (PROTOCOL.md): Unknown = 0 is what a value this side does not
// know reads as, so a newer peer never breaks an older one. A request that carries Unknown is `invalid`.

public enum DocumentKind { Unknown, RollingDocument, Recommendations, Report, Annex }

/// <summary><c>row</c>: a row of a table annex (the issue mapping), whose text is made from its <c>fields</c>.</summary>
public enum ParagraphKind { Unknown, Heading, Preambular, Operative, Text, Row }

public enum ParagraphStatus { Unknown, Draft, AgreedAdRef, Agreed }

public enum Role { Unknown, Secretariat, Chair, Member, Observer }

public enum Outcome { Unknown, Applied, Merged, Conflict }

public enum ProposalAction { Unknown, Replace, InsertAfter, Delete }

public enum ProposalDecision { Unknown, Accept, Reject }

/// <summary>How an accepted proposal enters the text: as a bracketed alternative, or as it is.</summary>
public enum ProposalForm { Unknown, Bracketed, Clean }

public enum ProposalState { Unknown, Open, Withdrawn, Accepted, Rejected }

/// <summary>What resolving a bracket keeps: one alternative, the bracket's content, or nothing.</summary>
public enum BracketKeep { Unknown, Alternative, Content, Nothing }

/// <summary>What a paragraph cites: a row of a mapping annex, or a questionnaire contribution.</summary>
public enum EvidenceKind { Unknown, Row, Contribution }

/// <summary>The error codes of PROTOCOL.md §4; the kebab-case name is the wire form.</summary>
public enum ErrorCode { Unknown, Unauthorized, Forbidden, NotFound, Invalid, Locked, TooLarge, RateLimited, Unavailable }
