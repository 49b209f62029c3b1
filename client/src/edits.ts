import type { ParagraphTextResult } from "./protocol";
import { rebaseTyping } from "./text";

/**
 * What one person is doing to one paragraph's text, apart from what the server has. The text a
 * person typed is only ever replaced by a text that contains it (the server's normalised or merged
 * version of it); everything else keeps it (PROTOCOL.md §3: never discard the text of a refused edit).
 */
export interface LocalEdit {
  readonly paragraphId: string;
  /** What the person has typed: what the editor shows. */
  readonly text: string;
  /** The revision `text` was written against (the base of the server's three-way merge). */
  readonly base: number;
  /** The edit the server has not answered yet (at most one per paragraph); resent with the same clientOpId. */
  readonly inFlight: { readonly text: string; readonly base: number; readonly clientOpId: string } | null;
  /** The server's text overlapped ours: both are shown until the person chooses. */
  readonly conflict: { readonly mine: string; readonly theirs: string; readonly revision: number } | null;
  /** A refusal that will not go away by retrying (locked, not-found, invalid …): shown, text kept. */
  readonly error: string | null;
}

export const startEdit = (paragraphId: string, text: string, revision: number): LocalEdit =>
  ({ paragraphId, text, base: revision, inFlight: null, conflict: null, error: null });

/** The server's answer to our in-flight edit. */
export function answered(edit: LocalEdit, answer: ParagraphTextResult): LocalEdit {
  const sent = edit.inFlight;
  if (!sent) return edit;
  const typedSince = edit.text !== sent.text;
  switch (answer.outcome) {
    case "applied":
      // The server's text is ours, normalised; typing since then was written on top of it.
      return { ...edit, inFlight: null, base: answer.revision, text: typedSince ? edit.text : answer.text, error: null };
    case "merged": {
      // The merged text contains ours. Typing since then is carried onto it when the other change lay
      // elsewhere; otherwise it keeps its old base, so the server merges it again when it is sent.
      const text = typedSince ? rebaseTyping(sent.text, edit.text, answer.text) : answer.text;
      return text === null
        ? { ...edit, inFlight: null, error: null }
        : { ...edit, inFlight: null, base: answer.revision, text, error: null };
    }
    case "conflict":
      return { ...edit, inFlight: null, conflict: { mine: edit.text, theirs: answer.text, revision: answer.revision } };
    default:
      return { ...edit, inFlight: null, error: `The server answered "${answer.outcome}"; your text is kept.` };
  }
}

/**
 * Someone else's edit of a paragraph we have open. If we have not changed anything yet, we simply
 * move to their text; otherwise our text stays and the server merges when it is sent.
 */
export function remoteEdit(edit: LocalEdit, before: { text: string; revision: number }, after: { text: string; revision: number }): LocalEdit {
  const untouched = !edit.inFlight && !edit.conflict && edit.base === before.revision && edit.text === before.text;
  return untouched ? { ...edit, text: after.text, base: after.revision } : edit;
}

/** Whether the edit holds text the server does not have yet. */
export function unsent(edit: LocalEdit, server: { text: string; revision: number } | undefined): boolean {
  if (edit.inFlight || edit.conflict) return true;
  return !server || edit.base !== server.revision || edit.text !== server.text;
}

/** The person chose how to settle a conflict: take theirs, or send a text (theirs, mine or a combination) on top of theirs. */
export function settle(edit: LocalEdit, text: string): LocalEdit {
  if (!edit.conflict) return edit;
  return { ...edit, conflict: null, error: null, text, base: edit.conflict.revision };
}
