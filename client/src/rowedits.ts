import { describe, DraftingError } from "./errors";
import { Hub, type RowField, type RowResult } from "./protocol";
import { type CellEdit, caughtUp, cellAnswered, cellKey, isRow, type Row, sending } from "./rows";
import type { DocumentSession } from "./session";

/**
 * The cells of a mapping table that one person changed: each sent as an EditRow of that field alone
 * (the server merges other fields' changes), at most one call per cell at a time, a conflict or a
 * refusal kept with the typed value until the person re-applies or drops it.
 */
export class RowEdits {
  private readonly cells = new Map<string, CellEdit>();
  /** A value typed into a cell while its previous one was on its way: sent on top of the answer. */
  private readonly next = new Map<string, string>();
  private readonly listeners = new Set<(paragraphId: string) => void>();

  constructor(private readonly session: Pick<DocumentSession, "write" | "paragraph">) {}

  get(paragraphId: string, field: RowField): CellEdit | undefined {
    return this.cells.get(cellKey(paragraphId, field));
  }

  /** Every cell edit of a row still to show (sending, landed but not yet in the document, in conflict or refused). */
  of(paragraphId: string): CellEdit[] {
    return [...this.cells.values()].filter((e) => e.paragraphId === paragraphId);
  }

  subscribe(listener: (paragraphId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The document changed: forget the edits it now holds. */
  prune(): void {
    for (const [key, edit] of this.cells) if (caughtUp(edit, this.row(edit.paragraphId))) this.cells.delete(key);
  }

  /** The person leaves a cell with `value`, typed against revision `base`: send it unless the row already holds it. */
  async commit(paragraphId: string, field: RowField, value: string, base: number): Promise<void> {
    const key = cellKey(paragraphId, field);
    const current = this.cells.get(key);
    if (current?.state === "sending") {
      this.next.set(key, value);
      return;
    }
    const row = this.row(paragraphId);
    if (!row) return;
    if (!current && value === row.fields[field]) return;
    // After our own landed edit, typing goes on top of it, not of the revision the cell was opened at.
    const from = current?.state === "landed" ? Math.max(base, current.base) : base;
    await this.send(sending(paragraphId, field, value, from));
  }

  /** Sends the kept value again, on top of the document's current value (after a conflict or a refusal). */
  async reapply(paragraphId: string, field: RowField): Promise<void> {
    const edit = this.get(paragraphId, field);
    const row = this.row(paragraphId);
    if (!edit || !row || (edit.state !== "conflict" && edit.state !== "refused")) return;
    await this.send(sending(paragraphId, field, edit.value, row.revision));
  }

  /** The person gives up a kept value: the cell shows the document's. */
  drop(paragraphId: string, field: RowField): void {
    const key = cellKey(paragraphId, field);
    if (this.cells.get(key)?.state === "sending") return;
    this.cells.delete(key);
    this.next.delete(key);
    this.emit(paragraphId);
  }

  private async send(edit: CellEdit): Promise<void> {
    const key = cellKey(edit.paragraphId, edit.field);
    this.set(edit);
    let after: CellEdit;
    try {
      const answer = await this.session.write<RowResult>(Hub.editRow, {
        paragraphId: edit.paragraphId, baseRevision: edit.base, fields: { [edit.field]: edit.value },
      });
      after = cellAnswered(edit, answer);
    } catch (e) {
      after = { ...edit, state: "refused", error: e instanceof DraftingError ? describe(e) : String(e) };
    }
    const queued = this.next.get(key);
    this.next.delete(key);
    if (queued !== undefined && after.state === "landed" && queued !== after.value) {
      await this.send(sending(edit.paragraphId, edit.field, queued, after.base));
      return;
    }
    // Typed again while a conflict or refusal was coming: that newer value is the one kept.
    this.set(queued !== undefined && after.state !== "landed" ? { ...after, value: queued } : after);
    this.prune();
    this.emit(edit.paragraphId);
  }

  private row(paragraphId: string): Row | undefined {
    const p = this.session.paragraph(paragraphId);
    return p && isRow(p) ? p : undefined;
  }

  private set(edit: CellEdit): void {
    this.cells.set(cellKey(edit.paragraphId, edit.field), edit);
    this.emit(edit.paragraphId);
  }

  private emit(paragraphId: string): void {
    for (const listener of this.listeners) listener(paragraphId);
  }
}
