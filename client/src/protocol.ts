// The TypeScript mirror of the public contract (../shared/PROTOCOL.md and server/Contracts).
// Every enum is open: a value this client does not know is kept as a string and shown as "other".

export type Role = "secretariat" | "chair" | "member" | "observer" | (string & {});
export type DocumentKind = "rolling-document" | "recommendations" | "report" | "annex" | (string & {});
export type ParagraphKind = "heading" | "preambular" | "operative" | "text" | (string & {});
export type ParagraphStatus = "draft" | "agreed-ad-ref" | "agreed" | (string & {});
export type Outcome = "applied" | "merged" | "conflict" | (string & {});
export type ProposalAction = "replace" | "insert-after" | "delete" | (string & {});
export type ProposalState = "open" | "withdrawn" | "accepted" | "rejected" | (string & {});
export type ProposalDecision = "accept" | "reject";
export type ProposalForm = "bracketed" | "clean";
export type BracketKeep = "alternative" | "content" | "nothing";
export type ErrorCode =
  | "unauthorized" | "forbidden" | "not-found" | "invalid" | "locked" | "too-large" | "rate-limited" | "unavailable";

export interface ParticipantView { id: string; name: string; delegation: string; role: Role }
export interface Actor { participantId: string; name: string; delegation: string; role: Role }
export interface AuthorView { participantId: string; name: string; delegation: string }

export interface TokenResponse { token: string; expiresAt: string; participant: ParticipantView }
export interface RefreshResponse { token: string; expiresAt: string }
export interface CreatedParticipant { participant: ParticipantView; inviteCode: string }

export interface DocumentSummary {
  id: string; title: string; kind: DocumentKind; symbol: string | null;
  version: number; paragraphs: number; agreed: number; openBrackets: number;
}

export interface CommentView {
  id: string; text: string; by: AuthorView; at: string; replyTo?: string | null; resolved?: boolean;
}
export interface BracketView { start: number; end: number; depth: number; alternatives: string[] }
export interface ProposalView {
  id: string; action: ProposalAction; text: string | null; note: string | null; by: AuthorView;
  supporters: string[]; opponents: string[]; state: ProposalState;
}
export interface ParagraphView {
  id: string; number: string | null; label: string | null; kind: ParagraphKind; text: string; html: string;
  status: ParagraphStatus; revision: number; openBrackets: number; comments: CommentView[];
  brackets?: BracketView[]; proposals?: ProposalView[];
}
export interface RevisionView { label: string; version: number; at: string; note: string | null }
export interface MeetingView { name: string; openedAt: string }
export interface DocumentView {
  id: string; title: string; kind: DocumentKind; symbol: string | null; version: number;
  paragraphs: ParagraphView[]; revisions: RevisionView[]; meeting: MeetingView | null;
  proposals?: ProposalView[]; adoptedAt?: string | null;
}

export interface ParagraphDiff {
  paragraphId: string; change: string; changes: string[]; fromNumber: string | null; toNumber: string | null;
  fromStatus: ParagraphStatus | null; toStatus: ParagraphStatus | null; html: string;
}
export interface DiffView {
  from: { version: number; label?: string | null }; to: { version: number; label?: string | null };
  paragraphs: ParagraphDiff[];
  summary: Record<string, number>;
}
export interface ProgressPoint {
  kind: "revision" | "meeting" | "now" | (string & {}); label: string | null; version: number; at: string;
  paragraphs: number; agreed: number; agreedAdRef: number; openBrackets: number; openProposals?: number;
}
export interface TimelineEntry {
  version: number; at: string; type: string; actor: Actor; meeting: string | null; paragraphId: string | null;
}

export interface Envelope<T = unknown> {
  documentId: string; version: number; type: string; data: T; actor: Actor; at: string;
  clientOpId: string | null; meeting?: string | null;
}
export type Numbers = Record<string, string | null>;
export interface ParagraphInsertedData {
  paragraphId: string; afterParagraphId: string | null; kind: ParagraphKind; text: string; html: string; numbers: Numbers;
}
export interface ParagraphEditedData { paragraphId: string; text: string; html: string; merged: boolean; revision: number }
export interface ParagraphMovedData { paragraphId: string; afterParagraphId: string | null; numbers: Numbers }
export interface ParagraphDeletedData { paragraphId: string; numbers: Numbers }
export interface ParagraphStatusChangedData { paragraphId: string; status: ParagraphStatus; note: string | null }
export interface CommentAddedData { paragraphId: string; commentId: string; text: string; replyTo?: string | null }
export interface CommentResolvedData { paragraphId: string; commentId: string }
export interface RevisionTaggedData { label: string; note: string | null; numbers: Numbers; renumbered?: boolean }
export interface MeetingData { name: string }

// Hub requests and results (§3).
export interface JoinDocumentResult { version: number; document: DocumentView | null; events: Envelope[] | null }
export interface WriteResult { outcome: Outcome; version: number }
export interface InsertParagraphResult extends WriteResult { paragraphId: string }
export interface ParagraphTextResult extends WriteResult { revision: number; text: string }
export interface AddCommentResult extends WriteResult { commentId: string }
export interface TableProposalResult extends WriteResult { proposalId: string }

export interface PresenceEntry {
  participantId: string; name: string; delegation: string; role: Role; paragraphId: string | null;
}
export interface PresenceView { documentId: string; participants: PresenceEntry[]; observers: number }
export interface FollowView { documentId: string; paragraphId: string; by: AuthorView }

/** Hub method names: binding (PROTOCOL.md §3). */
export const Hub = {
  path: "/hubs/drafting",
  joinDocument: "JoinDocument",
  leaveDocument: "LeaveDocument",
  insertParagraph: "InsertParagraph",
  editParagraph: "EditParagraph",
  moveParagraph: "MoveParagraph",
  deleteParagraph: "DeleteParagraph",
  setParagraphStatus: "SetParagraphStatus",
  addComment: "AddComment",
  tagRevision: "TagRevision",
  setFocus: "SetFocus",
  openMeeting: "OpenMeeting",
  closeMeeting: "CloseMeeting",
  tableProposal: "TableProposal",
  supportProposal: "SupportProposal",
  opposeProposal: "OpposeProposal",
  withdrawProposal: "WithdrawProposal",
  decideProposal: "DecideProposal",
  resolveBracket: "ResolveBracket",
  resolveComment: "ResolveComment",
  followMe: "FollowMe",
} as const;

/** What a role may do (PROTOCOL.md §1); the server decides, the client only hides what would be refused. */
export const may = {
  edit: (role: Role) => role === "member" || role === "chair" || role === "secretariat",
  steer: (role: Role) => role === "chair" || role === "secretariat",
  manageParticipants: (role: Role) => role === "secretariat",
  createDocuments: (role: Role) => role === "chair" || role === "secretariat",
};

export const isLocked = (status: ParagraphStatus) => status === "agreed" || status === "agreed-ad-ref";
