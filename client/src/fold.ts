import type {
  CommentAddedData, CommentResolvedData, DocumentView, Envelope, MeetingData, Numbers, ParagraphDeletedData,
  ParagraphEditedData, ParagraphInsertedData, ParagraphMovedData, ParagraphStatusChangedData, ParagraphView,
  RevisionTaggedData,
} from "./protocol";

/** A paragraph as the client holds it: deleted ones stay in place as tombstones, so "insert after" a deleted one still lands right. */
export interface Paragraph extends ParagraphView { deleted?: boolean }
export interface Draft extends DocumentView { paragraphs: Paragraph[] }

/**
 * The document after one more envelope, as the server would show it; or `null` when this client
 * cannot fold it (an unknown type, a paragraph it never saw, a proposal's effects) and must re-read
 * the document (PROTOCOL.md §3). Pure: the input is never changed.
 */
export function fold(doc: Draft, envelope: Envelope): Draft | null {
  const next = { ...doc, version: envelope.version };
  switch (envelope.type) {
    case "document-created":
      return next;
    case "paragraph-inserted": {
      const data = envelope.data as ParagraphInsertedData;
      if (doc.paragraphs.some((p) => p.id === data.paragraphId)) return null;
      const paragraph: Paragraph = {
        id: data.paragraphId, number: null, label: null, kind: data.kind, text: data.text, html: data.html,
        status: "draft", revision: envelope.version, openBrackets: countTopLevelBrackets(data.html), comments: [], proposals: [],
      };
      const paragraphs = insertAfter(doc.paragraphs, paragraph, data.afterParagraphId);
      return paragraphs && { ...next, paragraphs: renumber(paragraphs, data.numbers) };
    }
    case "paragraph-edited": {
      const data = envelope.data as ParagraphEditedData;
      return update(next, data.paragraphId, (p) => ({
        ...p, text: data.text, html: data.html, revision: data.revision,
        openBrackets: countTopLevelBrackets(data.html), brackets: undefined,
      }));
    }
    case "paragraph-moved": {
      const data = envelope.data as ParagraphMovedData;
      const moving = doc.paragraphs.find((p) => p.id === data.paragraphId);
      if (!moving) return null;
      const paragraphs = insertAfter(doc.paragraphs.filter((p) => p !== moving), moving, data.afterParagraphId);
      return paragraphs && { ...next, paragraphs: renumber(paragraphs, data.numbers) };
    }
    case "paragraph-deleted": {
      const data = envelope.data as ParagraphDeletedData;
      const updated = update(next, data.paragraphId, (p) => ({ ...p, deleted: true, number: null }));
      return updated && { ...updated, paragraphs: renumber(updated.paragraphs, data.numbers) };
    }
    case "paragraph-status-changed": {
      const data = envelope.data as ParagraphStatusChangedData;
      return update(next, data.paragraphId, (p) => ({ ...p, status: data.status }));
    }
    case "comment-added": {
      const data = envelope.data as CommentAddedData;
      const comment = { id: data.commentId, text: data.text, by: envelope.actor, at: envelope.at, replyTo: data.replyTo ?? null, resolved: false };
      return update(next, data.paragraphId, (p) => ({ ...p, comments: [...p.comments, comment] }));
    }
    case "comment-resolved": {
      const data = envelope.data as CommentResolvedData;
      return update(next, data.paragraphId, (p) => ({
        ...p, comments: p.comments.map((c) => (c.id === data.commentId ? { ...c, resolved: true } : c)),
      }));
    }
    case "revision-tagged": {
      const data = envelope.data as RevisionTaggedData;
      const revision = { label: data.label, version: envelope.version, at: envelope.at, note: data.note };
      return { ...next, revisions: [...doc.revisions, revision], paragraphs: renumber(doc.paragraphs, data.numbers) };
    }
    case "meeting-opened":
      return { ...next, meeting: { name: (envelope.data as MeetingData).name, openedAt: envelope.at } };
    case "meeting-closed":
      return { ...next, meeting: null };
    case "document-adopted":
      return { ...next, adoptedAt: envelope.at };
    default:
      // Proposals (their effects on the text come as further events, but their votes do not), and any
      // type this client does not know: re-read the document.
      return null;
  }
}

/** The paragraphs a person sees, in order. */
export const visible = (doc: Draft): Paragraph[] => doc.paragraphs.filter((p) => !p.deleted);

/** Top-level `<span class="bracket…">` elements of the server's rendering: its `openBrackets` (PROTOCOL.md §6). */
export function countTopLevelBrackets(html: string): number {
  const stack: boolean[] = [];
  let count = 0;
  for (const match of html.matchAll(/<span\b([^>]*)>|<\/span>/g)) {
    if (match[0] === "</span>") {
      stack.pop();
      continue;
    }
    const bracket = /class="[^"]*\bbracket\b/.test(match[1] ?? "");
    if (bracket && !stack.includes(true)) count++;
    stack.push(bracket);
  }
  return count;
}

function update(doc: Draft, id: string, change: (p: Paragraph) => Paragraph): Draft | null {
  const index = doc.paragraphs.findIndex((p) => p.id === id);
  const paragraph = doc.paragraphs[index];
  if (!paragraph) return null;
  const paragraphs = [...doc.paragraphs];
  paragraphs[index] = change(paragraph);
  return { ...doc, paragraphs };
}

function insertAfter(paragraphs: Paragraph[], paragraph: Paragraph, after: string | null): Paragraph[] | null {
  if (after === null) return [paragraph, ...paragraphs];
  const index = paragraphs.findIndex((p) => p.id === after);
  if (index < 0) return null;
  return [...paragraphs.slice(0, index + 1), paragraph, ...paragraphs.slice(index + 1)];
}

function renumber(paragraphs: Paragraph[], numbers: Numbers): Paragraph[] {
  if (!numbers || Object.keys(numbers).length === 0) return paragraphs;
  return paragraphs.map((p) => (p.id in numbers ? { ...p, number: numbers[p.id] ?? null } : p));
}
