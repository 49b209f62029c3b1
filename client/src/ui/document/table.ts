import type { Draft } from "../../fold";
import { Hub, rowFields, type RowFields } from "../../protocol";
import { RowEdits } from "../../rowedits";
import { filterRows, itemsOf, nextSort, type Row, rowsOf, type Sort, type SortColumn, sortRows } from "../../rows";
import { confirm, modal } from "../dialogs";
import { importOutcomes, message } from "../documents";
import { h, replaceChildren } from "../dom";
import { Cell, columnNames, rowName } from "./cells";
import type { DocumentContext } from "./context";

/**
 * An annex's mapping table, live: a real table (No, the five fields, Cited by), filtered and sorted
 * here over the rows the session holds. Members edit a cell in place, add, delete and merge rows;
 * observers get the same table with nothing to edit with.
 */
export class MappingTable {
  readonly element: HTMLElement;
  readonly edits: RowEdits;
  private readonly caption = h("caption");
  private readonly head = h("tr");
  private readonly body = h("tbody");
  private readonly filter = h("input", { id: "row-filter", type: "search", autocomplete: "off" });
  private readonly count = h("p", { id: "row-count", class: "help", "aria-live": "polite" });
  private readonly merge = h("button", { type: "button", "data-action": "merge-rows", disabled: true }, "Merge selected");
  /** Why the last CSV import was refused (the server names the line); stays until the next import. */
  private readonly importError = h("p", { id: "import-rows-error", class: "error", role: "alert" });
  private readonly lines = new Map<string, Line>();
  private readonly selected = new Set<string>();
  private sort: Sort | null = null;

  constructor(private readonly context: DocumentContext) {
    this.edits = new RowEdits(context.session);
    this.edits.subscribe((id) => this.lines.get(id)?.update(this.selected.has(id)));
    this.filter.addEventListener("input", () => this.rerender());
    this.merge.addEventListener("click", () => void this.mergeSelected());
    const editable = context.canEdit;
    this.element = h("section", { class: "mapping", "aria-label": "Mapping table" },
      h("div", { class: "table-tools" },
        h("label", { for: "row-filter" }, "Filter rows "), this.filter,
        editable && h("button", { type: "button", "data-action": "add-row", onclick: () => void this.add(null) }, "Add row"),
        editable && this.merge,
        ...(context.canSteer ? this.importControl() : [])),
      context.canSteer && this.importError,
      this.count,
      h("div", { class: "table-scroll" },
        h("table", { class: "mapping-table" }, this.caption, h("thead", {}, this.head), this.body)));
    this.renderHead();
    // An annex just made from a CSV file on the documents page: say what its import came to.
    const outcome = importOutcomes.get(context.documentId);
    importOutcomes.delete(context.documentId);
    if (outcome && "rows" in outcome) this.imported(outcome.rows);
    if (outcome && "refused" in outcome) this.refused(outcome.refused);
  }

  render(doc: Draft): void {
    this.caption.textContent = doc.title;
    this.edits.prune();
    const rows = rowsOf(doc);
    const ids = new Set(rows.map((r) => r.id));
    for (const [id, line] of this.lines) {
      if (ids.has(id)) continue;
      line.element.remove();
      this.lines.delete(id);
      this.selected.delete(id);
    }
    const editing = new Set([...this.lines.values()].filter((l) => l.editing).map((l) => l.id));
    // A row being edited stays in view whatever the filter says, so nobody's typing disappears.
    const shown = sortRows(filterRows(rows, this.filter.value).concat(rows.filter((r) => editing.has(r.id) && !filterRows([r], this.filter.value).length)), this.sort);
    let previous: Element | null = null;
    for (const row of shown) {
      let line = this.lines.get(row.id);
      if (!line) {
        line = new Line(this.context, this.edits, row.id, this.lineIntents);
        this.lines.set(row.id, line);
      }
      line.update(this.selected.has(row.id));
      const expected: Element | null = previous ? previous.nextElementSibling : this.body.firstElementChild;
      if (expected !== line.element) this.body.insertBefore(line.element, expected);
      previous = line.element;
    }
    const shownIds = new Set(shown.map((r) => r.id));
    for (const line of this.lines.values()) if (!shownIds.has(line.id)) line.element.remove();
    this.count.textContent = shown.length === rows.length ? `${rows.length} row${rows.length === 1 ? "" : "s"}` : `Showing ${shown.length} of ${rows.length} rows`;
    this.merge.disabled = this.selected.size < 2;
  }

