import type { Connection } from "../../connection";
import type { PresenceView } from "../../protocol";
import type { DocumentSession } from "../../session";
import type { Shell } from "../shell";

/** What the parts of the document page share: the session, the link, who is looking and what they may do. */
export interface DocumentContext {
  shell: Shell;
  session: DocumentSession;
  connection: Connection;
  documentId: string;
  /** Members, chair and secretariat: observers get no edit controls at all. */
  canEdit: boolean;
  /** Chair and secretariat: statuses, meetings, revisions, follow-me, proposals, brackets. */
  canSteer: boolean;
  presence: PresenceView | null;
  /** Polite screen-reader announcement (coalesced, never per keystroke). */
  announce(text: string): void;
  /** A short visible notice (refusals, outcomes). */
  notice(text: string): void;
}
