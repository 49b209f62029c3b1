import type { RowField } from "../../protocol";
import type { RowEdits } from "../../rowedits";
import { type CellEdit, type Row, shownValue } from "../../rows";
import { h, replaceChildren } from "../dom";

export const columnNames: Record<RowField, string> = {
  issue: "Issue", category: "Category", grouping: "Grouping", activities: "Activities and approaches", status: "Status",
};

export const rowName = (row: Row) => `row ${row.number ?? ""}`.trim();

/**
 * One editable cell of the mapping table. Activated (click, Enter or F2) it holds an input (a textarea
 * for the long column): Enter or leaving it sends that field alone, Escape puts the value back. A
 * conflict or refusal keeps the typed value in the cell, next to the document's, until re-applied or dropped.
 */
export class Cell {
  readonly element: HTMLTableCellElement;
  private editor: { control: HTMLInputElement | HTMLTextAreaElement; base: number; done: boolean } | null = null;
  private key = "";

  constructor(
    private readonly field: RowField,
    private readonly edits: RowEdits,
    private readonly editable: boolean,
    private readonly row: () => Row | undefined,
  ) {
    this.element = h("td", { "data-field": field });
    if (editable) {
      this.element.tabIndex = 0;
      this.element.addEventListener("click", (e) => {
        if (!(e.target as HTMLElement).closest("button, input, textarea, a")) this.open();
      });
      this.element.addEventListener("keydown", (e) => {
        if (e.target === this.element && (e.key === "Enter" || e.key === "F2")) {
          e.preventDefault();
          this.open();
        }
      });
    }
  }

  get editing(): boolean {
    return this.editor !== null;
  }

  update(row: Row): void {
    if (this.editor) return; // never rebuilt under the person typing
    const edit = this.edits.get(row.id, this.field);
    const value = shownValue(row, this.field, edit);
    const key = JSON.stringify([value, edit?.state, edit?.value, edit?.theirs, edit?.error, row.number]);
    if (key === this.key) return;
    this.key = key;
    this.element.toggleAttribute("data-pending", edit?.state === "sending" || (edit?.state === "landed" && value !== row.fields[this.field]));
    this.element.toggleAttribute("data-conflict", edit?.state === "conflict" || edit?.state === "refused");
    if (this.editable) this.element.setAttribute("aria-label", `${columnNames[this.field]} of ${rowName(row)}: ${value || "empty"}. Press Enter to edit.`);
    replaceChildren(this.element, h("span", { class: "value" }, value), edit && this.kept(row, edit));
  }

  /** Opens the cell's input, with the value the person kept if there is one. */
  open(): void {
    const row = this.row();
    if (!this.editable || this.editor || !row) return;
    const edit = this.edits.get(row.id, this.field);
    const value = edit?.state === "conflict" || edit?.state === "refused" ? edit.value : shownValue(row, this.field, edit);
    const label = `${columnNames[this.field]} of ${rowName(row)}`;
    const control = this.field === "activities"
      ? h("textarea", { class: "cell-editor", rows: 3, "aria-label": label, value })
      : h("input", { class: "cell-editor", "aria-label": label, value, autocomplete: "off" });
    this.editor = { control, base: row.revision, done: false };
    control.addEventListener("keydown", (e) => {
      const key = (e as KeyboardEvent);
      if (key.key === "Escape") {
        key.preventDefault();
        this.close(false);
      } else if (key.key === "Enter" && !(key.shiftKey && control instanceof HTMLTextAreaElement)) {
        key.preventDefault();
        this.close(true);
      }
    });
    control.addEventListener("blur", () => this.close(true));
    this.key = "";
    this.element.removeAttribute("aria-label");
    replaceChildren(this.element, control);
    control.focus();
    control.select();
  }

  /** Ends the edit: sends the value (Enter, leaving) or puts the cell back (Escape); focus stays on the cell. */
  private close(send: boolean): void {
    const editor = this.editor;
    if (!editor || editor.done) return;
    editor.done = true;
    this.editor = null;
    const row = this.row();
    const hadFocus = this.element.contains(document.activeElement);
    if (row) this.update(row);
    if (hadFocus) this.element.focus();
    if (send && row) void this.edits.commit(row.id, this.field, editor.control.value, editor.base);
  }

  private kept(row: Row, edit: CellEdit): HTMLElement | false {
    if (edit.state !== "conflict" && edit.state !== "refused") return false;
    const why = edit.state === "conflict"
      ? "Someone changed this field meanwhile. Nothing was overwritten."
      : `${edit.error ?? "Refused."}`;
    return h("div", { class: "cell-kept", role: "group", "aria-label": `Your change to ${columnNames[this.field].toLowerCase()} of ${rowName(row)} was not stored` },
      h("p", { class: "why" }, why),
      h("p", { class: "mine" }, h("span", { class: "label" }, "Yours: "), h("span", { class: "kept-value" }, edit.value)),
      edit.theirs !== null && h("p", { class: "theirs" }, h("span", { class: "label" }, "Now: "), h("span", {}, edit.theirs)),
      h("button", { type: "button", "data-choice": "reapply", onclick: () => void this.edits.reapply(row.id, this.field) }, "Re-apply mine"),
      h("button", { type: "button", "data-choice": "drop", onclick: () => this.edits.drop(row.id, this.field) }, "Drop mine"));
  }
}
