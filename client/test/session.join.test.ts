import { describe, expect, it } from "vitest";
import { DraftingError } from "../src/errors";
import { documentAt, edited, paragraph, standardDocument } from "./builders";
import { settled } from "./fakes";
import { joined, open, textOf } from "./harness";

describe("DocumentSession joining", () => {
  it("First_join_asks_for_the_whole_document_and_holds_it", async () => {
    const h = open();
    const joining = h.session.join();
    expect(h.session.sync).toBe("joining");
    expect(h.hub.waiting("JoinDocument").request).toEqual({ documentId: "doc-1", sinceVersion: null });
    h.hub.answerJoin({ version: 5, document: standardDocument() });
    await joining;
    expect(h.session.version).toBe(5);
    expect(textOf(h, "a")).toBe("Alpha text");
    expect(h.session.sync).toBe("in-sync");
    expect(h.changes).toContainEqual({ kind: "sync", status: "in-sync" });
  });

  it("Envelopes_at_or_below_the_joined_version_are_ignored", async () => {
    const h = await joined();
    h.hub.applied(edited(5, "a", "already counted"), edited(4, "a", "older still"));
    expect(textOf(h, "a")).toBe("Alpha text");
    h.hub.applied(edited(6, "a", "newer"));
    expect(textOf(h, "a")).toBe("newer");
    expect(h.session.version).toBe(6);
  });

  it("Envelopes_of_another_document_are_ignored", async () => {
    const h = await joined();
    h.hub.applied({ ...edited(6, "a", "elsewhere"), documentId: "doc-2" });
    expect(h.session.version).toBe(5);
  });

  it("Envelope_that_arrives_before_the_first_join_answer_is_applied_after_it", async () => {
    const h = open();
    const joining = h.session.join();
    // The server added us to the group before reading the state: version 6 may overtake the answer.
    h.hub.applied(edited(5, "a", "counted in the answer"), edited(6, "a", "after the read"));
    h.hub.answerJoin({ version: 5, document: standardDocument() });
    await joining;
    await settled();
    expect(h.session.version).toBe(6);
    expect(textOf(h, "a")).toBe("after the read");
    expect(h.session.sync).toBe("in-sync");
  });

  it("Rejoin_after_a_reconnect_sends_sinceVersion_and_applies_the_events_returned", async () => {
    const h = await joined();
    h.hub.disconnect();
    h.hub.reconnect();
    expect(h.hub.waiting("JoinDocument").request).toEqual({ documentId: "doc-1", sinceVersion: 5 });
    expect(h.session.sync).toBe("catching-up");
    h.hub.answerJoin({ version: 7, events: [edited(6, "a", "six"), edited(7, "b", "seven")] });
    await settled();
    expect(h.session.version).toBe(7);
    expect([textOf(h, "a"), textOf(h, "b")]).toEqual(["six", "seven"]);
    expect(h.session.sync).toBe("in-sync");
    expect(h.reads.eventCalls).toHaveLength(0);
    expect(h.reads.documentCalls).toHaveLength(0);
  });

  it("Rejoin_answered_with_a_whole_document_replaces_the_one_held", async () => {
    const h = await joined();
    h.hub.reconnect();
    h.hub.answerJoin({ version: 1500, document: documentAt(1500, [paragraph("z", "Far ahead", 1400)]) });
    await settled();
    expect(h.session.version).toBe(1500);
    expect(h.session.doc?.paragraphs.map((p) => p.id)).toEqual(["z"]);
    expect(h.session.sync).toBe("in-sync");
  });

  it("Envelopes_that_overtake_a_rejoin_answered_with_a_whole_document_are_kept", async () => {
    const h = await joined();
    h.hub.reconnect();
    h.hub.applied(edited(1501, "z", "overtook the answer"));
    h.hub.answerJoin({ version: 1500, document: documentAt(1500, [paragraph("z", "Far ahead", 1400)]) });
    await settled();
    expect(h.session.version).toBe(1501);
    expect(textOf(h, "z")).toBe("overtook the answer");
  });

  it("Rejoin_after_a_server_restore_drops_what_the_server_no_longer_has", async () => {
    const h = await joined(documentAt(5, [paragraph("a", "Restored", 2)]));
    h.hub.applied(edited(6, "a", "lost in the restore"), edited(7, "a", "lost too"));
    h.hub.reconnect();
    expect(h.hub.waiting("JoinDocument").request).toMatchObject({ sinceVersion: 7 });
    h.hub.answerJoin({ version: 5, document: documentAt(5, [paragraph("a", "Restored", 2)]) });
    await settled();
    expect(textOf(h, "a")).toBe("Restored");
    expect(h.session.version).toBe(5);
    // The restored server's next version 6 is not the 6 this tab saw before: it must be taken.
    h.hub.applied(edited(6, "a", "after the restore"));
    expect(textOf(h, "a")).toBe("after the restore");
  });

  it("Join_answer_whose_events_stop_short_fetches_the_rest_over_REST", async () => {
    const h = await joined();
    h.hub.reconnect();
    h.hub.answerJoin({ version: 8, events: [edited(6, "a", "six")] });
    await settled();
    expect(h.reads.eventCalls.map((c) => c.after)).toEqual([6]);
    expect(h.session.sync).toBe("catching-up");
    h.reads.eventCalls[0]?.answer.resolve([edited(7, "a", "seven"), edited(8, "b", "eight")]);
    await settled();
    expect(h.session.version).toBe(8);
    expect(h.session.sync).toBe("in-sync");
  });

  it("Join_refused_by_the_server_throws_its_code_and_shows_out_of_sync", async () => {
    const h = open();
    const joining = h.session.join();
    h.hub.waiting("JoinDocument").refuse("not-found", "no such document");
    await expect(joining).rejects.toMatchObject({ code: "not-found" });
    await expect(joining).rejects.toBeInstanceOf(DraftingError);
    expect(h.session.sync).toBe("out-of-sync");
  });

  it("Join_that_fails_on_the_network_joins_again_when_the_connection_is_back", async () => {
    const h = open();
    const joining = h.session.join();
    h.hub.disconnect();
    await joining;
    expect(h.session.sync).toBe("out-of-sync");
    h.hub.reconnect();
    h.hub.answerJoin({ version: 5, document: standardDocument() });
    await settled();
    expect(h.session.version).toBe(5);
    expect(h.session.sync).toBe("in-sync");
  });

  it("Reconnect_before_any_join_joins_nothing", () => {
    const h = open();
    h.hub.reconnect();
    expect(h.hub.calls).toHaveLength(0);
  });

  it("Leave_tells_the_server_and_stops_listening", async () => {
    const h = await joined();
    void h.session.leave();
    expect(h.hub.waiting("LeaveDocument").request).toEqual({ documentId: "doc-1" });
    h.hub.applied(edited(6, "a", "after leaving"));
    h.hub.reconnect();
    expect(textOf(h, "a")).toBe("Alpha text");
    expect(h.hub.callsOf("JoinDocument")).toHaveLength(1);
  });

  it("Joins_asked_for_while_one_is_under_way_share_it_and_then_join_once_more", async () => {
    const h = await joined();
    const first = h.session.join();
    const second = h.session.join();
    expect(h.hub.pending("JoinDocument")).toHaveLength(1);
    h.hub.answerJoin({ version: 5, events: [] });
    await settled();
    expect(h.hub.pending("JoinDocument")).toHaveLength(1);
    h.hub.answerJoin({ version: 5, events: [] });
    await Promise.all([first, second]);
    expect(h.hub.callsOf("JoinDocument")).toHaveLength(3);
  });
});
