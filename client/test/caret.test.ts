import { describe, expect, it } from "vitest";
import { mapOffset, rebaseTyping } from "../src/text";

// When the server's text replaces the editor's (a merge, a normalisation), the caret keeps its place
// relative to the words around it.
describe("mapOffset", () => {
  const before = "Recommends cooperation among stakeholders.";

  it("Caret_before_the_change_stays_where_it_was", () => {
    const after = "Recommends cooperation among all stakeholders.";
    expect(mapOffset(before, after, 5)).toBe(5);
  });

  it("Caret_after_the_change_moves_with_the_text_it_was_in", () => {
    const after = "Recommends close cooperation among stakeholders.";
    const atStakeholders = before.indexOf("stakeholders");
    expect(mapOffset(before, after, atStakeholders)).toBe(after.indexOf("stakeholders"));
  });

  it("Caret_inside_a_replaced_region_goes_to_the_end_of_the_replacement", () => {
    const after = "Recommends collaboration among stakeholders.";
    const insideCooperation = before.indexOf("cooperation") + 4;
    // "co|ope|ration" became "co|llabo|ration": the changed region is the middle part only.
    expect(mapOffset(before, after, insideCooperation)).toBe(after.indexOf("ration among"));
  });

  it("Caret_at_the_end_stays_at_the_end_when_text_is_added_earlier", () => {
    const after = "Strongly recommends cooperation among stakeholders.";
    expect(mapOffset(before, after, before.length)).toBe(after.length);
  });

  it("Unchanged_text_keeps_every_offset", () => {
    for (const offset of [0, 10, before.length]) expect(mapOffset(before, before, offset)).toBe(offset);
  });
});

describe("rebaseTyping", () => {
  it("Typing_at_the_end_follows_a_change_at_the_start", () => {
    expect(rebaseTyping("Recommends cooperation.", "Recommends cooperation among all.", "Strongly recommends cooperation.")).toBe(
      "Strongly recommends cooperation among all.");
  });

  it("Typing_at_the_start_keeps_a_change_at_the_end", () => {
    expect(rebaseTyping("cooperation among states.", "Enhanced cooperation among states.", "cooperation among all states.")).toBe(
      "Enhanced cooperation among all states.");
  });

  it("Typing_beside_words_the_other_changed_is_carried_and_typing_inside_them_is_left_to_the_server", () => {
    expect(rebaseTyping("shall cooperate", "shall closely cooperate", "should cooperate")).toBe("should closely cooperate");
    expect(rebaseTyping("one two three", "one two THREE", "one two 3")).toBeNull();
  });

  it("No_typing_gives_the_merged_text", () => {
    expect(rebaseTyping("a b", "a b", "x a b")).toBe("x a b");
  });
});

