import { CitationReads } from "./citations";
import type { HubLink } from "./connection";
import { answered, type LocalEdit, remoteEdit, settle, startEdit, unsent } from "./edits";
import { DraftingError, describe, fromHubError } from "./errors";
import { type Draft, type Paragraph, withCitations } from "./fold";
import { Outbox } from "./outbox";
import { type Reads, Replica, retryMs, type SyncStatus } from "./replica";
import type { Pending, PendingStore } from "./pending";
import {
  type CitedView, type Envelope, Hub, type JoinDocumentResult, type ParagraphEditedData, type ParagraphTextResult,
} from "./protocol";

export type { Reads, SyncStatus } from "./replica";

export type SessionChange =
  | { kind: "document"; envelope?: Envelope }
  | { kind: "edit"; paragraphId: string }
  | { kind: "sync"; status: SyncStatus }
  | { kind: "outbox" }
  /** Rows' `citedBy` changed: citations from other documents, read afresh after a `Cited` notice. */
  | { kind: "citations" }
  | { kind: "notice"; message: string };

export { gapWaitMs, retryMs } from "./replica";
export { citationsWaitMs } from "./citations";

/**
 * One document as this tab holds it: the server's versions, the person's unsent edits (at most one
 * in flight per paragraph), and the other writes waiting to be sent. Transport-agnostic and free of
 * the DOM: the UI renders `doc` and `edits` and calls the intents below.
 */
export class DocumentSession {
  readonly edits = new Map<string, LocalEdit>();
  /** Texts the person had that the document no longer holds (a conflict settled the other way, a refused edit dismissed). */
  setAside: string[] = [];
  readonly outbox: Outbox;

  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly replica: Replica;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly flushAgain = new Set<string>();
  /** Paragraphs the person has left: their edit goes once the server has all of it. */
  private readonly left = new Set<string>();
  /** Paragraphs whose EditParagraph call has not settled yet. */
  private readonly calling = new Set<string>();
  private joined = false;
  private joining: Promise<void> | null = null;
  private joinAgain = false;
  private readonly stopReconnected: () => void;
  private closed = false;
  private readonly citations = new CitationReads(async () => {
    const view = await this.reads.document(this.documentId);
    if (!this.closed && this.replica.amend((doc) => withCitations(doc, view))) this.emit({ kind: "citations" });
  });

  constructor(
    readonly documentId: string,
    private readonly link: HubLink,
    private readonly reads: Reads,
    private readonly store: PendingStore,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.replica = new Replica(documentId, reads, {
      applying: (doc, envelope) => {
        if (envelope.type === "paragraph-edited") this.rebaseOpenEdit(doc, envelope as Envelope<ParagraphEditedData>);
      },
      changed: (envelope) => {
        this.emit({ kind: "document", envelope });
        // The answer can come before the envelope: only now may the doc show that the server has the edit.
        if (envelope?.type === "paragraph-edited") this.forgetIfLeft((envelope.data as ParagraphEditedData).paragraphId);
      },
      sync: (status) => this.emit({ kind: "sync", status }),
      rejoin: (delayMs) => {
        if (delayMs === 0) void this.join();
        else setTimeout(() => void this.join(), delayMs);
      },
    });
    const pending = store.load(documentId);
    // Edits kept from an earlier load of the tab: nobody is in them now, so each goes once the server has it.
    for (const edit of pending.edits) {
      this.edits.set(edit.paragraphId, edit);
      this.left.add(edit.paragraphId);
    }
    this.setAside = pending.setAside;
    this.outbox = new Outbox(pending.outbox, link, {
      changed: () => {
        this.persist();
        this.emit({ kind: "outbox" });
      },
      refused: (error) => this.emit({ kind: "notice", message: describe(error) }),
      retryLater: (error) => this.retryLater(error),
    });
    link.on("Applied", this.onApplied);
    link.on("Cited", this.onCited);
    this.stopReconnected = link.onReconnected(() => {
      if (!this.joined || this.closed) return;
      // Notices sent while we were away are lost: a table re-reads its rows' citations once back.
      void this.join().then(() => {
        if (this.doc?.paragraphs.some((p) => p.kind === "row" && !p.deleted)) this.citations.soon();
      }, () => undefined);
    });
  }

  /** The server's document as this tab holds it. */
  get doc(): Draft | null {
    return this.replica.doc;
  }

  get sync(): SyncStatus {
    return this.replica.sync;
  }

