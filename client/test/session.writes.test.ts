import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DraftingError } from "../src/errors";
import { MemoryPending } from "../src/pending";
import { retryMs } from "../src/session";
import { documentId, standardDocument } from "./builders";
import { settled } from "./fakes";
import { joined } from "./harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const comment = (text: string) => ({ paragraphId: "a", text });

describe("DocumentSession other writes", () => {
  it("Write_is_sent_with_the_documentId_and_a_clientOpId_and_resolves_with_the_answer", async () => {
    const h = await joined();
    const answer = h.session.write("AddComment", comment("Why?"));
    expect(h.hub.waiting("AddComment").request).toEqual({ documentId, paragraphId: "a", text: "Why?", clientOpId: "op-1" });
    h.hub.waiting("AddComment").answer({ outcome: "applied", version: 6, commentId: "c1" });
    await expect(answer).resolves.toEqual({ outcome: "applied", version: 6, commentId: "c1" });
    expect(h.session.outbox.items).toEqual([]);
  });

  it("Writes_are_sent_one_at_a_time_in_the_order_made", async () => {
    const h = await joined();
    void h.session.write("AddComment", comment("first"));
    void h.session.write("MoveParagraph", { paragraphId: "a", afterParagraphId: "b" });
    expect(h.hub.pending().map((c) => c.method)).toEqual(["AddComment"]);
    h.hub.waiting("AddComment").answer({ outcome: "applied", version: 6, commentId: "c1" });
    await settled();
    expect(h.hub.waiting("MoveParagraph").request).toMatchObject({ paragraphId: "a", afterParagraphId: "b", clientOpId: "op-2" });
  });

  it("Refused_write_rejects_with_its_code_and_the_next_one_is_sent", async () => {
    const h = await joined();
    const refused = h.session.write("DeleteParagraph", { paragraphId: "a" });
    void h.session.write("AddComment", comment("next"));
    h.hub.waiting("DeleteParagraph").refuse("forbidden", "observers cannot edit");
    await expect(refused).rejects.toBeInstanceOf(DraftingError);
    await expect(refused).rejects.toMatchObject({ code: "forbidden" });
    await settled();
    expect(h.hub.pending().map((c) => c.method)).toEqual(["AddComment"]);
    expect(h.changes).toContainEqual({ kind: "notice", message: "Your role may not do this." });
  });

  it("Write_failed_by_a_network_error_is_resent_after_reconnect_with_the_same_clientOpId", async () => {
    const h = await joined();
    const answer = h.session.write("InsertParagraph", { afterParagraphId: "a", paragraphId: "n", kind: "text", text: "New" });
    h.hub.disconnect();
    await settled();
    expect(h.session.outbox.items).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(retryMs * 3);
    expect(h.hub.callsOf("InsertParagraph")).toHaveLength(1);
    h.hub.reconnect();
    h.hub.answerJoin({ version: 5, events: [] });
    await settled();
    const resent = h.hub.waiting("InsertParagraph");
    expect(resent.request).toMatchObject({ paragraphId: "n", clientOpId: "op-1" });
    resent.answer({ outcome: "applied", version: 6, paragraphId: "n" });
    await expect(answer).resolves.toMatchObject({ paragraphId: "n" });
  });

  it.each(["unavailable", "rate-limited"])("Write_refused_as_%s_is_resent_after_retryMs_with_the_same_clientOpId", async (code) => {
    const h = await joined();
    void h.session.write("AddComment", comment("again"));
    h.hub.waiting("AddComment").refuse(code);
    await vi.advanceTimersByTimeAsync(retryMs - 1);
    expect(h.hub.pending()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.hub.waiting("AddComment").request).toMatchObject({ clientOpId: "op-1" });
  });

  it("Outbox_is_saved_until_the_server_answers", async () => {
    const store = new MemoryPending();
    const h = await joined(standardDocument(), store);
    void h.session.write("AddComment", comment("kept"));
    expect(store.load(documentId).outbox).toEqual([
      { method: "AddComment", request: { documentId, paragraphId: "a", text: "kept", clientOpId: "op-1" } },
    ]);
    h.hub.waiting("AddComment").answer({ outcome: "applied", version: 6, commentId: "c1" });
    await settled();
    expect(store.load(documentId).outbox).toEqual([]);
  });

  it("Outbox_restored_from_a_previous_tab_load_is_sent_after_join_with_its_clientOpId", async () => {
    const store = new MemoryPending();
    const queued = { method: "TagRevision", request: { documentId, label: "Rev.1", clientOpId: "old-op" } };
    store.save(documentId, { edits: [], outbox: [queued], setAside: [] });
    const h = await joined(standardDocument(), store);
    expect(h.hub.waiting("TagRevision").request).toEqual(queued.request);
    h.hub.waiting("TagRevision").answer({ outcome: "applied", version: 6 });
    await settled();
    expect(h.session.outbox.items).toEqual([]);
  });
});
