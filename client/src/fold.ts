import type {
  CitationView, CommentAddedData, CommentResolvedData, DocumentView, Envelope, EvidenceLinkedData, EvidenceUnlinkedData,
  MeetingData, Numbers, ParagraphDeletedData, ParagraphEditedData, ParagraphInsertedData, ParagraphMovedData,
  ParagraphStatusChangedData, ParagraphView, RevisionTaggedData, RowEditedData, RowsMergedData,
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
        evidence: [],
        ...(data.fields ? { fields: data.fields, sources: data.sources ?? [], mergedFrom: [], citedBy: [] } : {}),
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
    case "row-edited": {
      const data = envelope.data as RowEditedData;
      return update(next, data.paragraphId, (p) => ({
        ...p, fields: data.fields, text: data.text, html: data.html, revision: data.revision, openBrackets: countTopLevelBrackets(data.html),
      }));
    }
    case "rows-merged": {
      const data = envelope.data as RowsMergedData;
      const gone = new Set(data.merged);
      const taken = doc.paragraphs.filter((p) => gone.has(p.id));
      if (taken.length !== gone.size) return null;
      // The kept row is cited by whatever cited the rows it took in (the server's citedBy says the same).
      const citedBy = (p: Paragraph) => unique([p, ...taken].flatMap((q) => q.citedBy ?? []));
      const updated = update(next, data.paragraphId, (p) => ({
        ...p, fields: data.fields, text: data.text, html: data.html, revision: data.revision, openBrackets: countTopLevelBrackets(data.html),
        sources: data.sources, mergedFrom: data.mergedFrom, citedBy: citedBy(p),
      }));
      return updated && {
        ...updated,
        paragraphs: renumber(updated.paragraphs.map((p) => (gone.has(p.id) ? { ...p, deleted: true, number: null } : p)), data.numbers),
      };
    }
    case "evidence-linked": {
      const data = envelope.data as EvidenceLinkedData;
      const cited = { kind: data.kind, id: data.id, sourceId: data.sourceId, label: data.label };
      const linked = update(next, data.paragraphId, (p) => ({
        ...p, evidence: [...(p.evidence ?? []).filter((e) => !(e.kind === data.kind && e.id === data.id)), cited],
      }));
      if (!linked || data.kind !== "row" || data.sourceId !== doc.id) return linked;
      // A row of this same document: it now shows the citing paragraph too.
      const citing = linked.paragraphs.find((p) => p.id === data.paragraphId)!;
      const citation: CitationView = { documentId: doc.id, documentTitle: doc.title, paragraphId: citing.id, number: citing.number, label: citing.label };
      return update(linked, data.id, (row) => ({ ...row, citedBy: unique([...(row.citedBy ?? []), citation]) })) ?? linked;
    }
    case "evidence-unlinked": {
      const data = envelope.data as EvidenceUnlinkedData;
      const unlinked = update(next, data.paragraphId, (p) => ({
        ...p, evidence: (p.evidence ?? []).filter((e) => !(e.kind === data.kind && e.id === data.id)),
      }));
      if (!unlinked || data.kind !== "row" || data.sourceId !== doc.id) return unlinked;
      return update(unlinked, data.id, (row) => ({
        ...row, citedBy: (row.citedBy ?? []).filter((c) => !(c.documentId === doc.id && c.paragraphId === data.paragraphId)),
      })) ?? unlinked;
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

/**
 * The document with its rows' citations from other documents taken from `view`, a later read of it:
 * the server computes those on read, and no envelope of this document carries them. Citations from
 * this document itself stay as its envelopes folded them (the read may be older than the envelopes).
 * Returns `doc` itself when nothing changed.
 */
export function withCitations(doc: Draft, view: DocumentView): Draft {
  const read = new Map(view.paragraphs.map((p) => [p.id, p]));
  let changed = false;
  const paragraphs = doc.paragraphs.map((p) => {
    const fresh = read.get(p.id);
    if (p.deleted || fresh?.kind !== "row") return p;
    const citedBy = [
      ...(fresh.citedBy ?? []).filter((c) => c.documentId !== doc.id),
      ...(p.citedBy ?? []).filter((c) => c.documentId === doc.id),
    ].sort((a, b) => a.documentTitle.localeCompare(b.documentTitle)); // the server's order: by document title, then place
    if (JSON.stringify(citedBy) === JSON.stringify(p.citedBy ?? [])) return p;
    changed = true;
    return { ...p, citedBy };
  });
  return changed ? { ...doc, paragraphs } : doc;
}

function unique(citations: CitationView[]): CitationView[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.documentId}/${c.paragraphId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function renumber(paragraphs: Paragraph[], numbers: Numbers): Paragraph[] {
  if (!numbers || Object.keys(numbers).length === 0) return paragraphs;
  return paragraphs.map((p) => (p.id in numbers ? { ...p, number: numbers[p.id] ?? null } : p));
}
