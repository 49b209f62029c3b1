import type { Draft, Paragraph } from "../src/fold";
import type {
  Actor, DocumentView, Envelope, Numbers, ParagraphKind, ParagraphTextResult, ParagraphView,
} from "../src/protocol";

export const documentId = "doc-1";

export const someone: Actor = { participantId: "p-2", name: "Ana", delegation: "Brazil", role: "member" };

export function paragraph(id: string, text: string, revision = 1, extra: Partial<ParagraphView> = {}): Paragraph {
  return {
    id, number: null, label: null, kind: "text", text, html: `<p>${text}</p>`, status: "draft", revision,
    openBrackets: 0, comments: [], ...extra,
  };
}

export function documentAt(version: number, paragraphs: ParagraphView[] = [], extra: Partial<DocumentView> = {}): Draft {
  return {
    id: documentId, title: "Rolling document", kind: "rolling-document", symbol: null, version,
    paragraphs, revisions: [], meeting: null, ...extra,
  };
}

export function envelope(version: number, type: string, data: object, clientOpId: string | null = null): Envelope {
  return { documentId, version, type, data, actor: someone, at: `2025-01-01T00:00:${pad(version)}Z`, clientOpId };
}

export const edited = (version: number, paragraphId: string, text: string, revision = version): Envelope =>
  envelope(version, "paragraph-edited", { paragraphId, text, html: `<p>${text}</p>`, merged: false, revision });

export const inserted = (
  version: number, paragraphId: string, afterParagraphId: string | null, text: string,
  numbers: Numbers = {}, kind: ParagraphKind = "text",
): Envelope =>
  envelope(version, "paragraph-inserted", { paragraphId, afterParagraphId, kind, text, html: `<p>${text}</p>`, numbers });

export const deleted = (version: number, paragraphId: string, numbers: Numbers = {}): Envelope =>
  envelope(version, "paragraph-deleted", { paragraphId, numbers });

export const moved = (version: number, paragraphId: string, afterParagraphId: string | null, numbers: Numbers = {}): Envelope =>
  envelope(version, "paragraph-moved", { paragraphId, afterParagraphId, numbers });

/** A harmless envelope that only moves the version on (its paragraph exists in `standardDocument`). */
export const commented = (version: number, paragraphId = "a", commentId = `c${version}`): Envelope =>
  envelope(version, "comment-added", { paragraphId, commentId, text: `comment ${version}` });

export const textResult = (outcome: string, version: number, text: string, revision = version): ParagraphTextResult =>
  ({ outcome, version, revision, text });

/** Two paragraphs, "a" and "b", at version 5. */
export const standardDocument = (version = 5): Draft =>
  documentAt(version, [paragraph("a", "Alpha text", 2), paragraph("b", "Beta text", 3)]);

const pad = (n: number) => String(n % 60).padStart(2, "0");
