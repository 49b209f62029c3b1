import { type Draft, fold } from "./fold";
import type { DocumentView, Envelope } from "./protocol";

/** Whether what this tab shows is the server's document: the banner's "out of sync" comes from here. */
export type SyncStatus = "joining" | "in-sync" | "catching-up" | "out-of-sync";

/** What the session needs besides the hub: the REST reads of §2. */
export interface Reads {
  events(documentId: string, after: number): Promise<Envelope[]>;
  document(documentId: string): Promise<DocumentView>;
}

/** How long a gap in versions may stay open before the missing envelopes are fetched (PROTOCOL.md §3). */
export const gapWaitMs = 2_000;
/** How long to wait before trying again after a failed read, or resending after `unavailable` or `rate-limited`. */
export const retryMs = 1_500;
/** Envelopes kept to re-apply on top of a document read that raced with them. */
const recentLimit = 500;

export interface ReplicaEvents {
  /** An envelope is about to be folded into `doc` (open edits may need to follow it). */
  applying(doc: Draft, envelope: Envelope): void;
  /** The document changed: by this envelope, or (none) by a whole read. */
  changed(envelope?: Envelope): void;
  sync(status: SyncStatus): void;
  /** A gap the events did not close, or a read that failed: join again after `delayMs`. */
  rejoin(delayMs: number): void;
}

/**
 * The server's document as this tab holds it, one version at a time: envelopes applied in version
 * order, out-of-order ones buffered, a gap fetched after {@link gapWaitMs}, and a whole re-read when an
 * envelope cannot be folded, with the envelopes that raced with the read applied on top.
 */
export class Replica {
  doc: Draft | null = null;
  sync: SyncStatus = "joining";
  private readonly buffered = new Map<number, Envelope>();
  private recent: Envelope[] = [];
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private rereading = false;
  private rereadAgain = false;
  private closed = false;

  constructor(
    private readonly documentId: string,
    private readonly reads: Reads,
    private readonly events: ReplicaEvents,
  ) {}

  get version(): number {
    return this.doc?.version ?? 0;
  }

  /** The server answered a re-join with a version behind ours: it was restored, and what we saw after its version is gone. */
  forgetNewerThanServer(): void {
    this.recent = [];
    this.buffered.clear();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.gapTimer);
  }

  setSync(status: SyncStatus): void {
    if (status === this.sync) return;
    this.sync = status;
    this.events.sync(status);
  }

  receive(envelope: Envelope): void {
    // Before the first join answer, envelopes are kept too: the server adds us to the group before it
    // reads the state, so one newer than that state can overtake the answer (PROTOCOL.md §3).
    if (this.doc && envelope.version <= this.doc.version) return;
    this.buffered.set(envelope.version, envelope);
    this.applyBuffered();
  }

  /** Applies the buffered envelopes that follow the version held; waits for a gap to close, up to `gapWaitMs`. */
  private applyBuffered(): void {
    let next: Envelope | undefined;
    while (this.doc && (next = this.buffered.get(this.doc.version + 1))) {
      this.buffered.delete(next.version);
      this.apply(next);
    }
    for (const version of this.buffered.keys()) if (version <= this.version) this.buffered.delete(version);
    if (this.buffered.size === 0) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
    } else if (!this.gapTimer) {
      this.gapTimer = setTimeout(() => void this.catchUp(), gapWaitMs);
    }
  }

  private apply(envelope: Envelope): void {
    const doc = this.doc!;
    this.events.applying(doc, envelope);
    const next = fold(doc, envelope);
    this.remember(envelope);
    if (next) {
      this.doc = next;
      this.events.changed(envelope);
    } else {
      this.doc = { ...doc, version: envelope.version };
      void this.reread();
    }
  }

  /** Missing versions did not arrive in time: fetch them; if that does not close the gap, re-join. */
  async catchUp(): Promise<void> {
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    if (!this.doc || this.closed) return;
    this.setSync("catching-up");
    try {
      for (const envelope of await this.reads.events(this.documentId, this.doc.version)) this.receive(envelope);
    } catch {
      this.outOfSync();
      return;
    }
    if (this.buffered.size > 0) {
      this.setSync("out-of-sync");
      this.events.rejoin(0);
    } else {
      this.setSync("in-sync");
    }
  }

  /** Re-reads the whole document (an envelope this client cannot fold); reads asked for meanwhile share one. */
  private async reread(): Promise<void> {
    if (this.rereading) {
      this.rereadAgain = true;
      return;
    }
    this.rereading = true;
    try {
      do {
        this.rereadAgain = false;
        this.replace(await this.reads.document(this.documentId));
      } while (this.rereadAgain && !this.closed);
    } catch {
      this.outOfSync();
    } finally {
      this.rereading = false;
    }
  }

  /** Takes a whole document read, then re-applies the envelopes that arrived after the version it was read at. */
  replace(view: DocumentView): void {
    const seen = this.version;
    const newer = this.recent.filter((e) => e.version > view.version);
    this.doc = view;
    for (const envelope of newer) {
      if (envelope.version !== this.doc.version + 1) break;
      const next = fold(this.doc, envelope);
      if (!next) this.rereadAgain = true;
      this.doc = next ?? { ...this.doc, version: envelope.version };
    }
    this.events.changed();
    // Envelopes newer than the read that arrived while it was on its way (or before the first join answer).
    this.applyBuffered();
    if (this.doc.version < seen) void this.catchUp();
  }

  /** Changes what the held document shows at its version (what the server computes on read); true when it changed. */
  amend(change: (doc: Draft) => Draft): boolean {
    if (!this.doc) return false;
    const next = change(this.doc);
    if (next === this.doc) return false;
    this.doc = next;
    return true;
  }

  /** A read failed: say so, and re-join in a while (a join answers with whatever is missing). */
  private outOfSync(): void {
    this.setSync("out-of-sync");
    if (!this.closed) this.events.rejoin(retryMs);
  }

  private remember(envelope: Envelope): void {
    this.recent.push(envelope);
    if (this.recent.length > recentLimit) this.recent = this.recent.slice(-recentLimit / 2);
  }
}
