import type { Draft } from "../src/fold";
import { MemoryPending, type PendingStore } from "../src/pending";
import { DocumentSession, type SessionChange } from "../src/session";
import { documentId, standardDocument } from "./builders";
import { FakeHub, FakeReads, sequentialIds, settled } from "./fakes";

export interface Harness {
  session: DocumentSession;
  hub: FakeHub;
  reads: FakeReads;
  store: PendingStore;
  changes: SessionChange[];
}

/** A session that has not joined yet. */
export function open(store: PendingStore = new MemoryPending()): Harness {
  const hub = new FakeHub();
  const reads = new FakeReads();
  const session = new DocumentSession(documentId, hub, reads, store, sequentialIds());
  const changes: SessionChange[] = [];
  session.subscribe((change) => changes.push(change));
  return { session, hub, reads, store, changes };
}

/** A session joined to `doc` (by default paragraphs "a" at revision 2 and "b" at 3, version 5). */
export async function joined(doc: Draft = standardDocument(), store?: PendingStore): Promise<Harness> {
  const harness = open(store);
  const joining = harness.session.join();
  harness.hub.answerJoin({ version: doc.version, document: doc });
  await joining;
  await settled();
  return harness;
}

export const textOf = (h: Harness, paragraphId: string): string | undefined => h.session.paragraph(paragraphId)?.text;
