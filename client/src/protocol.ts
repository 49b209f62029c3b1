// The TypeScript mirror of the public contract (../shared/PROTOCOL.md and server/Contracts).
// Every enum is open: a value this client does not know is kept as a string and shown as "other".

export type Role = "secretariat" | "chair" | "member" | "observer" | (string & {});
export type DocumentKind = "rolling-document" | "recommendations" | "report" | "annex" | (string & {});
export type ParagraphKind = "heading" | "preambular" | "operative" | "text" | "row" | (string & {});
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
  /** A mapping-table row's columns (kind `row`); null for other paragraphs. */
  fields?: RowFields | null;
  /** A row's contributions (the ones it was mapped from, its merged rows' included). */
  sources?: string[] | null;
  /** The rows merged into this one. */
  mergedFrom?: string[] | null;
  /** What this paragraph cites, in the order it was linked. */
  evidence?: EvidenceView[];
  /** A row's citing paragraphs. */
  citedBy?: CitationView[] | null;
}

/** The columns of a mapping-table row, in column order (`RowFields` of server/Contracts/Documents.cs). */
export interface RowFields { issue: string; category: string; grouping: string; activities: string; status: string }
export type RowField = keyof RowFields;
export const rowFields: readonly RowField[] = ["issue", "category", "grouping", "activities", "status"];
export type EvidenceKind = "row" | "contribution" | (string & {});
/** `sourceId`: the annex document of a row, the questionnaire of a contribution. */
export interface EvidenceView { kind: EvidenceKind; id: string; sourceId: string; label: string }
export interface CitationView { documentId: string; documentTitle: string; paragraphId: string; number: string | null; label: string | null }
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
  fields?: RowFields | null; sources?: string[] | null;
}
export interface RowEditedData { paragraphId: string; fields: RowFields; text: string; html: string; merged: boolean; revision: number }
export interface RowsMergedData {
  paragraphId: string; merged: string[]; fields: RowFields; text: string; html: string; sources: string[]; mergedFrom: string[];
  numbers: Numbers; revision: number;
}
export interface EvidenceLinkedData { paragraphId: string; kind: EvidenceKind; id: string; sourceId: string; label: string }
export interface EvidenceUnlinkedData { paragraphId: string; kind: EvidenceKind; id: string; sourceId: string }
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
/** `fields` are the row as it now stands: after a merge the merged ones, after a conflict the current ones. */
export interface RowResult extends WriteResult { revision: number; fields: RowFields }
export interface MergeRowsResult extends WriteResult { paragraphId: string }

// Questionnaires and their contributions (REST under /api/questionnaires).
export type StakeholderType =
  | "government" | "private-sector" | "civil-society" | "technical-and-academic-community" | "intergovernmental-organisation" | (string & {});
export interface QuestionnaireSummary {
  id: string; title: string; deadline: string | null; version: number; questions: number; respondents: number; contributions: number; late: number;
}
export interface QuestionView { id: string; number: number; group: string; text: string; contributions: number }
export interface RespondentView { id: string; name: string; stakeholderType: StakeholderType; country: string | null; contributions: number }
export interface QuestionnaireView {
  id: string; title: string; deadline: string | null; version: number; questions: QuestionView[]; respondents: RespondentView[];
  distribution: { stakeholderType: StakeholderType; respondents: number }[]; contributions: number; late: number;
}
/** `POST /api/questionnaires/{id}/import`: what the file changed. */
export interface ImportContributionsResult {
  questionsAdded: number; respondentsAdded: number; contributionsAdded: number; contributionsRevised: number; unchanged: number; late: number;
}
/** `POST /api/documents/{id}/rows`: the document's version after the last row, and how many rows were appended. */
export interface ImportRowsResult { version: number; rows: number }
export interface RespondentRef { id: string; name: string; stakeholderType: StakeholderType; country: string | null }
export interface QuestionContributions {
  question: QuestionView;
  contributions: { id: string; respondent: RespondentRef; text: string; html: string; receivedAt: string; late: boolean }[];
}
export interface RespondentContributions {
  respondent: RespondentView;
  contributions: { id: string; question: { id: string; number: number; group: string }; text: string; html: string; receivedAt: string; late: boolean }[];
}

export interface PresenceEntry {
  participantId: string; name: string; delegation: string; role: Role; paragraphId: string | null;
}
export interface PresenceView { documentId: string; participants: PresenceEntry[]; observers: number }
export interface FollowView { documentId: string; paragraphId: string; by: AuthorView }
/** Server → client `Cited`: the citations of this row of this annex changed (the row may since be merged into another). */
export interface CitedView { documentId: string; paragraphId: string }

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
  editRow: "EditRow",
  mergeRows: "MergeRows",
  linkEvidence: "LinkEvidence",
  unlinkEvidence: "UnlinkEvidence",
} as const;

/** What a role may do (PROTOCOL.md §1); the server decides, the client only hides what would be refused. */
export const may = {
  edit: (role: Role) => role === "member" || role === "chair" || role === "secretariat",
  steer: (role: Role) => role === "chair" || role === "secretariat",
  manageParticipants: (role: Role) => role === "secretariat",
  createDocuments: (role: Role) => role === "chair" || role === "secretariat",
};

export const isLocked = (status: ParagraphStatus) => status === "agreed" || status === "agreed-ad-ref";
