import { describe, expect, it } from "vitest";
import { startEdit } from "../src/edits";
import { DraftingError, fromHubError } from "../src/errors";
import { MemoryPending, type Pending, StoragePending } from "../src/pending";
import { MapStorage } from "./fakes";

const somePending = (): Pending => ({
  edits: [{ ...startEdit("a", "mine", 3), inFlight: { text: "mine", base: 3, clientOpId: "op-1" } }],
  outbox: [{ method: "AddComment", request: { documentId: "doc-1", paragraphId: "a", text: "hi", clientOpId: "op-2" } }],
  setAside: ["given up"],
});

describe("StoragePending", () => {
  it("Saved_pending_work_loads_back_in_a_new_store_over_the_same_storage", () => {
    const storage = new MapStorage();
    new StoragePending(storage).save("doc-1", somePending());
    expect(new StoragePending(storage).load("doc-1")).toEqual(somePending());
  });

  it("Each_document_has_its_own_entry", () => {
    const store = new StoragePending(new MapStorage());
    store.save("doc-1", somePending());
    expect(store.load("doc-2")).toEqual({ edits: [], outbox: [], setAside: [] });
  });

  it("Saving_nothing_removes_the_entry", () => {
    const storage = new MapStorage();
    const store = new StoragePending(storage);
    store.save("doc-1", somePending());
    store.save("doc-1", { edits: [], outbox: [], setAside: [] });
    expect(storage.length).toBe(0);
  });

  it("Unreadable_or_partial_entries_load_as_empty_lists", () => {
    const storage = new MapStorage();
    storage.setItem("wgec.pending.doc-1", "{not json");
    storage.setItem("wgec.pending.doc-2", JSON.stringify({ setAside: ["x"] }));
    const store = new StoragePending(storage);
    expect(store.load("doc-1")).toEqual({ edits: [], outbox: [], setAside: [] });
    expect(store.load("doc-2")).toEqual({ edits: [], outbox: [], setAside: ["x"] });
  });
});

describe("MemoryPending", () => {
  it("Keeps_a_copy_not_the_callers_object", () => {
    const store = new MemoryPending();
    const pending = somePending();
    store.save("doc-1", pending);
    pending.setAside.push("later");
    const loaded = store.load("doc-1");
    loaded.outbox.pop();
    expect(store.load("doc-1")).toEqual(somePending());
  });
});

describe("fromHubError", () => {
  it("Reads_the_code_before_the_colon", () => {
    const error = fromHubError(new Error("locked: paragraph 3 is agreed"));
    expect(error).toMatchObject({ code: "locked", message: "paragraph 3 is agreed", retryable: false });
  });

  it.each(["unavailable", "rate-limited"])("Treats_%s_as_worth_retrying", (code) => {
    expect(fromHubError(new Error(`${code}: later`)).retryable).toBe(true);
  });

  it("Treats_anything_else_as_the_network", () => {
    const error = fromHubError(new Error("Invocation canceled due to the underlying connection being closed."));
    expect(error).toMatchObject({ code: "network", retryable: true });
  });

  it("Passes_a_DraftingError_through", () => {
    const error = new DraftingError("forbidden", "no");
    expect(fromHubError(error)).toBe(error);
  });
});
