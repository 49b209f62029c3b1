import { describe, expect, it } from "vitest";
import { countTopLevelBrackets, type Draft, fold, visible } from "../src/fold";
import {
  commented, deleted, documentAt, edited, envelope, inserted, moved, paragraph, someone, standardDocument,
} from "./builders";

const ids = (doc: Draft | null) => doc?.paragraphs.map((p) => p.id);
const visibleIds = (doc: Draft | null) => (doc ? visible(doc).map((p) => p.id) : undefined);
const must = (doc: Draft | null): Draft => {
  if (!doc) throw new Error("fold returned null");
  return doc;
};

describe("fold", () => {
  it("Document_created_only_moves_the_version", () => {
    const doc = documentAt(0);
    const next = fold(doc, envelope(1, "document-created", { title: "T", kind: "report", symbol: null }));
    expect(next).toEqual({ ...doc, version: 1 });
  });

  it("Paragraph_inserted_lands_after_the_named_paragraph_with_its_version_as_revision", () => {
    const next = must(fold(standardDocument(), inserted(6, "n", "a", "New [text]")));
    expect(ids(next)).toEqual(["a", "n", "b"]);
    expect(next.version).toBe(6);
    expect(next.paragraphs[1]).toMatchObject({ id: "n", text: "New [text]", status: "draft", revision: 6, comments: [] });
  });

  it("Paragraph_inserted_with_no_afterParagraphId_goes_to_the_top", () => {
    expect(ids(fold(standardDocument(), inserted(6, "n", null, "Top")))).toEqual(["n", "a", "b"]);
  });

  it("Paragraph_inserted_counts_the_open_brackets_of_its_html", () => {
    const withBrackets = envelope(6, "paragraph-inserted", {
      paragraphId: "n", afterParagraphId: "b", kind: "operative", text: "[x] and [y]",
      html: `<p><span class="bracket bracket-depth-1">[x]</span> and <span class="bracket bracket-depth-1">[y]</span></p>`,
      numbers: { n: "1" },
    });
    expect(must(fold(standardDocument(), withBrackets)).paragraphs[2]).toMatchObject({ openBrackets: 2, number: "1", kind: "operative" });
  });

  it("Paragraph_inserted_applies_the_numbers_it_carries", () => {
    const doc = documentAt(5, [paragraph("a", "A", 1, { number: "1" }), paragraph("b", "B", 1, { number: "2" })]);
    const next = must(fold(doc, inserted(6, "n", null, "N", { n: "1", a: "2", b: "3" })));
    expect(next.paragraphs.map((p) => [p.id, p.number])).toEqual([["n", "1"], ["a", "2"], ["b", "3"]]);
  });

  it("Paragraph_inserted_twice_asks_for_a_re_read", () => {
    expect(fold(standardDocument(), inserted(6, "a", null, "again"))).toBeNull();
  });

  it("Paragraph_inserted_after_a_paragraph_never_seen_asks_for_a_re_read", () => {
    expect(fold(standardDocument(), inserted(6, "n", "zz", "x"))).toBeNull();
  });

  it("Paragraph_inserted_after_a_tombstone_shows_after_the_nearest_paragraph_before_it", () => {
    const doc = documentAt(5, [paragraph("a", "A"), paragraph("b", "B"), paragraph("c", "C")]);
    const withTombstone = must(fold(doc, deleted(6, "b")));
    const next = must(fold(withTombstone, inserted(7, "n", "b", "N")));
    expect(visibleIds(next)).toEqual(["a", "n", "c"]);
    expect(ids(next)).toEqual(["a", "b", "n", "c"]);
  });

  it("Paragraph_edited_takes_text_html_revision_and_bracket_count", () => {
    const html = `<p><span class="bracket bracket-depth-1">[a <span class="bracket bracket-depth-2">[b]</span>]</span></p>`;
    const edit = envelope(6, "paragraph-edited", { paragraphId: "b", text: "[a [b]]", html, merged: true, revision: 6 });
    expect(must(fold(standardDocument(), edit)).paragraphs[1]).toMatchObject({ text: "[a [b]]", html, revision: 6, openBrackets: 1 });
  });

  it("Paragraph_edited_of_a_paragraph_never_seen_asks_for_a_re_read", () => {
    expect(fold(standardDocument(), edited(6, "zz", "x"))).toBeNull();
  });

  it("Paragraph_moved_goes_after_the_named_paragraph_and_takes_the_numbers", () => {
    const doc = documentAt(5, [paragraph("a", "A", 1, { number: "1" }), paragraph("b", "B", 1, { number: "2" }), paragraph("c", "C")]);
    const next = must(fold(doc, moved(6, "a", "b", { a: "2", b: "1" })));
    expect(next.paragraphs.map((p) => [p.id, p.number])).toEqual([["b", "1"], ["a", "2"], ["c", null]]);
    expect(ids(fold(doc, moved(6, "c", null)))).toEqual(["c", "a", "b"]);
  });

  it("Paragraph_moved_keeps_the_revision_of_its_text", () => {
    expect(must(fold(standardDocument(), moved(6, "a", "b"))).paragraphs[1]).toMatchObject({ id: "a", revision: 2 });
  });

  it("Paragraph_moved_that_is_unknown_asks_for_a_re_read", () => {
    expect(fold(standardDocument(), moved(6, "zz", "a"))).toBeNull();
    expect(fold(standardDocument(), moved(6, "a", "zz"))).toBeNull();
  });

  it("Paragraph_deleted_stays_as_a_tombstone_without_a_number_and_renumbers_the_rest", () => {
    const doc = documentAt(5, [paragraph("a", "A", 1, { number: "1" }), paragraph("b", "B", 1, { number: "2" })]);
    const next = must(fold(doc, deleted(6, "a", { b: "1" })));
    expect(next.paragraphs).toHaveLength(2);
    expect(next.paragraphs[0]).toMatchObject({ id: "a", deleted: true, number: null, text: "A" });
    expect(visible(next).map((p) => [p.id, p.number])).toEqual([["b", "1"]]);
  });

  it("Paragraph_status_changed_sets_the_status_and_keeps_the_revision", () => {
    const next = must(fold(standardDocument(), envelope(6, "paragraph-status-changed", { paragraphId: "a", status: "agreed", note: null })));
    expect(next.paragraphs[0]).toMatchObject({ status: "agreed", revision: 2 });
  });

  it("Comment_added_is_appended_by_the_actor_at_the_envelope_time", () => {
    const doc = must(fold(standardDocument(), commented(6, "a", "c1")));
    const next = must(fold(doc, commented(7, "a", "c2")));
    expect(next.paragraphs[0]?.comments.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(next.paragraphs[0]?.comments[0]).toMatchObject({ text: "comment 6", by: { name: someone.name }, resolved: false });
    expect(next.paragraphs[0]?.revision).toBe(2);
  });

  it("Comment_resolved_marks_only_that_comment", () => {
    const doc = must(fold(must(fold(standardDocument(), commented(6, "a", "c1"))), commented(7, "a", "c2")));
    const next = must(fold(doc, envelope(8, "comment-resolved", { paragraphId: "a", commentId: "c1" })));
    expect(next.paragraphs[0]?.comments.map((c) => c.resolved)).toEqual([true, false]);
  });

  it("Revision_tagged_adds_the_revision_and_renumbers", () => {
    const doc = documentAt(5, [paragraph("a", "A", 1, { number: "1 bis" })]);
    const next = must(fold(doc, envelope(6, "revision-tagged", { label: "Rev.1", note: "first", numbers: { a: "2" } })));
    expect(next.revisions).toEqual([{ label: "Rev.1", version: 6, at: "2025-01-01T00:00:06Z", note: "first" }]);
    expect(next.paragraphs[0]?.number).toBe("2");
  });

  it("Meeting_opened_and_closed_set_and_clear_the_meeting", () => {
    const open = must(fold(standardDocument(), envelope(6, "meeting-opened", { name: "Session 3" })));
    expect(open.meeting).toEqual({ name: "Session 3", openedAt: "2025-01-01T00:00:06Z" });
    expect(must(fold(open, envelope(7, "meeting-closed", { name: "Session 3" }))).meeting).toBeNull();
  });

  it("Document_adopted_records_when", () => {
    expect(must(fold(standardDocument(), envelope(6, "document-adopted", {}))).adoptedAt).toBe("2025-01-01T00:00:06Z");
  });

  it.each(["proposal-tabled", "something-new"])("Type_%s_asks_for_a_re_read", (type) => {
    expect(fold(standardDocument(), envelope(6, type, {}))).toBeNull();
  });

  it("Never_changes_the_document_it_is_given", () => {
    const doc = standardDocument();
    const copy = structuredClone(doc);
    for (const e of [edited(6, "a", "x"), inserted(6, "n", "a", "n"), moved(6, "a", "b"), deleted(6, "a"), commented(6)]) fold(doc, e);
    expect(doc).toEqual(copy);
  });
});

describe("countTopLevelBrackets", () => {
  it.each([
    ["no brackets", "<p>plain <span>x</span></p>", 0],
    ["two spans", `<span class="bracket">[a]</span> <span class="bracket">[b]</span>`, 2],
    ["nested spans count once", `<span class="bracket bracket-depth-1">[<span class="bracket bracket-depth-2">[a]</span>]</span>`, 1],
    ["an unmatched one", `<span class="bracket bracket-unmatched">[</span> text`, 1],
    ["a bracket inside another span", `<span class="x"><span class="bracket">[a]</span></span><span class="bracket">[b]</span>`, 2],
    ["a class that only contains the word", `<span class="brackets">[a]</span>`, 0],
  ])("%s", (_name, html, expected) => {
    expect(countTopLevelBrackets(html)).toBe(expected);
  });
});
