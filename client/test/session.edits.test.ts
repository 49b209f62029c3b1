import { describe, expect, it } from "vitest";
import { commented, deleted, edited, textResult } from "./builders";
import { settled } from "./fakes";
import { joined, textOf } from "./harness";

const editCalls = (h: Awaited<ReturnType<typeof joined>>) => h.hub.callsOf("EditParagraph");

describe("DocumentSession edits in flight", () => {
  it("Begin_opens_the_paragraph_on_its_text_and_revision", async () => {
    const h = await joined();
    expect(h.session.begin("a")).toMatchObject({ paragraphId: "a", text: "Alpha text", base: 2, inFlight: null });
    expect(h.session.begin("zz")).toBeUndefined();
  });

  it("Flush_sends_one_EditParagraph_on_the_base_revision_with_a_clientOpId", async () => {
    const h = await joined();
    h.session.type("a", "Alpha text, amended");
    void h.session.flush("a");
    expect(h.hub.waiting("EditParagraph").request).toEqual({
      documentId: "doc-1", paragraphId: "a", baseRevision: 2, text: "Alpha text, amended", clientOpId: "op-1",
    });
    expect(h.session.edits.get("a")?.inFlight).toEqual({ text: "Alpha text, amended", base: 2, clientOpId: "op-1" });
  });

  it("Flush_of_an_unchanged_paragraph_sends_nothing", async () => {
    const h = await joined();
    h.session.begin("a");
    await h.session.flush("a");
    expect(h.hub.calls).toHaveLength(1);
  });

  it("Only_one_EditParagraph_is_in_flight_per_paragraph", async () => {
    const h = await joined();
    h.session.type("a", "one");
    void h.session.flush("a");
    h.session.type("a", "one two");
    void h.session.flush("a");
    void h.session.flush("a");
    expect(editCalls(h)).toHaveLength(1);
  });

  it("Typing_while_an_edit_is_in_flight_is_sent_after_the_answer_on_its_revision", async () => {
    const h = await joined();
    h.session.type("a", "one");
    void h.session.flush("a");
    h.session.type("a", "one two");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "one"));
    await settled();
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 6, text: "one two", clientOpId: "op-2" });
    expect(h.session.edits.get("a")?.text).toBe("one two");
  });

  it("Edits_of_different_paragraphs_are_in_flight_together", async () => {
    const h = await joined();
    h.session.type("a", "A!");
    h.session.type("b", "B!");
    void h.session.flush("a");
    void h.session.flush("b");
    expect(editCalls(h).map((c) => c.request.paragraphId)).toEqual(["a", "b"]);
  });

  it("Applied_answer_shows_the_servers_normalised_text", async () => {
    const h = await joined();
    h.session.type("a", "Café  ");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Café"));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Café", base: 6, inFlight: null });
  });

  it("Merged_answer_shows_the_merged_text", async () => {
    const h = await joined();
    h.session.type("a", "Alpha text, mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("merged", 7, "Their Alpha text, mine", 7));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Their Alpha text, mine", base: 7, inFlight: null, conflict: null });
    expect(h.changes.filter((c) => c.kind === "notice")).toHaveLength(1);
  });

  it("Merged_answer_with_typing_since_sends_that_typing_rebased_on_the_merged_text", async () => {
    const h = await joined();
    h.session.type("a", "Alpha text, mine");
    void h.session.flush("a");
    h.session.type("a", "Alpha text, mine and more");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("merged", 7, "Their Alpha text, mine"));
    await settled();
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 7, text: "Their Alpha text, mine and more" });
  });

  it("Merged_answer_with_typing_since_in_the_words_the_other_changed_sends_it_on_the_old_base_for_the_server_to_merge", async () => {
    const h = await joined();
    h.session.type("a", "Alpha text, mine");
    void h.session.flush("a");
    h.session.type("a", "Alpha TEXT, mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("merged", 7, "Alpha words, mine"));
    await settled();
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 2, text: "Alpha TEXT, mine" });
  });

  it("Conflict_keeps_my_text_and_shows_theirs", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("conflict", 7, "Theirs", 7));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine", conflict: { mine: "Mine", theirs: "Theirs", revision: 7 } });
    await h.session.flush("a");
    await h.session.end("a");
    expect(editCalls(h)).toHaveLength(1);
    expect(h.session.edits.has("a")).toBe(true);
  });

  it("Settling_a_conflict_sends_the_chosen_text_on_their_revision_and_sets_mine_aside", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("conflict", 7, "Theirs", 7));
    await settled();
    const settling = h.session.settle("a", "Theirs and some of mine");
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 7, text: "Theirs and some of mine", clientOpId: "op-2" });
    expect(h.session.setAside).toEqual(["Mine"]);
    h.hub.waiting("EditParagraph").answer(textResult("applied", 8, "Theirs and some of mine"));
    h.hub.applied(commented(6, "b"), edited(7, "a", "Theirs"), edited(8, "a", "Theirs and some of mine"));
    await settling;
    await h.session.end("a");
    expect(h.session.edits.has("a")).toBe(false);
  });

  it("Settling_a_conflict_with_my_own_text_sets_nothing_aside", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("conflict", 7, "Theirs", 7));
    await settled();
    void h.session.settle("a", "Mine");
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 7, text: "Mine" });
    expect(h.session.setAside).toEqual([]);
  });

  it("Settling_with_their_text_keeps_what_I_typed_during_the_conflict", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").answer(textResult("conflict", 7, "Theirs", 7));
    await settled();
    h.session.type("a", "Mine, reworded while deciding");
    void h.session.settle("a", "Theirs");
    expect(h.session.setAside).toEqual(["Mine", "Mine, reworded while deciding"]);
  });

  it("Locked_refusal_keeps_the_text_and_the_error_and_sends_nothing_more", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").refuse("locked", "paragraph is agreed");
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine", inFlight: null });
    expect(h.session.edits.get("a")?.error).toContain("agreed");
    await h.session.end("a");
    expect(editCalls(h)).toHaveLength(1);
    expect(h.session.edits.get("a")?.text).toBe("Mine");
  });

  it("Discarding_a_refused_edit_moves_its_text_to_setAside", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").refuse("locked");
    await settled();
    h.session.discard("a");
    expect(h.session.edits.has("a")).toBe(false);
    expect(h.session.setAside).toEqual(["Mine"]);
    expect(h.store.load("doc-1")).toMatchObject({ edits: [], setAside: ["Mine"] });
  });

  it("Discarding_an_unchanged_edit_sets_nothing_aside", async () => {
    const h = await joined();
    h.session.begin("a");
    h.session.discard("a");
    expect(h.session.setAside).toEqual([]);
  });

  it("Remote_edit_of_a_paragraph_I_opened_but_did_not_change_moves_me_to_the_new_text", async () => {
    const h = await joined();
    h.session.begin("a");
    h.hub.applied(edited(6, "a", "Their new text"));
    expect(h.session.edits.get("a")).toMatchObject({ text: "Their new text", base: 6 });
    await h.session.flush("a");
    expect(editCalls(h)).toHaveLength(0);
  });

  it("Remote_edit_of_a_paragraph_I_changed_keeps_my_text_for_the_server_to_merge", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    h.hub.applied(edited(6, "a", "Theirs"));
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine", base: 2 });
    expect(textOf(h, "a")).toBe("Theirs");
    void h.session.flush("a");
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ baseRevision: 2, text: "Mine" });
  });

  it("Remote_edit_that_lands_before_my_answer_is_shown_once_my_answer_comes", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.hub.applied(edited(6, "a", "Mine"), edited(7, "a", "Mine, and theirs"));
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Mine"));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine, and theirs", base: 7 });
    await h.session.flush("a");
    expect(editCalls(h)).toHaveLength(1);
  });

  it("End_forgets_the_edit_once_the_server_has_all_of_it", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    const ending = h.session.end("a");
    h.hub.applied(edited(6, "a", "Mine"));
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Mine"));
    await ending;
    expect(h.session.edits.has("a")).toBe(false);
    expect(h.store.load("doc-1").edits).toEqual([]);
  });

  it("Edit_begun_again_after_a_discard_is_sent_once_the_discarded_call_settles", async () => {
    const h = await joined();
    h.session.type("a", "First try");
    void h.session.flush("a");
    h.session.discard("a");
    h.session.type("a", "Second try");
    void h.session.flush("a");
    expect(h.hub.pending("EditParagraph")).toHaveLength(1);
    h.hub.waiting("EditParagraph").refuse("locked");
    await settled();
    expect(h.hub.waiting("EditParagraph").request).toMatchObject({ text: "Second try", clientOpId: "op-2" });
    expect(h.session.edits.get("a")?.error).toBeNull();
  });

  it("End_forgets_the_edit_when_its_own_envelope_arrives_after_the_answer", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    const ending = h.session.end("a");
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Mine"));
    await ending;
    h.hub.applied(edited(6, "a", "Mine"));
    expect(h.session.edits.has("a")).toBe(false);
    expect(h.hub.callsOf("EditParagraph")).toHaveLength(1);
  });

  it("End_while_an_edit_is_in_flight_forgets_it_once_the_server_has_it", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    await h.session.end("a");
    expect(h.session.edits.has("a")).toBe(true);
    h.hub.applied(edited(6, "a", "Mine"));
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Mine"));
    await settled();
    expect(h.session.edits.has("a")).toBe(false);
  });

  it("Paragraph_opened_again_after_end_is_not_forgotten_under_the_person", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    await h.session.end("a");
    h.session.begin("a");
    h.hub.applied(edited(6, "a", "Mine"));
    h.hub.waiting("EditParagraph").answer(textResult("applied", 6, "Mine"));
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine", base: 6 });
  });

  it("Edit_of_a_paragraph_deleted_meanwhile_is_refused_and_its_text_kept", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    h.hub.applied(deleted(6, "a"));
    void h.session.flush("a");
    h.hub.waiting("EditParagraph").refuse("not-found", "the paragraph was deleted");
    await settled();
    expect(h.session.edits.get("a")).toMatchObject({ text: "Mine", error: "the paragraph was deleted" });
    h.session.discard("a");
    expect(h.session.setAside).toEqual(["Mine"]);
  });

  it("Answer_to_an_edit_discarded_meanwhile_is_ignored", async () => {
    const h = await joined();
    h.session.type("a", "Mine");
    void h.session.flush("a");
    h.session.discard("a");
    h.hub.waiting("EditParagraph").answer(textResult("conflict", 6, "Theirs"));
    await settled();
    expect(h.session.edits.has("a")).toBe(false);
  });
});
