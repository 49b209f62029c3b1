import { type Draft, type Paragraph, visible } from "./fold";
import type { RowField, RowFields, RowResult } from "./protocol";

/** A mapping-table row as the table shows it: a live paragraph of kind `row` with its fields. */
export interface Row extends Paragraph { fields: RowFields }

export const isRow = (p: Paragraph): p is Row => p.kind === "row" && !!p.fields;

/** The rows of a document, in the document's order. */
export const rowsOf = (doc: Draft): Row[] => visible(doc).filter(isRow);

/** A column the table can be sorted by: the display number or a field. */
export type SortColumn = "number" | RowField;
export interface Sort { column: SortColumn; direction: "ascending" | "descending" }

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/** The rows with every word of `query` in some field (or the number), accents and case ignored; all of them for a blank query. */
export function filterRows<T extends Row>(rows: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = fold([row.number ?? "", ...Object.values(row.fields)].join("\n"));
    return words.every((word) => haystack.includes(word));
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** The rows sorted by a column; ties keep the document's order. Numbers compare as numbers ("2" before "10", "3 bis" after "3"). */
export function sortRows<T extends Row>(rows: T[], sort: Sort | null): T[] {
  if (!sort) return rows;
  const value = (row: T) => (sort.column === "number" ? row.number ?? "" : row.fields[sort.column]);
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows.map((row, index) => ({ row, index }))
    .sort((a, b) => sign * collator.compare(value(a.row), value(b.row)) || a.index - b.index)
    .map((x) => x.row);
}

/** A click on a column's header: ascending first, then descending, then ascending again. */
export function nextSort(current: Sort | null, column: SortColumn): Sort {
  return current?.column === column && current.direction === "ascending" ? { column, direction: "descending" } : { column, direction: "ascending" };
}

/** How many mapping items a row stands for: itself and every row merged into it. */
export const itemsOf = (row: Paragraph): number => 1 + (row.mergedFrom?.length ?? 0);

/**
 * One cell a person changed, apart from what the server has. What they typed (`value`) is only
 * dropped when the server holds it (or a merge of it), or when they choose to drop it.
 */
export interface CellEdit {
  readonly paragraphId: string;
  readonly field: RowField;
  /** What the person typed. */
  readonly value: string;
  /** The row's revision the value was typed against (EditRow's baseRevision). */
  readonly base: number;
  /**
   * `sending`: the call is under way; `landed`: the server took it (as `value`, or merged) at revision
   * `base`, and the cell shows it until the document reaches that revision; `conflict`: someone changed
   * the same field, nothing was stored; `refused`: the server will not take it (`error` says why).
   */
  readonly state: "sending" | "landed" | "conflict" | "refused";
  /** The field's value now in the document, when in conflict. */
  readonly theirs: string | null;
  readonly error: string | null;
}

export const cellKey = (paragraphId: string, field: RowField) => `${paragraphId}/${field}`;

export const sending = (paragraphId: string, field: RowField, value: string, base: number): CellEdit =>
  ({ paragraphId, field, value, base, state: "sending", theirs: null, error: null });

/** The server's answer to a cell's EditRow. */
export function cellAnswered(edit: CellEdit, answer: RowResult): CellEdit {
  const now = answer.fields[edit.field];
  switch (answer.outcome) {
    case "applied":
    case "merged":
      // Merged: the other change lay in other fields (or agreed with ours); the cell shows what was stored.
      return { ...edit, value: now, base: answer.revision, state: "landed", theirs: null, error: null };
    case "conflict":
      return { ...edit, base: answer.revision, state: "conflict", theirs: now, error: null };
    default:
      return { ...edit, state: "refused", error: `The server answered "${answer.outcome}"; your text is kept.` };
  }
}

/** What the cell shows: the person's value while it is theirs alone, the document's otherwise. */
export function shownValue(row: Row, field: RowField, edit: CellEdit | undefined): string {
  if (!edit || edit.state === "conflict" || edit.state === "refused") return row.fields[field];
  if (edit.state === "landed" && row.revision >= edit.base) return row.fields[field];
  return edit.value;
}

/** Whether the edit has nothing left to show: the document holds what the server stored. */
export const caughtUp = (edit: CellEdit, row: Row | undefined): boolean =>
  edit.state === "landed" && (!row || row.revision >= edit.base);
