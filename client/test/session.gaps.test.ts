import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commented, documentAt, edited, envelope, inserted, paragraph, standardDocument } from "./builders";
import { settled } from "./fakes";
import { joined, textOf } from "./harness";
import { retryMs } from "../src/session";

/** PROTOCOL.md §3: a client that sees a gap waits up to 2 s for the missing versions. */
const gapWaitMs = 2_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("DocumentSession versions and gaps", () => {
  it("Out_of_order_envelopes_are_buffered_and_applied_in_version_order", async () => {
    const h = await joined();
    h.hub.applied(inserted(7, "n", "m", "after m"));
    expect(h.session.version).toBe(5);
    h.hub.applied(inserted(6, "m", "a", "after a"));
    expect(h.session.version).toBe(7);
    expect(h.session.doc?.paragraphs.map((p) => p.id)).toEqual(["a", "m", "n", "b"]);
    const applied = h.changes.flatMap((c) => (c.kind === "document" && c.envelope ? [c.envelope.version] : []));
    expect(applied).toEqual([6, 7]);
  });

  it("Gap_that_closes_within_the_wait_fetches_nothing", async () => {
    const h = await joined();
    h.hub.applied(commented(7));
    await vi.advanceTimersByTimeAsync(gapWaitMs - 1);
    h.hub.applied(commented(6));
    await vi.advanceTimersByTimeAsync(gapWaitMs * 2);
    expect(h.reads.eventCalls).toHaveLength(0);
    expect(h.session.version).toBe(7);
  });

  it("Gap_still_open_after_two_seconds_is_fetched_from_the_events_after_the_version_held", async () => {
    const h = await joined();
    h.hub.applied(commented(8));
    await vi.advanceTimersByTimeAsync(gapWaitMs - 1);
    expect(h.reads.eventCalls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.reads.eventCalls.map((c) => c.after)).toEqual([5]);
    expect(h.session.sync).toBe("catching-up");
    h.reads.eventCalls[0]?.answer.resolve([edited(6, "a", "six"), edited(7, "b", "seven"), commented(8)]);
    await settled();
    expect(h.session.version).toBe(8);
    expect([textOf(h, "a"), textOf(h, "b")]).toEqual(["six", "seven"]);
    expect(h.session.sync).toBe("in-sync");
    expect(h.hub.callsOf("JoinDocument")).toHaveLength(1);
  });

  it("Gap_the_fetch_does_not_close_is_closed_by_joining_again_with_sinceVersion", async () => {
    const h = await joined();
    h.hub.applied(commented(9));
    await vi.advanceTimersByTimeAsync(gapWaitMs);
    h.reads.eventCalls[0]?.answer.resolve([commented(6)]);
    await settled();
    expect(h.session.version).toBe(6);
    expect(h.hub.waiting("JoinDocument").request).toEqual({ documentId: "doc-1", sinceVersion: 6 });
    h.hub.answerJoin({ version: 9, events: [commented(7), commented(8), commented(9)] });
    await settled();
    expect(h.session.version).toBe(9);
    expect(h.session.sync).toBe("in-sync");
  });

  it("Leaving_stops_the_wait_for_a_gap", async () => {
    const h = await joined();
    h.hub.applied(commented(7));
    void h.session.leave();
    await vi.advanceTimersByTimeAsync(gapWaitMs * 2);
    expect(h.reads.eventCalls).toHaveLength(0);
  });

  it("Failed_fetch_shows_out_of_sync", async () => {
    const h = await joined();
    h.hub.applied(commented(7));
    await vi.advanceTimersByTimeAsync(gapWaitMs);
    h.reads.eventCalls[0]?.answer.reject(new Error("503"));
    await settled();
    expect(h.session.sync).toBe("out-of-sync");
    expect(h.session.version).toBe(5);
  });

  it("Unknown_envelope_type_re_reads_the_whole_document", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "proposal-decided", { proposalId: "x", paragraphId: "a" }));
    expect(h.reads.documentCalls).toHaveLength(1);
    expect(h.session.version).toBe(6);
    expect(h.changes).not.toContainEqual(expect.objectContaining({ kind: "document", envelope: expect.objectContaining({ version: 6 }) }));
    h.reads.documentCalls[0]?.resolve(documentAt(6, [paragraph("a", "[Alpha / Proposed]", 6)]));
    await settled();
    expect(textOf(h, "a")).toBe("[Alpha / Proposed]");
    expect(textOf(h, "b")).toBeUndefined();
  });

  it("Envelopes_that_raced_with_the_re_read_are_applied_on_top_of_it", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}));
    h.hub.applied(edited(7, "a", "seven"));
    h.hub.applied(edited(9, "a", "nine"));
    // The read was served at version 6: versions 7 (applied meanwhile) and 9 (still buffered) are not in it.
    h.reads.documentCalls[0]?.resolve(documentAt(6, [paragraph("a", "read at six", 2), paragraph("c", "new", 6)]));
    await settled();
    expect(h.session.version).toBe(7);
    expect(textOf(h, "a")).toBe("seven");
    expect(textOf(h, "c")).toBe("new");
    h.hub.applied(edited(8, "a", "eight"));
    expect(h.session.version).toBe(9);
    expect(textOf(h, "a")).toBe("nine");
    expect(h.reads.documentCalls).toHaveLength(1);
  });

  it("Re_read_that_is_already_past_the_raced_envelopes_keeps_its_own_state", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}), edited(7, "a", "seven"));
    h.reads.documentCalls[0]?.resolve(documentAt(8, [paragraph("a", "eight", 8)]));
    await settled();
    expect(h.session.version).toBe(8);
    expect(textOf(h, "a")).toBe("eight");
  });

  it("Second_unknown_envelope_during_a_re_read_reads_once_more_after_it", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}), envelope(7, "some-new-type", {}));
    expect(h.reads.documentCalls).toHaveLength(1);
    h.reads.documentCalls[0]?.resolve(documentAt(6, [paragraph("a", "at six", 2)]));
    await settled();
    expect(h.reads.documentCalls).toHaveLength(2);
    h.reads.documentCalls[1]?.resolve(documentAt(7, [paragraph("a", "at seven", 2)]));
    await settled();
    expect(h.session.version).toBe(7);
    expect(textOf(h, "a")).toBe("at seven");
  });

  it("Re_read_older_than_the_unknown_envelope_reads_again", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}), commented(7));
    h.reads.documentCalls[0]?.resolve(standardDocument(5));
    await settled();
    expect(h.reads.documentCalls).toHaveLength(2);
  });

  it("Re_read_older_than_the_envelopes_still_remembered_catches_up_over_REST", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}));
    for (let version = 7; version <= 700; version++) h.hub.applied(commented(version));
    h.reads.documentCalls[0]?.resolve(standardDocument(5));
    await settled();
    expect(h.reads.eventCalls.map((c) => c.after)).toEqual([5]);
  });

  it("Envelope_for_a_paragraph_never_seen_re_reads_the_document", async () => {
    const h = await joined();
    h.hub.applied(edited(6, "zz", "unknown paragraph"));
    expect(h.reads.documentCalls).toHaveLength(1);
  });

  it("Failed_re_read_shows_out_of_sync", async () => {
    const h = await joined();
    h.hub.applied(envelope(6, "some-new-type", {}));
    h.reads.documentCalls[0]?.reject(new Error("offline"));
    await settled();
    expect(h.session.sync).toBe("out-of-sync");
  });

  it("Catch_up_that_fails_is_followed_by_a_rejoin_with_sinceVersion", async () => {
    const h = await joined();
    h.hub.applied(commented(8));
    await vi.advanceTimersByTimeAsync(gapWaitMs);
    h.reads.eventCalls[0]?.answer.reject(new Error("fetch failed"));
    await settled();
    expect(h.session.sync).toBe("out-of-sync");
    expect(h.hub.callsOf("JoinDocument")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(h.hub.waiting("JoinDocument").request).toMatchObject({ sinceVersion: 5 });
  });
});
