import { type Draft, type Paragraph, visible } from "../../fold";
import { Hub, isLocked, type PresenceEntry } from "../../protocol";
import { h } from "../dom";
import { confirm } from "../dialogs";
import type { DocumentContext } from "./context";
import { citeEvidence } from "./evidence";
import { type CardIntents, ParagraphCard, paragraphName } from "./paragraph";

/**
 * The document's paragraphs in order, each a card kept by id: a render touches only the cards whose
 * paragraph changed and moves only the ones out of place, so nobody's editor is rebuilt under them.
 */
export class ParagraphList {
  readonly element = h("section", { class: "paragraphs", "aria-label": "Paragraphs" });
  private readonly cards = new Map<string, ParagraphCard>();
  private active: string | null = null;
  private dragged: string | null = null;
  /** Which paragraphs this list shows (an annex's rows are the table's); all of them unless set. */
  shows: (p: Paragraph) => boolean = () => true;
  /** Said when there is nothing to show; nothing when null (an annex whose rows are all in the table). */
  emptyMessage: string | null = "This document has no paragraphs yet.";

  constructor(
    private readonly context: DocumentContext,
    private readonly extras: (p: Paragraph) => HTMLElement[],
    private readonly steering: (p: Paragraph) => HTMLElement[],
  ) {
    this.element.addEventListener("dragstart", (e) => this.dragStart(e));
    this.element.addEventListener("dragover", (e) => {
      if (this.dragged) e.preventDefault();
    });
    this.element.addEventListener("drop", (e) => this.drop(e));
    this.element.addEventListener("keydown", (e) => {
      const card = e.target as HTMLElement;
      if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown") || !card.matches("article.paragraph") || !this.context.canEdit) return;
      e.preventDefault();
      void this.move(card.dataset.paragraphId!, e.key === "ArrowUp" ? -1 : 1);
    });
  }

  render(doc: Draft): void {
    const session = this.context.session;
    const paragraphs = visible(doc).filter((p) => this.shows(p));
    this.element.querySelector(":scope > .empty")?.remove();
    const here = new Map<string, PresenceEntry[]>();
    for (const entry of this.context.presence?.participants ?? []) {
      if (entry.paragraphId && entry.participantId !== this.context.shell.me.id) here.set(entry.paragraphId, [...(here.get(entry.paragraphId) ?? []), entry]);
    }
    const keep = new Set(paragraphs.map((p) => p.id));
    for (const [id, card] of this.cards) {
      if (!keep.has(id)) {
        card.element.remove();
        this.cards.delete(id);
        if (this.active === id) this.active = null;
      }
    }
    let previous: Element | null = null;
    for (const p of paragraphs) {
      let card = this.cards.get(p.id);
      if (!card) {
        card = new ParagraphCard(this.context, this.intents, p.id);
        this.cards.set(p.id, card);
      }
      if (card.editing && isLocked(p.status)) this.close(p.id);
      card.update(p, session.edits.get(p.id), here.get(p.id) ?? []);
      const expected: Element | null = previous ? previous.nextElementSibling : this.element.firstElementChild;
      if (expected !== card.element) {
        const refocus = card.editing;
        this.element.insertBefore(card.element, expected);
        if (refocus) card.focusEditor();
      }
      previous = card.element;
    }
    if (paragraphs.length === 0 && this.emptyMessage) this.element.append(h("p", { class: "empty" }, this.emptyMessage));
  }

  /** Updates one paragraph's card (its edit changed: typing, an answer, a conflict). */
  renderOne(paragraphId: string): void {
    const p = this.context.session.paragraph(paragraphId);
    const card = this.cards.get(paragraphId);
    if (!p || !card) return;
    const others = (this.context.presence?.participants ?? []).filter((e) => e.paragraphId === paragraphId && e.participantId !== this.context.shell.me.id);
    card.update(p, this.context.session.edits.get(paragraphId), others);
  }

  /** Opens a paragraph's editor, e.g. one just inserted. */
  edit(paragraphId: string): void {
    const p = this.context.session.paragraph(paragraphId);
    const card = this.cards.get(paragraphId);
    if (!p || !card) return;
    if (this.active && this.active !== paragraphId) this.close(this.active);
    if (card.openEditor(p)) this.active = paragraphId;
    this.rerender();
  }

  card(paragraphId: string): ParagraphCard | undefined {
    return this.cards.get(paragraphId);
  }

  private readonly intents: CardIntents = {
    edit: (id) => this.edit(id),
    leave: (id) => {
      void this.context.session.end(id);
      this.close(id);
      this.rerender();
    },
    actions: (p) => [...this.editing(p), ...this.steering(p)],
    extras: (p) => this.extras(p),
  };

