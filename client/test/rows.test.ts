import { describe, expect, it } from "vitest";
import { type CellEdit, caughtUp, cellAnswered, filterRows, itemsOf, nextSort, type Row, rowsOf, sending, shownValue, sortRows } from "../src/rows";
import { annex, row } from "./builders";

const rows = () => rowsOf(annex());
const ids = (list: Row[]) => list.map((r) => r.id);
const fieldsOf = (r: Row) => r.fields;

describe("filter and sort of the mapping table", () => {
  it("A_blank_filter_keeps_every_row_in_document_order", () => {
    expect(ids(filterRows(rows(), "  "))).toEqual(["r1", "r2", "r3"]);
  });

  it("The_filter_matches_any_field_ignoring_case_and_accents_and_needs_every_word", () => {
    expect(ids(filterRows(rows(), "SECURITY"))).toEqual(["r1", "r2"]);
    expect(ids(filterRows(rows(), "elan"))).toEqual(["r3"]);
    expect(ids(filterRows(rows(), "security closed"))).toEqual(["r2"]);
    expect(ids(filterRows(rows(), "security infrastructure"))).toEqual([]);
  });

  it("The_filter_matches_the_display_number", () => {
    expect(ids(filterRows(rows(), "3"))).toEqual(["r3"]);
  });

  it("Sorting_by_a_field_orders_the_rows_and_ties_keep_the_document_order", () => {
    expect(ids(sortRows(rows(), { column: "issue", direction: "ascending" }))).toEqual(["r3", "r2", "r1"]);
    expect(ids(sortRows(rows(), { column: "status", direction: "ascending" }))).toEqual(["r2", "r1", "r3"]);
    expect(ids(sortRows(rows(), { column: "status", direction: "descending" }))).toEqual(["r1", "r3", "r2"]);
  });

  it("Sorting_by_number_compares_numbers_not_strings", () => {
    const list = [row("a", "10", { issue: "x" }), row("b", "2", { issue: "y" }), row("c", "3 bis", { issue: "z" }), row("d", "3", { issue: "w" })] as Row[];
    expect(ids(sortRows(list, { column: "number", direction: "ascending" }))).toEqual(["b", "d", "c", "a"]);
  });

  it("No_sort_keeps_the_document_order_and_a_click_toggles_the_direction", () => {
    expect(ids(sortRows(rows(), null))).toEqual(["r1", "r2", "r3"]);
    const first = nextSort(null, "issue");
    expect(first).toEqual({ column: "issue", direction: "ascending" });
    expect(nextSort(first, "issue")).toEqual({ column: "issue", direction: "descending" });
    expect(nextSort(nextSort(first, "issue"), "issue")).toEqual({ column: "issue", direction: "ascending" });
    expect(nextSort(first, "status")).toEqual({ column: "status", direction: "ascending" });
  });

  it("A_row_stands_for_itself_and_the_rows_merged_into_it", () => {
    expect(itemsOf(row("a", "1", { issue: "x" }))).toBe(1);
    expect(itemsOf(row("a", "1", { issue: "x" }, 1, { mergedFrom: ["b", "c"] }))).toBe(3);
  });
});

describe("one cell's edit", () => {
  const spam = () => rows()[0]!; // revision 2, issue "Spam"
  const typed = (): CellEdit => sending("r1", "issue", "Spam and scams", 2);

  it("While_sending_the_cell_shows_the_typed_value", () => {
    expect(shownValue(spam(), "issue", typed())).toBe("Spam and scams");
    expect(shownValue(spam(), "category", undefined)).toBe("Security");
  });

  it("Applied_shows_the_stored_value_until_the_document_reaches_its_revision", () => {
    const landed = cellAnswered(typed(), { outcome: "applied", version: 11, revision: 11, fields: { ...fieldsOf(spam()), issue: "Spam and scams" } });
    expect(landed).toMatchObject({ state: "landed", base: 11, value: "Spam and scams" });
    expect(shownValue(spam(), "issue", landed)).toBe("Spam and scams");
    expect(caughtUp(landed, spam())).toBe(false);
    const later = { ...spam(), revision: 11, fields: { ...fieldsOf(spam()), issue: "Spam and scams" } };
    expect(caughtUp(landed, later)).toBe(true);
    expect(shownValue(later, "issue", landed)).toBe("Spam and scams");
  });

  it("Merged_shows_the_merged_value_of_the_field", () => {
    const merged = cellAnswered(typed(), { outcome: "merged", version: 12, revision: 12, fields: { ...fieldsOf(spam()), issue: "Spam and scams", status: "closed" } });
    expect(merged).toMatchObject({ state: "landed", value: "Spam and scams", base: 12 });
  });

  it("Conflict_keeps_the_typed_value_and_shows_the_current_one_in_the_cell", () => {
    const conflict = cellAnswered(typed(), { outcome: "conflict", version: 12, revision: 12, fields: { ...fieldsOf(spam()), issue: "Unsolicited e-mail" } });
    expect(conflict).toMatchObject({ state: "conflict", value: "Spam and scams", theirs: "Unsolicited e-mail", base: 12 });
    const now = { ...spam(), revision: 12, fields: { ...fieldsOf(spam()), issue: "Unsolicited e-mail" } };
    expect(shownValue(now, "issue", conflict)).toBe("Unsolicited e-mail");
    expect(caughtUp(conflict, now)).toBe(false); // kept until the person re-applies or drops it
  });

  it("An_unknown_outcome_keeps_the_typed_value_as_refused", () => {
    const odd = cellAnswered(typed(), { outcome: "postponed", version: 12, revision: 12, fields: fieldsOf(spam()) });
    expect(odd).toMatchObject({ state: "refused", value: "Spam and scams" });
    expect(odd.error).toContain("kept");
  });
});
