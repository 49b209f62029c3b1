import { describe, expect, it } from "vitest";
import { RowEdits } from "../src/rowedits";
import { annex, documentId, rowEdited } from "./builders";
import { settled } from "./fakes";
import { type Harness, joined } from "./harness";

const spamFields = { issue: "Spam", category: "Security", grouping: "", activities: "", status: "open" };

async function table(): Promise<{ h: Harness; edits: RowEdits; changed: string[] }> {
  const h = await joined(annex());
  const edits = new RowEdits(h.session);
  const changed: string[] = [];
  edits.subscribe((id) => changed.push(id));
  return { h, edits, changed };
}

describe("RowEdits", () => {
  it("A_cell_is_sent_as_EditRow_of_that_field_alone_with_the_row_revision_as_base", async () => {
    const { h, edits } = await table();
    void edits.commit("r1", "category", "Security and trust", 2);
    expect(h.hub.waiting("EditRow").request).toEqual({
      documentId, paragraphId: "r1", baseRevision: 2, fields: { category: "Security and trust" }, clientOpId: "op-1",
    });
    expect(edits.get("r1", "category")).toMatchObject({ state: "sending", value: "Security and trust" });
  });

  it("Leaving_a_cell_unchanged_sends_nothing", async () => {
    const { h, edits } = await table();
    await edits.commit("r1", "issue", "Spam", 2);
    expect(h.hub.callsOf("EditRow")).toHaveLength(0);
    expect(edits.get("r1", "issue")).toBeUndefined();
  });

  it("Applied_is_forgotten_once_the_document_holds_the_row_revision", async () => {
    const { h, edits, changed } = await table();
    const done = edits.commit("r1", "issue", "Spam and scams", 2);
    h.hub.waiting("EditRow").answer({ outcome: "applied", version: 11, revision: 11, fields: { ...spamFields, issue: "Spam and scams" } });
    await done;
    expect(edits.get("r1", "issue")).toMatchObject({ state: "landed" });
    h.hub.applied(rowEdited(11, "r1", { ...spamFields, issue: "Spam and scams" }));
    await settled();
    edits.prune();
    expect(edits.get("r1", "issue")).toBeUndefined();
    expect(changed).toContain("r1");
  });

  it("Conflict_keeps_the_typed_value_and_reapply_sends_it_on_top_of_the_current_revision", async () => {
    const { h, edits } = await table();
    h.hub.applied(rowEdited(11, "r1", { ...spamFields, issue: "Unsolicited e-mail" }));
    await settled();
    const done = edits.commit("r1", "issue", "Spam and scams", 2);
    h.hub.waiting("EditRow").answer({ outcome: "conflict", version: 11, revision: 11, fields: { ...spamFields, issue: "Unsolicited e-mail" } });
    await done;
    expect(edits.get("r1", "issue")).toMatchObject({ state: "conflict", value: "Spam and scams", theirs: "Unsolicited e-mail" });
    edits.prune();
    expect(edits.get("r1", "issue")).toBeDefined(); // never dropped by a document change

    const again = edits.reapply("r1", "issue");
    expect(h.hub.waiting("EditRow").request).toMatchObject({ baseRevision: 11, fields: { issue: "Spam and scams" } });
    h.hub.waiting("EditRow").answer({ outcome: "applied", version: 12, revision: 12, fields: { ...spamFields, issue: "Spam and scams" } });
    await again;
    expect(edits.get("r1", "issue")).toMatchObject({ state: "landed", value: "Spam and scams" });
  });

  it("Drop_forgets_a_conflicting_value_and_the_cell_shows_the_document", async () => {
    const { h, edits } = await table();
    const done = edits.commit("r1", "issue", "Mine", 2);
    h.hub.waiting("EditRow").answer({ outcome: "conflict", version: 11, revision: 11, fields: { ...spamFields, issue: "Theirs" } });
    await done;
    edits.drop("r1", "issue");
    expect(edits.get("r1", "issue")).toBeUndefined();
  });

  it("A_refused_edit_keeps_the_typed_value_with_the_reason", async () => {
    const { h, edits } = await table();
    const done = edits.commit("r1", "issue", "", 2);
    h.hub.waiting("EditRow").refuse("invalid", "a row's issue may not be empty");
    await done;
    expect(edits.get("r1", "issue")).toMatchObject({ state: "refused", value: "" });
    expect(edits.get("r1", "issue")!.error).toBeTruthy();
  });

  it("Typing_again_while_the_cell_is_on_its_way_is_sent_after_the_answer_on_top_of_it", async () => {
    const { h, edits } = await table();
    const first = edits.commit("r1", "issue", "Spam and", 2);
    void edits.commit("r1", "issue", "Spam and scams", 2);
    expect(h.hub.pending("EditRow")).toHaveLength(1);
    h.hub.waiting("EditRow").answer({ outcome: "applied", version: 11, revision: 11, fields: { ...spamFields, issue: "Spam and" } });
    await settled();
    expect(h.hub.waiting("EditRow").request).toMatchObject({ baseRevision: 11, fields: { issue: "Spam and scams" } });
    h.hub.waiting("EditRow").answer({ outcome: "applied", version: 12, revision: 12, fields: { ...spamFields, issue: "Spam and scams" } });
    await first;
    expect(edits.get("r1", "issue")).toMatchObject({ state: "landed", value: "Spam and scams", base: 12 });
  });

  it("Two_cells_of_one_row_are_separate_edits_each_with_its_own_field", async () => {
    const { h, edits } = await table();
    void edits.commit("r1", "issue", "Spam and scams", 2);
    void edits.commit("r1", "status", "closed", 2);
    h.hub.waiting("EditRow").answer({ outcome: "applied", version: 11, revision: 11, fields: { ...spamFields, issue: "Spam and scams" } });
    await settled();
    expect(h.hub.waiting("EditRow").request).toMatchObject({ baseRevision: 2, fields: { status: "closed" } });
    h.hub.waiting("EditRow").answer({ outcome: "merged", version: 12, revision: 12, fields: { ...spamFields, issue: "Spam and scams", status: "closed" } });
    await settled();
    expect(edits.of("r1").map((e) => [e.field, e.state, e.value])).toEqual([["issue", "landed", "Spam and scams"], ["status", "landed", "closed"]]);
  });
});
