import type { LocalEdit } from "../../edits";
import type { Paragraph } from "../../fold";
import { isLocked, type PresenceEntry } from "../../protocol";
import { delegationColour, h, replaceChildren, serverHtml } from "../dom";
import type { DocumentContext } from "./context";
import { ParagraphEditor } from "./editor";
import { evidenceChips } from "./evidence";
import { keepFocus } from "./focus";

/** What the list hands a card to act on: the intents a card raises but does not carry out itself. */
export interface CardIntents {
  edit(paragraphId: string): void;
  leave(paragraphId: string): void;
  actions(paragraph: Paragraph): HTMLElement[];
  extras(paragraph: Paragraph): HTMLElement[];
}

export const statusLabel = (status: string) =>
  status === "agreed-ad-ref" ? "agreed ad ref" : status === "agreed" ? "agreed" : status === "draft" ? "draft" : "other";

export function paragraphName(p: Paragraph): string {
  if (p.kind === "row") return p.number ? `Row ${p.number}` : "Row";
  if (p.number) return `Paragraph ${p.number}`;
  return p.label ? `Paragraph ${p.label}` : p.kind === "heading" ? "Heading" : "Paragraph";
}

/**
 * One paragraph on screen. It is updated in place, so the person typing in it keeps their editor,
 * caret and focus while everything around it changes.
 */
export class ParagraphCard {
  readonly element: HTMLElement;
  private readonly header = h("header", { class: "paragraph-header" });
  private readonly body = h("div", { class: "body" });
  private readonly evidence = h("div", { class: "cites" });
  private readonly state = h("div", { class: "state", "aria-live": "off" });
  private readonly footer = h("footer", { class: "actions" });
  private editor: ParagraphEditor | null = null;
  private shown = "";
  private stateKey = "";
  private footerKey = "";
  private evidenceKey = "";

  constructor(
    private readonly context: DocumentContext,
    private readonly intents: CardIntents,
    readonly paragraphId: string,
  ) {
    this.element = h("article", {
      id: `p-${paragraphId}`, class: "paragraph", tabindex: 0, "data-paragraph-id": paragraphId,
      onkeydown: (e: Event) => this.key(e as KeyboardEvent),
      onfocusin: () => context.connection.send("SetFocus", { documentId: context.documentId, paragraphId }),
      // The edit ends when focus leaves the paragraph, not the editor: its own buttons (a conflict's
      // choices, its actions) must not close the editor under the pointer and move what is being clicked.
      onfocusout: (e: Event) => {
        const to = (e as FocusEvent).relatedTarget;
        if (this.editor && !(to instanceof Node && this.element.contains(to)) && !document.querySelector("dialog[open]")) intents.leave(paragraphId);
      },
    }, this.header, this.body, this.evidence, this.state, this.footer);
  }

  get editing(): boolean {
    return this.editor !== null;
  }

  /** Opens the editor (the list decides when); returns false when the paragraph cannot be edited. */
  openEditor(paragraph: Paragraph): boolean {
    if (!this.context.canEdit || isLocked(paragraph.status) || this.editor) return this.editor !== null;
    this.context.session.begin(paragraph.id);
    this.editor = new ParagraphEditor(this.context.session, paragraph.id, `Text of ${paragraphName(paragraph).toLowerCase()} (Markdown)`, () => {
      this.intents.leave(paragraph.id);
      this.element.focus();
    });
    replaceChildren(this.body, this.editor.element);
    this.shown = "";
    this.editor.focus();
    return true;
  }

  closeEditor(): void {
    this.editor = null;
    this.shown = "";
  }

  focusEditor(): void {
    this.editor?.element.focus();
  }

