import type { LocalEdit } from "./edits";

/** A write waiting to be sent (or resent after a reconnect), with the clientOpId that makes resending safe. */
export interface Queued { method: string; request: Record<string, unknown> }

/** What a tab has not yet had acknowledged, kept so that a reload or a crash of the tab loses none of it. */
export interface Pending { edits: LocalEdit[]; outbox: Queued[]; setAside: string[] }

export interface PendingStore {
  load(documentId: string): Pending;
  save(documentId: string, pending: Pending): void;
}

const empty = (): Pending => ({ edits: [], outbox: [], setAside: [] });

/** Keeps pending work in the tab's sessionStorage (the tab's own: another tab is another person, perhaps). */
export class StoragePending implements PendingStore {
  constructor(private readonly storage: Storage = sessionStorage) {}

  load(documentId: string): Pending {
    try {
      const value = JSON.parse(this.storage.getItem(key(documentId)) ?? "null") as Pending | null;
      return value ? { ...empty(), ...value } : empty();
    } catch {
      return empty();
    }
  }

  save(documentId: string, pending: Pending): void {
    const nothing = pending.edits.length === 0 && pending.outbox.length === 0 && pending.setAside.length === 0;
    if (nothing) this.storage.removeItem(key(documentId));
    else this.storage.setItem(key(documentId), JSON.stringify(pending));
  }
}

/** For tests and for tabs where storage is unavailable. */
export class MemoryPending implements PendingStore {
  private readonly saved = new Map<string, Pending>();

  load(documentId: string): Pending {
    return structuredClone(this.saved.get(documentId) ?? empty());
  }

  save(documentId: string, pending: Pending): void {
    this.saved.set(documentId, structuredClone(pending));
  }
}

const key = (documentId: string) => `wgec.pending.${documentId}`;
