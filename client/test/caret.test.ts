import { describe, expect, it } from "vitest";
import { mapOffset } from "../src/ui/document/editor";

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
