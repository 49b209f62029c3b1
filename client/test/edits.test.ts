import { describe, expect, it } from "vitest";
import { answered, type LocalEdit, remoteEdit, settle, startEdit, unsent } from "../src/edits";
import { textResult } from "./builders";

const sending = (edit: LocalEdit, clientOpId = "op-1"): LocalEdit =>
  ({ ...edit, inFlight: { text: edit.text, base: edit.base, clientOpId } });

const typed = (edit: LocalEdit, text: string): LocalEdit => ({ ...edit, text });

describe("LocalEdit", () => {
  it("Start_edit_holds_the_paragraph_text_on_its_revision", () => {
    expect(startEdit("a", "Alpha", 4)).toEqual({ paragraphId: "a", text: "Alpha", base: 4, inFlight: null, conflict: null, error: null });
  });

  it("Applied_takes_the_servers_normalised_text_and_revision", () => {
    const edit = sending(typed(startEdit("a", "Alpha", 4), "Alpha\r\nbeta "));
    expect(answered(edit, textResult("applied", 9, "Alpha\nbeta", 9))).toMatchObject({ text: "Alpha\nbeta", base: 9, inFlight: null });
  });

  it("Applied_keeps_typing_done_since_sending_on_the_new_revision", () => {
    const edit = typed(sending(typed(startEdit("a", "Alpha", 4), "Alpha b")), "Alpha be");
    expect(answered(edit, textResult("applied", 9, "Alpha b"))).toMatchObject({ text: "Alpha be", base: 9, inFlight: null });
  });

  it("Applied_clears_an_earlier_error", () => {
    const edit = { ...sending(typed(startEdit("a", "A", 1), "B")), error: "old" };
    expect(answered(edit, textResult("applied", 2, "B")).error).toBeNull();
  });

  it("Merged_takes_the_merged_text_when_nothing_was_typed_since", () => {
    const edit = sending(typed(startEdit("a", "one two", 4), "one two three"));
    expect(answered(edit, textResult("merged", 9, "zero one two three", 9))).toMatchObject({ text: "zero one two three", base: 9, inFlight: null });
  });

  it("Merged_carries_typing_since_onto_the_merged_text_when_the_other_change_was_elsewhere", () => {
    const edit = typed(sending(typed(startEdit("a", "one two", 4), "one two three")), "one two three four");
    expect(answered(edit, textResult("merged", 9, "zero one two three"))).toMatchObject({ text: "zero one two three four", base: 9, inFlight: null });
  });

  it("Merged_keeps_typing_since_on_the_old_base_when_the_other_change_touched_the_same_words", () => {
    const edit = typed(sending(typed(startEdit("a", "one two", 4), "one two three")), "one two THREE");
    expect(answered(edit, textResult("merged", 9, "one two 3"))).toMatchObject({ text: "one two THREE", base: 4, inFlight: null });
  });

  it("Conflict_keeps_my_text_and_holds_theirs_with_its_revision", () => {
    const edit = sending(typed(startEdit("a", "one", 4), "mine"));
    expect(answered(edit, textResult("conflict", 8, "theirs", 7))).toMatchObject({
      text: "mine", base: 4, inFlight: null, conflict: { mine: "mine", theirs: "theirs", revision: 7 },
    });
  });

  it("Conflict_keeps_typing_done_since_sending_as_mine", () => {
    const edit = typed(sending(typed(startEdit("a", "one", 4), "mine")), "mine more");
    expect(answered(edit, textResult("conflict", 8, "theirs", 7)).conflict?.mine).toBe("mine more");
  });

  it("Unknown_outcome_keeps_the_text_and_says_so", () => {
    const edit = sending(typed(startEdit("a", "one", 4), "mine"));
    const next = answered(edit, textResult("postponed", 8, "other"));
    expect(next).toMatchObject({ text: "mine", base: 4, inFlight: null, conflict: null });
    expect(next.error).toContain("postponed");
  });

  it("An_answer_with_nothing_in_flight_changes_nothing", () => {
    const edit = typed(startEdit("a", "one", 4), "mine");
    expect(answered(edit, textResult("applied", 9, "x"))).toBe(edit);
  });

  it("Remote_edit_moves_an_untouched_edit_to_the_new_text", () => {
    const edit = startEdit("a", "old", 4);
    expect(remoteEdit(edit, { text: "old", revision: 4 }, { text: "new", revision: 6 })).toMatchObject({ text: "new", base: 6 });
  });

  it.each<[string, LocalEdit]>([
    ["changed", typed(startEdit("a", "old", 4), "mine")],
    ["in flight", sending(startEdit("a", "old", 4))],
    ["in conflict", { ...startEdit("a", "old", 4), conflict: { mine: "old", theirs: "x", revision: 5 } }],
    ["on another base", startEdit("a", "old", 3)],
  ])("Remote_edit_leaves_an_edit_that_is_%s", (_name, edit) => {
    expect(remoteEdit(edit, { text: "old", revision: 4 }, { text: "new", revision: 6 })).toBe(edit);
  });

  it("Unsent_is_false_only_when_the_server_has_exactly_this_text_on_this_revision", () => {
    const edit = startEdit("a", "same", 4);
    expect(unsent(edit, { text: "same", revision: 4 })).toBe(false);
    expect(unsent(typed(edit, "other"), { text: "same", revision: 4 })).toBe(true);
    expect(unsent(edit, { text: "same", revision: 5 })).toBe(true);
    expect(unsent(edit, undefined)).toBe(true);
    expect(unsent(sending(edit), { text: "same", revision: 4 })).toBe(true);
    expect(unsent({ ...edit, conflict: { mine: "same", theirs: "x", revision: 5 } }, { text: "same", revision: 4 })).toBe(true);
  });

  it("Settle_takes_the_chosen_text_on_their_revision", () => {
    const edit: LocalEdit = { ...startEdit("a", "old", 4), text: "mine", conflict: { mine: "mine", theirs: "theirs", revision: 7 }, error: "x" };
    expect(settle(edit, "mine and theirs")).toMatchObject({ text: "mine and theirs", base: 7, conflict: null, error: null });
  });

  it("Settle_without_a_conflict_changes_nothing", () => {
    const edit = startEdit("a", "old", 4);
    expect(settle(edit, "x")).toBe(edit);
  });
});