  get version(): number {
    return this.replica.version;
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  paragraph(id: string): Paragraph | undefined {
    return this.doc?.paragraphs.find((p) => p.id === id && !p.deleted);
  }

  /** Joins, or re-joins after a reconnect with `sinceVersion`, then resends whatever is pending. Calls made meanwhile share it. */
  async join(): Promise<void> {
    if (this.joining) {
      this.joinAgain = true;
      return this.joining;
    }
    this.joining = (async () => {
      try {
        do {
          this.joinAgain = false;
          await this.joinOnce();
        } while (this.joinAgain && !this.closed);
      } finally {
        this.joining = null;
      }
    })();
    return this.joining;
  }

  private async joinOnce(): Promise<void> {
    this.joined = true;
    this.replica.setSync(this.doc ? "catching-up" : "joining");
    let result: JoinDocumentResult;
    try {
      result = await this.link.invoke<JoinDocumentResult>(Hub.joinDocument, {
        documentId: this.documentId,
        sinceVersion: this.doc ? this.doc.version : null,
      });
    } catch (e) {
      const error = fromHubError(e);
      this.replica.setSync("out-of-sync");
      if (!error.retryable) throw error;
      return; // the connection will tell us when it is back
    }
    if (result.document) {
      // Behind the version we held: the server was restored, and what we saw after its version is gone.
      if (result.version < this.version) this.replica.forgetNewerThanServer();
      this.replica.replace(result.document);
    }
    for (const envelope of result.events ?? []) this.replica.receive(envelope);
    if (this.version < result.version) await this.replica.catchUp();
    else this.replica.setSync("in-sync");
    this.resend();
  }

  async leave(): Promise<void> {
    this.closed = true;
    this.outbox.close();
    this.replica.close();
    clearTimeout(this.retryTimer);
    this.citations.close();
    this.link.off("Applied", this.onApplied);
    this.link.off("Cited", this.onCited);
    this.stopReconnected();
    await this.link.invoke(Hub.leaveDocument, { documentId: this.documentId }).catch(() => undefined);
  }

  // ---- the person's edits -------------------------------------------------------------------

  /** Opens a paragraph for editing (or returns the edit already open, e.g. one kept across a reload). */
  begin(paragraphId: string): LocalEdit | undefined {
    this.left.delete(paragraphId);
    const existing = this.edits.get(paragraphId);
    if (existing) return existing;
    const paragraph = this.paragraph(paragraphId);
    if (!paragraph) return undefined;
    return this.setEdit(startEdit(paragraphId, paragraph.text, paragraph.revision));
  }

  type(paragraphId: string, text: string): void {
    const edit = this.edits.get(paragraphId) ?? this.begin(paragraphId);
    if (edit && edit.text !== text) this.setEdit({ ...edit, text, error: null });
  }

  /** Sends the paragraph's text if it holds something the server has not (after a pause, or on leaving it). */
  async flush(paragraphId: string): Promise<void> {
    const edit = this.edits.get(paragraphId);
    if (!edit || edit.conflict || edit.error) return;
    if (edit.inFlight) {
      this.flushAgain.add(paragraphId);
      return;
    }
    if (!unsent(edit, this.paragraph(paragraphId))) return;
    await this.send(this.setEdit({ ...edit, inFlight: { text: edit.text, base: edit.base, clientOpId: this.newId() } }));
  }

  /** Leaving the paragraph: send what is unsent; forget the edit once the server has all of it. */
  async end(paragraphId: string): Promise<void> {
    this.left.add(paragraphId);
    await this.flush(paragraphId);
    this.forgetIfDone(paragraphId);
  }

  /** Settles a conflict with `text` (theirs, mine or a combination): taking theirs ends the edit, anything else is sent. */
  async settle(paragraphId: string, text: string): Promise<void> {
    const edit = this.edits.get(paragraphId);
    if (!edit?.conflict) return;
    if (text !== edit.conflict.mine) this.keepAside(edit.conflict.mine);
    if (text !== edit.text) this.keepAside(edit.text); // typed while the conflict was shown
    this.setEdit(settle(edit, text));
    await this.flush(paragraphId);
    this.forgetIfDone(paragraphId);
  }

  /** Gives up an edit the server refused; its text goes to the set-aside list, never nowhere. */
  discard(paragraphId: string): void {
    const edit = this.edits.get(paragraphId);
    if (!edit) return;
    const paragraph = this.paragraph(paragraphId);
    if (edit.text !== paragraph?.text) this.keepAside(edit.text);
    this.left.delete(paragraphId);
    this.edits.delete(paragraphId);
    this.persist();
    this.emit({ kind: "edit", paragraphId });
  }

  // ---- other writes: queued, sent in order, resent with their clientOpId ----------------------

  /** Queues a write (insert, move, delete, status, comment, tag …) and resolves with the server's answer. */
  write<T>(method: string, request: Record<string, unknown>): Promise<T> {
    return this.outbox.add<T>(method, { ...request, documentId: this.documentId }, this.newId());
  }

  // ---- envelopes and versions -----------------------------------------------------------------

  private readonly onApplied = (envelope: Envelope) => {
    if (envelope.documentId !== this.documentId || this.closed) return;
    this.replica.receive(envelope);
  };

  private readonly onCited = (cited: CitedView) => {
    if (cited.documentId !== this.documentId || this.closed || !this.doc) return;
    this.citations.soon();
  };

  private rebaseOpenEdit(doc: Draft, envelope: Envelope<ParagraphEditedData>): void {
    const edit = this.edits.get(envelope.data.paragraphId);
    const before = doc.paragraphs.find((p) => p.id === envelope.data.paragraphId);
    if (!edit || !before) return;
    const rebased = remoteEdit(edit, before, { text: envelope.data.text, revision: envelope.data.revision });
    if (rebased !== edit) this.setEdit(rebased);
  }

  // ---- sending edits --------------------------------------------------------------------------

  private async send(edit: LocalEdit): Promise<void> {
    const sent = edit.inFlight!;
    // At most one call per paragraph: a resend (retry timer, re-join) or an edit begun after a discard
    // waits for the call under way, which sends it when it settles.
    if (this.calling.has(edit.paragraphId)) return;
    this.calling.add(edit.paragraphId);
    let result: { answer: ParagraphTextResult } | { error: DraftingError };
    try {
      result = {
        answer: await this.link.invoke<ParagraphTextResult>(Hub.editParagraph, {
          documentId: this.documentId, paragraphId: edit.paragraphId, baseRevision: sent.base, text: sent.text, clientOpId: sent.clientOpId,
        }),
      };
    } catch (e) {
      result = { error: fromHubError(e) };
    } finally {
      this.calling.delete(edit.paragraphId);
    }
    const current = this.edits.get(edit.paragraphId);
    if (!current) return;
    if (current.inFlight?.clientOpId !== sent.clientOpId) {
      if (current.inFlight) await this.send(current);
      return;
    }
    if ("error" in result) {
      if (result.error.retryable) {
        this.retryLater(result.error); // keeps inFlight and its clientOpId: the retry is safe even if the first one landed
      } else {
        this.setEdit({ ...current, inFlight: null, error: describe(result.error) });
      }
      return;
    }
    const after = answered(current, result.answer);
    // A later change that arrived before this answer was made on top of ours: untouched since, we follow it.
    const later = this.paragraph(edit.paragraphId);
    const caughtUp = later && later.revision > after.base && !after.inFlight && !after.conflict && after.text === result.answer.text;
    this.setEdit(caughtUp ? { ...after, text: later.text, base: later.revision } : after);
    if (result.answer.outcome === "merged") this.emit({ kind: "notice", message: "Someone changed this paragraph meanwhile; both changes were merged." });
    if (this.flushAgain.delete(edit.paragraphId)) await this.flush(edit.paragraphId);
    this.forgetIfLeft(edit.paragraphId);
  }

  /** After a reconnect or a pause: resend in-flight edits with their clientOpIds, then the outbox. */
  private resend(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const edit of this.edits.values()) {
      if (edit.inFlight) void this.send(edit);
      else if (!edit.conflict && !edit.error) void this.flush(edit.paragraphId);
    }
    void this.outbox.drain();
  }

  private retryLater(error: DraftingError): void {
    if (error.code === "network" || this.retryTimer) return; // the reconnect resends
    this.retryTimer = setTimeout(() => this.resend(), retryMs);
  }

  private forgetIfLeft(paragraphId: string): void {
    if (this.left.has(paragraphId)) this.forgetIfDone(paragraphId);
  }

  private forgetIfDone(paragraphId: string): void {
    const edit = this.edits.get(paragraphId);
    if (edit && !unsent(edit, this.paragraph(paragraphId)) && !edit.error) {
      this.left.delete(paragraphId);
      this.edits.delete(paragraphId);
      this.persist();
      this.emit({ kind: "edit", paragraphId });
    }
  }

  private keepAside(text: string): void {
    if (text.trim() && !this.setAside.includes(text)) this.setAside = [...this.setAside, text];
  }

  private setEdit(edit: LocalEdit): LocalEdit {
    this.edits.set(edit.paragraphId, edit);
    this.persist();
    this.emit({ kind: "edit", paragraphId: edit.paragraphId });
    return edit;
  }

  private persist(): void {
    const pending: Pending = { edits: [...this.edits.values()], outbox: this.outbox.items, setAside: this.setAside };
    this.store.save(this.documentId, pending);
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
