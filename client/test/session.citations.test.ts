import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withCitations } from "../src/fold";
import type { CitationView, DocumentView } from "../src/protocol";
import { citationsWaitMs } from "../src/session";
import { annex, documentId, envelope, row } from "./builders";
import { settled } from "./fakes";
import { joined, open } from "./harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const fromReport = (paragraphId: string, number = "4"): CitationView =>
  ({ documentId: "report", documentTitle: "Report", paragraphId, number, label: `OP${number}` });
const fromAnnex = (paragraphId: string): CitationView =>
  ({ documentId, documentTitle: "Mapping of issues", paragraphId, number: null, label: null });

/** The annex as the server reads it now: `citedBy` per row id. */
function read(citedBy: Record<string, CitationView[]>, version = 10): DocumentView {
  const doc = annex(version);
  return { ...doc, paragraphs: doc.paragraphs.map((p) => ({ ...p, citedBy: citedBy[p.id] ?? [] })) };
}

describe("DocumentSession on Cited", () => {
  it("Cited_for_this_annex_re_reads_it_and_shows_the_rows_new_citations_at_the_same_version", async () => {
    const h = await joined(annex());
    h.changes.length = 0;

    h.hub.cited({ documentId, paragraphId: "r2" });
    await vi.advanceTimersByTimeAsync(0);

    expect(h.reads.documentCalls).toHaveLength(1);
    h.reads.documentCalls[0]!.resolve(read({ r2: [fromReport("p9")] }));
    await settled();
    expect(h.session.paragraph("r2")?.citedBy).toEqual([fromReport("p9")]);
    expect(h.session.paragraph("r1")?.citedBy).toEqual([]);
    expect(h.session.version).toBe(10);
    expect(h.changes).toEqual([{ kind: "citations" }]);
  });

  it("A_burst_of_notices_gives_one_read_at_once_and_one_more_after_the_wait", async () => {
    const h = await joined(annex());
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(0);
    for (const id of ["r1", "r2", "r3", "r2"]) h.hub.cited({ documentId, paragraphId: id });
    h.reads.documentCalls[0]!.resolve(read({ r1: [fromReport("p1")] }));
    await settled();
    for (const id of ["r3", "r3"]) h.hub.cited({ documentId, paragraphId: id });

    await vi.advanceTimersByTimeAsync(citationsWaitMs - 1);
    expect(h.reads.documentCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.reads.documentCalls).toHaveLength(2);
    h.reads.documentCalls[1]!.resolve(read({ r1: [fromReport("p1")], r3: [fromReport("p2", "5")] }));
    await vi.advanceTimersByTimeAsync(citationsWaitMs * 4);

    expect(h.reads.documentCalls).toHaveLength(2);
    expect(h.session.paragraph("r3")?.citedBy).toEqual([fromReport("p2", "5")]);
  });

  it("A_notice_while_a_read_is_under_way_reads_again_after_it_the_answer_may_predate_it", async () => {
    const h = await joined(annex());
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(citationsWaitMs);
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(citationsWaitMs * 2);
    expect(h.reads.documentCalls).toHaveLength(1);

    h.reads.documentCalls[0]!.resolve(read({}));
    await vi.advanceTimersByTimeAsync(0);

    expect(h.reads.documentCalls).toHaveLength(2);
  });

  it("Notices_for_another_document_before_the_join_or_after_leaving_read_nothing", async () => {
    const early = open();
    early.hub.cited({ documentId, paragraphId: "r1" });
    const h = await joined(annex());
    h.hub.cited({ documentId: "other-annex", paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(citationsWaitMs * 2);
    void h.session.leave();
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(citationsWaitMs * 2);

    expect(early.reads.documentCalls).toHaveLength(0);
    expect(h.reads.documentCalls).toHaveLength(0);
  });

  it("A_failed_read_changes_nothing_and_the_reconnect_reads_the_citations_again", async () => {
    const h = await joined(annex());
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(0);
    h.reads.documentCalls[0]!.reject(new Error("offline"));
    await settled();
    expect(h.session.paragraph("r1")?.citedBy).toEqual([]);

    h.hub.reconnect();
    h.hub.answerJoin({ version: 10, events: [] });
    await vi.advanceTimersByTimeAsync(citationsWaitMs);

    expect(h.reads.documentCalls).toHaveLength(2);
    h.reads.documentCalls[1]!.resolve(read({ r1: [fromReport("p1")] }));
    await settled();
    expect(h.session.paragraph("r1")?.citedBy).toEqual([fromReport("p1")]);
  });

  it("An_unchanged_read_emits_nothing", async () => {
    const h = await joined(annex());
    h.changes.length = 0;
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(0);
    h.reads.documentCalls[0]!.resolve(read({}));
    await settled();
    expect(h.changes).toEqual([]);
  });
});

describe("withCitations", () => {
  it("Takes_citations_from_other_documents_from_the_read_and_keeps_this_documents_own_as_folded", () => {
    const doc = annex();
    // r1 cites r3 within the annex (folded from its envelopes); the read is older and does not show it yet.
    const held = { ...doc, paragraphs: doc.paragraphs.map((p) => (p.id === "r3" ? { ...p, citedBy: [fromAnnex("r1")] } : p)) };

    const next = withCitations(held, read({ r3: [fromReport("p1")], r2: [fromAnnex("r9"), fromReport("p2")] }));

    expect(next.paragraphs.find((p) => p.id === "r3")?.citedBy).toEqual([fromAnnex("r1"), fromReport("p1")]);
    expect(next.paragraphs.find((p) => p.id === "r2")?.citedBy).toEqual([fromReport("p2")]);
    expect(next.version).toBe(held.version);
  });

  it("Leaves_rows_the_read_does_not_know_and_returns_the_same_document_when_nothing_changed", () => {
    const doc = { ...annex(), paragraphs: [...annex().paragraphs, row("new", "4", { issue: "New" }, 11, { citedBy: [fromReport("p7")] })] };
    expect(withCitations(doc, read({}))).toBe(doc);
    const deleted = { ...annex(), paragraphs: annex().paragraphs.map((p) => (p.id === "r1" ? { ...p, deleted: true } : p)) };
    expect(withCitations(deleted, read({ r1: [fromReport("p1")] }))).toBe(deleted);
  });

  it("Envelopes_still_fold_on_top_of_the_citations_read", async () => {
    const h = await joined(annex());
    h.hub.cited({ documentId, paragraphId: "r1" });
    await vi.advanceTimersByTimeAsync(0);
    h.reads.documentCalls[0]!.resolve(read({ r1: [fromReport("p1")] }));
    await settled();
    h.hub.applied(envelope(11, "evidence-linked", { paragraphId: "r2", kind: "row", id: "r1", sourceId: documentId, label: "Spam" }));
    expect(h.session.version).toBe(11);
    expect(h.session.paragraph("r1")?.citedBy?.map((c) => c.paragraphId)).toEqual(["p1", "r2"]);
  });
});
