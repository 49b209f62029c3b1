namespace WGEC.Drafting.Contracts;

// Every enum of the protocol is open (PROTOCOL.md): Unknown = 0 is what a value this side does not
// know reads as, so a newer peer never breaks an older one. A request that carries Unknown is `invalid`.

public enum DocumentKind { Unknown, RollingDocument, Recommendations, Report, Annex }

public enum ParagraphKind { Unknown, Heading, Preambular, Operative, Text }

public enum ParagraphStatus { Unknown, Draft, AgreedAdRef, Agreed }

public enum Role { Unknown, Secretariat, Chair, Member, Observer }

public enum Outcome { Unknown, Applied, Merged, Conflict }

/// <summary>The error codes of PROTOCOL.md §4; the kebab-case name is the wire form.</summary>
public enum ErrorCode { Unknown, Unauthorized, Forbidden, NotFound, Invalid, Locked, TooLarge, RateLimited, Unavailable }