  private close(paragraphId: string): void {
    this.cards.get(paragraphId)?.closeEditor();
    if (this.active === paragraphId) this.active = null;
  }

  private rerender(): void {
    if (this.context.session.doc) this.render(this.context.session.doc);
  }

  /** Insert, move and delete, for those who may edit and only on paragraphs not agreed. */
  private editing(p: Paragraph): HTMLElement[] {
    if (!this.context.canEdit) return [];
    const insert = h("button", { type: "button", "data-action": "insert-after", onclick: () => void this.insertAfter(p) }, "Insert after");
    // Citing changes no text: allowed on agreed paragraphs too.
    const cite = h("button", { type: "button", "data-action": "cite-evidence", onclick: () => void citeEvidence(this.context, p) }, "Cite evidence…");
    if (isLocked(p.status)) return [insert, cite];
    const name = paragraphName(p).toLowerCase();
    return [
      h("button", { type: "button", "data-action": "edit", onclick: () => this.edit(p.id) }, "Edit"),
      insert,
      h("button", { type: "button", "data-action": "move-up", "aria-label": `Move ${name} up`, onclick: () => void this.move(p.id, -1) }, "↑"),
      h("button", { type: "button", "data-action": "move-down", "aria-label": `Move ${name} down`, onclick: () => void this.move(p.id, +1) }, "↓"),
      h("button", { type: "button", "data-action": "delete", onclick: () => void this.remove(p) }, "Delete"),
      cite,
    ];
  }

  async insertAfter(p: Paragraph | null): Promise<void> {
    const paragraphId = crypto.randomUUID();
    const kind = p && p.kind !== "heading" ? p.kind : "operative";
    try {
      await this.context.session.write(Hub.insertParagraph, { afterParagraphId: p?.id ?? null, paragraphId, kind, text: "" });
      await this.present(paragraphId);
      this.edit(paragraphId);
    } catch {
      // the session reported the refusal
    }
  }

  /** Resolves once the paragraph is in the document: our own envelope may arrive after the call's answer. */
  private present(paragraphId: string): Promise<void> {
    const session = this.context.session;
    return new Promise((resolve) => {
      if (session.paragraph(paragraphId)) return resolve();
      const stop = session.subscribe(() => {
        if (!session.paragraph(paragraphId)) return;
        stop();
        resolve();
      });
    });
  }

  /** Moves a paragraph one place up or down among the visible ones (Alt+↑ / Alt+↓ on a paragraph). */
  async move(paragraphId: string, by: -1 | 1): Promise<void> {
    const doc = this.context.session.doc;
    if (!doc) return;
    const order = visible(doc);
    const index = order.findIndex((p) => p.id === paragraphId);
    const target = index + by;
    if (index < 0 || target < 0 || target >= order.length) return;
    const after = by < 0 ? (order[target - 1]?.id ?? null) : (order[target]?.id ?? null);
    await this.context.session.write(Hub.moveParagraph, { paragraphId, afterParagraphId: after }).catch(() => undefined);
    this.cards.get(paragraphId)?.element.focus();
  }

  private async remove(p: Paragraph): Promise<void> {
    if (!(await confirm(`Delete ${paragraphName(p).toLowerCase()}?`, "It stays in the history and can be compared, but leaves the text.", "Delete"))) return;
    await this.context.session.write(Hub.deleteParagraph, { paragraphId: p.id }).catch(() => undefined);
  }

  private dragStart(e: DragEvent): void {
    const card = (e.target as HTMLElement).closest<HTMLElement>("article.paragraph");
    this.dragged = card?.dataset.paragraphId ?? null;
    if (this.dragged && e.dataTransfer) {
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", this.dragged);
      e.dataTransfer.setDragImage(card!, 10, 10);
    }
  }

  /** Dropped on the upper half of a paragraph: before it; on the lower half: after it. */
  private drop(e: DragEvent): void {
    const moving = this.dragged;
    this.dragged = null;
    const target = (e.target as HTMLElement).closest<HTMLElement>("article.paragraph");
    const targetId = target?.dataset.paragraphId;
    const doc = this.context.session.doc;
    if (!moving || !target || !targetId || targetId === moving || !doc) return;
    e.preventDefault();
    const box = target.getBoundingClientRect();
    const order = visible(doc).filter((p) => p.id !== moving);
    const index = order.findIndex((p) => p.id === targetId);
    const after = e.clientY > box.top + box.height / 2 ? targetId : (order[index - 1]?.id ?? null);
    void this.context.session.write(Hub.moveParagraph, { paragraphId: moving, afterParagraphId: after }).catch(() => undefined);
  }
}
