import { describe, expect, it } from "vitest";
import { type Draft, fold, visible } from "../src/fold";
import { annex, documentAt, envelope, paragraph, row, rowEdited } from "./builders";

const must = (doc: Draft | null): Draft => {
  if (!doc) throw new Error("fold returned null");
  return doc;
};
const fields = { issue: "Spam and scams", category: "Security", grouping: "", activities: "Filters", status: "open" };
const citation = (paragraphId: string) => ({ documentId: "other", documentTitle: "Report", paragraphId, number: "4", label: "OP4" });

describe("fold of the mapping table and evidence", () => {
  it("Paragraph_inserted_as_a_row_carries_its_fields_and_sources", () => {
    const inserted = envelope(11, "paragraph-inserted", {
      paragraphId: "n", afterParagraphId: "r3", kind: "row", text: "New | | | | ", html: "<p>New</p>", numbers: { n: "4" },
      fields: { ...fields, issue: "New" }, sources: ["c1", "c2"],
    });
    const next = must(fold(annex(), inserted));
    expect(next.paragraphs.at(-1)).toMatchObject({
      id: "n", kind: "row", number: "4", fields: { ...fields, issue: "New" }, sources: ["c1", "c2"], mergedFrom: [], citedBy: [], evidence: [], revision: 11,
    });
  });

  it("Row_edited_replaces_the_fields_text_and_revision", () => {
    const next = must(fold(annex(), rowEdited(11, "r1", fields)));
    expect(next.paragraphs[0]).toMatchObject({ fields, text: "Spam and scams | Security |  | Filters | open", revision: 11, number: "1" });
    expect(next.paragraphs[1]).toEqual(annex().paragraphs[1]);
  });

  it("Row_edited_of_a_row_never_seen_asks_for_a_re_read", () => {
    expect(fold(annex(), rowEdited(11, "zz", fields))).toBeNull();
  });

  it("Rows_merged_keeps_the_first_with_the_sources_and_tombstones_the_others_and_renumbers", () => {
    const doc = documentAt(10, [
      row("r1", "1", { issue: "Spam" }, 2, { sources: ["c1"], citedBy: [citation("p1")] }),
      row("r2", "2", { issue: "Phishing" }, 3, { sources: ["c2"], mergedFrom: ["old"], citedBy: [citation("p1"), citation("p2")] }),
      row("r3", "3", { issue: "Botnets" }, 4),
    ], { kind: "annex" });
    const merged = envelope(11, "rows-merged", {
      paragraphId: "r1", merged: ["r2"], fields, text: "merged", html: "<p>merged</p>", sources: ["c1", "c2"],
      mergedFrom: ["r2", "old"], numbers: { r2: null, r3: "2" }, revision: 11,
    });
    const next = must(fold(doc, merged));
    expect(visible(next).map((p) => [p.id, p.number])).toEqual([["r1", "1"], ["r3", "2"]]);
    expect(next.paragraphs.find((p) => p.id === "r2")).toMatchObject({ deleted: true, number: null });
    expect(next.paragraphs[0]).toMatchObject({ fields, sources: ["c1", "c2"], mergedFrom: ["r2", "old"], revision: 11, text: "merged" });
    expect(next.paragraphs[0]!.citedBy!.map((c) => c.paragraphId)).toEqual(["p1", "p2"]);
  });

  it("Rows_merged_naming_a_row_never_seen_asks_for_a_re_read", () => {
    const merged = envelope(11, "rows-merged", {
      paragraphId: "r1", merged: ["zz"], fields, text: "t", html: "<p>t</p>", sources: [], mergedFrom: ["zz"], numbers: {}, revision: 11,
    });
    expect(fold(annex(), merged)).toBeNull();
  });

  it("Evidence_linked_and_unlinked_change_only_the_citing_paragraph", () => {
    const doc = documentAt(5, [paragraph("a", "Alpha", 2, { evidence: [] }), paragraph("b", "Beta", 3)]);
    const cite = { paragraphId: "a", kind: "row", id: "r9", sourceId: "annex-1", label: "Spam" };
    const linked = must(fold(doc, envelope(6, "evidence-linked", cite)));
    expect(linked.paragraphs[0]!.evidence).toEqual([{ kind: "row", id: "r9", sourceId: "annex-1", label: "Spam" }]);
    expect(linked.paragraphs[0]!.revision).toBe(2); // citing changes no text
    expect(linked.paragraphs[1]).toEqual(doc.paragraphs[1]);
    const again = must(fold(linked, envelope(7, "evidence-linked", { ...cite, label: "Spam (renamed)" })));
    expect(again.paragraphs[0]!.evidence).toHaveLength(1);
    const contribution = must(fold(again, envelope(8, "evidence-linked", { paragraphId: "a", kind: "contribution", id: "c1", sourceId: "q1", label: "Brazil, question 3" })));
    const unlinked = must(fold(contribution, envelope(9, "evidence-unlinked", { paragraphId: "a", kind: "row", id: "r9", sourceId: "annex-1" })));
    expect(unlinked.paragraphs[0]!.evidence).toEqual([{ kind: "contribution", id: "c1", sourceId: "q1", label: "Brazil, question 3" }]);
  });

  it("Evidence_linked_to_a_row_of_the_same_document_shows_on_the_row_as_cited_by", () => {
    const doc = documentAt(10, [paragraph("h", "Heading", 1, { label: "H1" }), ...annex().paragraphs], { kind: "annex", title: "Mapping" });
    const linked = must(fold(doc, envelope(11, "evidence-linked", { paragraphId: "h", kind: "row", id: "r2", sourceId: doc.id, label: "Phishing" })));
    expect(linked.paragraphs.find((p) => p.id === "r2")!.citedBy).toEqual([
      { documentId: doc.id, documentTitle: "Mapping", paragraphId: "h", number: null, label: "H1" },
    ]);
    const unlinked = must(fold(linked, envelope(12, "evidence-unlinked", { paragraphId: "h", kind: "row", id: "r2", sourceId: doc.id })));
    expect(unlinked.paragraphs.find((p) => p.id === "r2")!.citedBy).toEqual([]);
  });

  it("Evidence_linked_on_a_paragraph_never_seen_asks_for_a_re_read", () => {
    expect(fold(annex(), envelope(11, "evidence-linked", { paragraphId: "zz", kind: "row", id: "r1", sourceId: "x", label: "Spam" }))).toBeNull();
  });
});