  /** Chair and secretariat: a button opening the file chooser (the input itself stays out of sight and out of the tab order). */
  private importControl(): HTMLElement[] {
    const input = h("input", { type: "file", id: "import-rows", accept: ".csv,text/csv", hidden: true, tabindex: -1 });
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      input.value = "";
      if (file) void this.importFile(file);
    });
    const button = h("button", { type: "button", "data-action": "import-rows", onclick: () => input.click() }, "Import rows from CSV…");
    return [button, input];
  }

  private async importFile(file: File): Promise<void> {
    this.importError.textContent = "";
    try {
      const result = await this.context.shell.api.importRows(this.context.documentId, await file.text());
      this.imported(result.rows);
    } catch (e) {
      this.refused(message(e));
    }
  }

  /** Read out politely; the rows themselves arrive through the hub like anyone's inserts. */
  imported(rows: number): void {
    this.context.announce(`${rows} row${rows === 1 ? "" : "s"} imported`);
  }

  /** An import the server refused: its reason, which names the line, shown until the next import. */
  refused(reason: string): void {
    this.importError.textContent = `The rows were not imported: ${reason}`;
  }

  private rerender(): void {
    if (this.context.session.doc) this.render(this.context.session.doc);
  }

  private renderHead(): void {
    const sortable = (column: SortColumn, label: string) => {
      const sorted = this.sort?.column === column ? this.sort.direction : null;
      return h("th", { scope: "col", "aria-sort": sorted, "data-column": column },
        h("button", { type: "button", class: "sort", "data-sort": column, onclick: () => this.sortBy(column) }, label,
          h("span", { class: "sort-mark", "aria-hidden": "true" }, sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : "")));
    };
    replaceChildren(this.head,
      this.context.canEdit && h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Select")),
      sortable("number", "No"),
      ...rowFields.map((f) => sortable(f, columnNames[f])),
      h("th", { scope: "col" }, "Cited by"),
      this.context.canEdit && h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")));
  }

  private sortBy(column: SortColumn): void {
    this.sort = nextSort(this.sort, column);
    this.renderHead();
    this.head.querySelector<HTMLElement>(`button[data-sort="${column}"]`)?.focus();
    this.rerender();
  }

  private readonly lineIntents: LineIntents = {
    select: (id, on) => {
      if (on) this.selected.add(id);
      else this.selected.delete(id);
      this.merge.disabled = this.selected.size < 2;
    },
    insertAfter: (row) => void this.add(row),
    remove: (row) => void this.remove(row),
  };

  private async add(after: Row | null): Promise<void> {
    const doc = this.context.session.doc;
    if (!doc) return;
    const last = doc.paragraphs.filter((p) => !p.deleted).at(-1);
    const fields = await fieldsDialog(after ? `Add a row after ${rowName(after)}` : "Add a row at the end", null, "Add row");
    if (!fields) return;
    await this.context.session.write(Hub.insertParagraph, {
      afterParagraphId: after?.id ?? last?.id ?? null, paragraphId: crypto.randomUUID(), kind: "row", text: null, fields,
    }).catch(() => undefined);
  }

  private async remove(row: Row): Promise<void> {
    if (!(await confirm(`Delete ${rowName(row)}?`, `“${row.fields.issue}” stays in the history but leaves the table.`, "Delete"))) return;
    await this.context.session.write(Hub.deleteParagraph, { paragraphId: row.id }).catch(() => undefined);
  }

  /** The rows ticked, in the order the table shows them; the first one stays and takes the others in. */
  private async mergeSelected(): Promise<void> {
    const order = [...this.body.querySelectorAll<HTMLElement>("tr[data-paragraph-id]")].map((tr) => tr.dataset.paragraphId!);
    const rows = order.filter((id) => this.selected.has(id)).map((id) => this.lines.get(id)!.row()).filter((r): r is Row => !!r);
    const [kept] = rows;
    if (!kept || rows.length < 2) return;
    const others = rows.slice(1).map((r) => r.number).join(", ");
    const fields = await fieldsDialog(`Merge ${rows.length} rows into ${rowName(kept)}`, kept.fields, "Merge",
      `${rowName(kept)} stays with these fields; rows ${others} are merged into it and keep their sources.`);
    if (!fields) return;
    try {
      await this.context.session.write(Hub.mergeRows, { paragraphIds: rows.map((r) => r.id), fields });
      this.selected.clear();
      this.rerender();
    } catch {
      // the session reported the refusal
    }
  }
}

