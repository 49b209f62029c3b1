import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startEdit } from "../src/edits";
import { MemoryPending, StoragePending } from "../src/pending";
import { retryMs } from "../src/session";
import { commented, documentId, edited, standardDocument, textResult } from "./builders";
import { MapStorage, settled } from "./fakes";
import { joined } from "./harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function rejoin(h: Awaited<ReturnType<typeof joined>>, version = 5): Promise<void> {
  h.hub.reconnect();
  h.hub.answerJoin({ version, events: [] });
  await settled();
}

describe("DocumentSession pending edits across reconnects", () => {
  it("Edit_failed_by_a_network_error_is_resent_after_reconnect_with_the_same_clientOpId", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.disconnect();
    await settled();
    expect(h.session.edits.get("a")?.inFlight?.clientOpId).toBe("op-1");
    expect(h.session.edits.get("a")?.error).toBeNull();
    await vi.advanceTimersByTimeAsync(retryMs * 3);
    expect(h.hub.callsOf("EditParagraph")).toHaveLength(1);
    await rejoin(h);
    const resent = h.hub.waiting("EditParagraph");
    expect(resent.request).toEqual({ documentId, paragraphId: "a", baseRevision: 2, text: "Mine", clientOpId: "op-1" });
    resent.answer(textResult("applied", 6, "Mine"));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ inFlight: null, base: 6 });
  });

  it("Resend_happens_after_the_rejoin_answer_not_before", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.disconnect();
    await settled();
    h.hub.reconnect();
    expect(h.hub.pending("EditParagraph")).toHaveLength(0);
    h.hub.answerJoin({ version: 5, events: [] });
    await settled();
    expect(h.hub.pending("EditParagraph")).toHaveLength(1);
  });

  it("Typing_during_the_outage_is_sent_after_the_resent_edit_is_answered", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.disconnect();
    await settled();
    h.session.type("a", "Mine, more");
    void h.session.flush("a");
    await rejoin(h);
    const resent = h.hub.waiting("EditParagraph");
    expect(resent.request).toMatchObject({ text: "Mine", clientOpId: "op-1" });
    resent.answer(textResult("applied", 6, "Mine"));
    await settled();
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ text: "Mine, more", baseRevision: 6, clientOpId: "op-2" });
  });

  it.each(["unavailable", "rate-limited"])("Edit_refused_as_%s_is_resent_after_retryMs_with_the_same_clientOpId", async (code) => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").refuse(code);
    await vi.advanceTimersByTimeAsync(retryMs - 1);
    expect(h.hub.pending("EditParagraph")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ text: "Mine", clientOpId: "op-1" });
    expect(h.session.edits.get("a")?.error).toBeNull();
  });

  it("Retry_of_one_paragraph_does_not_send_a_second_edit_for_another_still_in_flight", async () => {
    const h = await joined();
    h.session.type("a", "A!");
    h.session.type("b", "B!");
    void h.session.flush("a");
    void h.session.flush("b");
    h.hub.pending("EditParagraph")[0]?.refuse("unavailable");
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(h.hub.pending("EditParagraph").map((c) => c.request.paragraphId).sort()).toEqual(["a", "b"]);
  });

  it("Rejoin_to_close_a_gap_does_not_send_a_second_edit_for_one_in_flight", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.applied(commented(7));
    await vi.advanceTimersByTimeAsync(2_000);
    h.reads.eventCalls[0]?.answer.resolve([]);
    await settled();
    h.hub.answerJoin({ version: 7, events: [commented(6), commented(7)] });
    await settled();
    expect(h.hub.callsOf("EditParagraph")).toHaveLength(1);
  });

  it("Pending_edits_are_saved_as_they_change", async () => {
    const store = new MemoryPending();
    const h = await joined(standardDocument(), store);
    h.session.type("a", "Mine");
    void h.session.flush("a");
    expect(store.load(documentId).edits).toEqual([
      { ...startEdit("a", "Mine", 2), inFlight: { text: "Mine", base: 2, clientOpId: "op-1" } },
    ]);
  });

  it("In_flight_edit_restored_from_a_previous_tab_load_is_resent_after_join_with_its_clientOpId", async () => {
    const store = new MemoryPending();
    store.save(documentId, {
      edits: [{ ...startEdit("a", "Typed before the reload", 2), inFlight: { text: "Typed before the reload", base: 2, clientOpId: "old-op" } }],
      outbox: [], setAside: ["kept"],
    });
    const h = await joined(standardDocument(), store);
    expect(h.hub.waiting("EditParagraph").request).toEqual({
      documentId, paragraphId: "a", baseRevision: 2, text: "Typed before the reload", clientOpId: "old-op",
    });
    expect(h.session.setAside).toEqual(["kept"]);
  });

  it("Edit_in_flight_when_the_tab_reloads_is_resent_by_the_next_load_with_the_same_clientOpId", async () => {
    const storage = new MapStorage();
    const before = await joined(standardDocument(), new StoragePending(storage));
    before.session.type("a", "Typed, then the tab reloaded");
    void before.session.flush("a");
    const after = await joined(standardDocument(), new StoragePending(storage));
    expect(after.hub.waiting("EditParagraph").request).toEqual(before.hub.waiting("EditParagraph").request);
    after.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Typed, then the tab reloaded"));
    after.hub.applied(edited(6, "a", "Typed, then the tab reloaded"));
    await after.session.end("a");
    await settled();
    expect(storage.length).toBe(0);
  });

  it("Unsent_typing_restored_from_a_previous_tab_load_is_sent_after_join", async () => {
    const store = new MemoryPending();
    store.save(documentId, { edits: [startEdit("b", "Beta, changed before the reload", 3)], outbox: [], setAside: [] });
    const h = await joined(standardDocument(), store);
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ paragraphId: "b", baseRevision: 3, text: "Beta, changed before the reload" });
    expect(h.session.begin("b")?.text).toBe("Beta, changed before the reload");
  });

  it("Restored_edit_that_the_server_refused_stays_refused_until_the_person_acts", async () => {
    const store = new MemoryPending();
    store.save(documentId, { edits: [{ ...startEdit("a", "Mine", 2), error: "locked" }], outbox: [], setAside: [] });
    const h = await joined(standardDocument(), store);
    expect(h.hub.callsOf("EditParagraph")).toHaveLength(0);
  });

  it("Restored_edit_is_forgotten_once_the_server_has_it", async () => {
    const store = new MemoryPending();
    store.save(documentId, { edits: [startEdit("b", "Beta, changed before the reload", 3)], outbox: [], setAside: [] });
    const h = await joined(standardDocument(), store);
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Beta, changed before the reload"));
    h.hub.applied(edited(6, "b", "Beta, changed before the reload"));
    await settled();
    expect(h.session.edits.has("b")).toBe(false);
    expect(store.load(documentId).edits).toEqual([]);
  });
});