  update(p: Paragraph, edit: LocalEdit | undefined, present: PresenceEntry[]): void {
    const locked = isLocked(p.status);
    const pending = edit !== undefined && (edit.inFlight !== null || edit.conflict !== null || edit.error !== null || edit.text !== p.text);
    const element = this.element;
    element.className = `paragraph kind-${p.kind} status-${p.status}${this.editor ? " editing" : ""}`;
    element.dataset.status = p.status;
    element.toggleAttribute("data-locked", locked);
    element.toggleAttribute("data-pending", pending);
    element.setAttribute("aria-label", `${paragraphName(p)}, ${statusLabel(p.status)}`);

    replaceChildren(this.header,
      this.context.canEdit && !locked && h("span", { class: "grip", draggable: "true", title: "Drag to move", "aria-hidden": "true" }, "⠿"),
      h("span", { class: "number" }, p.number ? `${p.number}.` : p.label ?? ""),
      h("span", { class: "kind" }, p.kind),
      h("span", { class: `badge status ${p.status}`, "data-status": p.status }, statusLabel(p.status)),
      p.openBrackets > 0 && h("span", { class: "badge brackets" }, `${p.openBrackets} open bracket${p.openBrackets === 1 ? "" : "s"}`),
      p.comments.length > 0 && h("span", { class: "count comments" }, `${p.comments.length} comment${p.comments.length === 1 ? "" : "s"}`),
      (p.proposals?.length ?? 0) > 0 && h("span", { class: "count proposals" }, `${p.proposals!.length} proposal${p.proposals!.length === 1 ? "" : "s"}`),
      h("span", { class: "present" }, ...present.map((entry) =>
        h("span", { class: "who", title: `${entry.name} (${entry.delegation}) is here`, "data-delegation": entry.delegation }, entry.delegation))));
    for (const who of this.header.querySelectorAll<HTMLElement>(".who")) who.style.backgroundColor = delegationColour(who.dataset.delegation ?? "");

    if (this.editor && edit) {
      this.editor.show(edit.text);
    } else if (!this.editor) {
      const key = `${p.revision}\u0000${p.html}\u0000${edit?.text ?? ""}`;
      if (key !== this.shown) {
        this.shown = key;
        const text = serverHtml(h("div", { class: "text", onclick: () => this.intents.edit(p.id) }), p.html);
        replaceChildren(this.body, text, edit && edit.text !== p.text && h("div", { class: "unsent" },
          h("span", { class: "label" }, "Your unsent text: "), h("span", { class: "mine" }, edit.text)));
      }
    }

    const evidenceKey = JSON.stringify([p.evidence ?? [], this.context.canEdit]);
    if (evidenceKey !== this.evidenceKey) {
      this.evidenceKey = evidenceKey;
      replaceChildren(this.evidence, evidenceChips(this.context, p));
    }

    const stateKey = JSON.stringify([edit?.conflict?.revision, edit?.error, edit?.inFlight?.clientOpId, edit && edit.text !== p.text, this.context.connection.status]);
    if (stateKey !== this.stateKey) {
      this.stateKey = stateKey;
      replaceChildren(this.state, ...this.stateOf(p, edit));
    }
    // Rebuilt only when what it shows changed, so a button or a half-typed comment keeps its focus.
    const footerKey = JSON.stringify([p.status, p.revision, p.openBrackets, p.brackets, p.comments, p.proposals, p.number, this.context.session.doc?.adoptedAt]);
    if (footerKey !== this.footerKey) {
      this.footerKey = footerKey;
      const focused = document.activeElement instanceof HTMLElement && this.footer.contains(document.activeElement) ? document.activeElement : null;
      keepFocus(this.footer); // the discussion's controls, by their focus keys
      replaceChildren(this.footer, ...this.intents.actions(p), ...this.intents.extras(p));
      if (focused && !focused.dataset.focusKey) this.refocus(focused.dataset.action);
    }
  }

  /**
   * An action button had focus and was rebuilt (e.g. the status it set changed): focus goes to the same
   * action, or to the one that undoes it (Agree → Reopen), or to the paragraph, never to the page's top.
   */
  private refocus(action: string | undefined): void {
    const counterpart: Record<string, string> = { agree: "reopen", "agree-ad-ref": "reopen", reopen: "agree" };
    const target = [action, action && counterpart[action]]
      .map((a) => (a ? this.footer.querySelector<HTMLElement>(`[data-action="${a}"]`) : null))
      .find((b) => b !== null);
    (target ?? this.element).focus();
  }

  private stateOf(p: Paragraph, edit: LocalEdit | undefined): (HTMLElement | false)[] {
    if (!edit) return [];
    const session = this.context.session;
    if (edit.conflict) {
      const { mine, theirs } = edit.conflict;
      return [h("div", { class: "conflict", role: "group", "aria-label": "Your change overlaps another" },
        h("p", {}, "Someone changed the same words. Nothing was overwritten: choose, or combine the two."),
        h("div", { class: "sides" },
          h("figure", {}, h("figcaption", {}, "Yours"), h("pre", { class: "mine" }, mine)),
          h("figure", {}, h("figcaption", {}, "Now in the document"), h("pre", { class: "theirs" }, theirs))),
        h("button", { type: "button", "data-choice": "mine", onclick: () => void session.settle(p.id, mine) }, "Keep mine"),
        h("button", { type: "button", "data-choice": "theirs", onclick: () => void session.settle(p.id, theirs) }, "Take theirs"),
        h("button", { type: "button", "data-choice": "combine", onclick: () => this.combine(p.id, mine, theirs) }, "Combine…"))];
    }
    if (edit.error) {
      return [h("div", { class: "refused", role: "alert" },
        h("p", {}, edit.error, " Your text is kept:"), h("pre", { class: "mine" }, edit.text),
        h("button", { type: "button", onclick: () => session.discard(p.id) }, "Set it aside"))];
    }
    const connected = this.context.connection.status === "connected";
    if (!connected && (edit.inFlight || edit.text !== p.text)) return [h("p", { class: "sending" }, "Waiting for the connection — kept, will be sent")];
    if (edit.inFlight) return [h("p", { class: "sending" }, "Sending…")];
    if (edit.text !== p.text) return [h("p", { class: "sending" }, "Not sent yet")];
    return [];
  }

  /** Both texts in one editable box; what the person makes of them is sent on top of theirs. */
  private combine(paragraphId: string, mine: string, theirs: string): void {
    const panel = this.state.querySelector(".conflict");
    if (!panel || panel.querySelector(".combined")) return;
    const box = h("textarea", { class: "combined", "aria-label": "Combined text", rows: 6, value: `${theirs}\n${mine}` });
    panel.append(box, h("button", { type: "button", "data-choice": "send-combined", onclick: () => void this.context.session.settle(paragraphId, box.value) }, "Send combined"));
    box.focus();
  }

  private key(e: KeyboardEvent): void {
    if (e.target !== this.element) return;
    if (e.key === "Enter") {
      e.preventDefault();
      this.intents.edit(this.paragraphId);
    }
  }
}
