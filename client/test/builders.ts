import type { Draft, Paragraph } from "../src/fold";
import type {
  Actor, DocumentView, Envelope, Numbers, ParagraphKind, ParagraphTextResult, ParagraphView, RowFields,
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

/** A mapping-table row: kind row, its text its fields joined by " | " as the server makes it. */
export function row(id: string, number: string, fields: Partial<RowFields>, revision = 1, extra: Partial<ParagraphView> = {}): Paragraph {
  const all: RowFields = { issue: "", category: "", grouping: "", activities: "", status: "", ...fields };
  const text = Object.values(all).join(" | ");
  return paragraph(id, text, revision, { kind: "row", number, fields: all, sources: [], mergedFrom: [], evidence: [], citedBy: [], ...extra });
}

export const rowEdited = (version: number, paragraphId: string, fields: RowFields, merged = false): Envelope => {
  const text = Object.values(fields).join(" | ");
  return envelope(version, "row-edited", { paragraphId, fields, text, html: `<p>${text}</p>`, merged, revision: version });
};

/** An annex "x" at version 10 with rows r1 (Spam), r2 (Phishing), r3 (Botnets), numbered 1–3. */
export const annex = (version = 10): Draft => documentAt(version, [
  row("r1", "1", { issue: "Spam", category: "Security", status: "open" }, 2),
  row("r2", "2", { issue: "Phishing", category: "Security", status: "closed" }, 3),
  row("r3", "3", { issue: "Botnets", category: "Infrastructure", grouping: "Élan", status: "open" }, 4),
], { id: documentId, title: "Mapping of issues", kind: "annex" });