interface LineIntents {
  select(id: string, on: boolean): void;
  insertAfter(row: Row): void;
  remove(row: Row): void;
}

/** One row of the table, updated in place. */
class Line {
  readonly element: HTMLTableRowElement;
  private readonly number = h("th", { scope: "row", class: "number" });
  private readonly citedBy = h("td", { class: "cited-by" });
  private readonly check: HTMLInputElement | null;
  private readonly cells: Cell[];
  private key = "";

  constructor(private readonly context: DocumentContext, edits: RowEdits, readonly id: string, private readonly intents: LineIntents) {
    const editable = context.canEdit;
    this.cells = rowFields.map((f) => new Cell(f, edits, editable, () => this.row()));
    this.check = editable ? h("input", { type: "checkbox", class: "select-row", onchange: () => intents.select(id, this.check!.checked) }) : null;
    this.element = h("tr", { id: `p-${id}`, "data-paragraph-id": id },
      this.check && h("td", { class: "select" }, this.check),
      this.number, ...this.cells.map((c) => c.element), this.citedBy,
      editable && h("td", { class: "row-actions" },
        h("button", { type: "button", "data-action": "insert-row-after", onclick: () => this.act(intents.insertAfter) }, "Add after"),
        h("button", { type: "button", "data-action": "delete-row", onclick: () => this.act(intents.remove) }, "Delete")));
  }

  get editing(): boolean {
    return this.cells.some((c) => c.editing);
  }

  row(): Row | undefined {
    const p = this.context.session.paragraph(this.id);
    return p?.kind === "row" && p.fields ? (p as Row) : undefined;
  }

  update(selected: boolean): void {
    const row = this.row();
    if (!row) return;
    for (const cell of this.cells) cell.update(row);
    if (this.check) {
      this.check.checked = selected;
      this.check.setAttribute("aria-label", `Select ${rowName(row)}`);
    }
    const key = JSON.stringify([row.number, row.mergedFrom, row.sources?.length, row.citedBy]);
    if (key === this.key) return;
    this.key = key;
    const items = itemsOf(row);
    const sources = row.sources?.length ?? 0;
    replaceChildren(this.number, h("span", { class: "row-number" }, row.number ?? ""),
      items > 1 && h("span", { class: "merges", title: `${sources} contribution${sources === 1 ? "" : "s"}` }, `merges ${items} items`));
    const citing = row.citedBy ?? [];
    replaceChildren(this.citedBy, citing.length > 0 && h("ul", { class: "citations" }, ...citing.map((c) => {
      const href = `/documents/${c.documentId}#p-${c.paragraphId}`;
      const where = c.number ? `paragraph ${c.number}` : c.label ? `paragraph ${c.label}` : "a paragraph";
      return h("li", {}, h("a", { href, "data-citing": c.paragraphId, onclick: (e: Event) => this.go(e, href) }, `${c.documentTitle}, ${where}`));
    })));
  }

  private go(e: Event, href: string): void {
    e.preventDefault();
    this.context.shell.navigate(href);
  }

  private act(intent: (row: Row) => void): void {
    const row = this.row();
    if (row) intent(row);
  }
}

/** A modal asking for a row's five fields (the issue required); resolves with them, or null when cancelled. */
async function fieldsDialog(title: string, initial: RowFields | null, confirmLabel: string, note?: string): Promise<RowFields | null> {
  const inputs = rowFields.map((f) => {
    const value = initial?.[f] ?? "";
    const control = f === "activities"
      ? h("textarea", { name: f, rows: 3, value })
      : h("input", { name: f, value, autocomplete: "off", required: f === "issue" });
    return h("label", {}, columnNames[f], " ", control);
  });
  const form = await modal("row-fields", title, note ? [h("p", {}, note), ...inputs] : inputs, confirmLabel);
  if (!form) return null;
  const value = (f: string) => String(form.get(f) ?? "").trim();
  return { issue: value("issue"), category: value("category"), grouping: value("grouping"), activities: value("activities"), status: value("status") };
}
