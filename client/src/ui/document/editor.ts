import type { DocumentSession } from "../../session";
import { mapOffset } from "../../text";
import { debounce, h } from "../dom";

/** How long typing pauses before the text is sent. */
export const sendAfterMs = 600;

/**
 * The Markdown editor of one paragraph: sends after a pause and on leaving, and takes the server's
 * (merged or normalised) text without moving the caret more than the change requires.
 */
export class ParagraphEditor {
  readonly element: HTMLTextAreaElement;
  private readonly sendSoon: ReturnType<typeof debounce<[]>>;

  constructor(
    private readonly session: DocumentSession,
    private readonly paragraphId: string,
    label: string,
    onEscape: () => void,
  ) {
    this.sendSoon = debounce(() => void session.flush(paragraphId), sendAfterMs);
    this.element = h("textarea", {
      class: "editor", "aria-label": label, spellcheck: "true",
      oninput: () => {
        this.fit();
        session.type(paragraphId, this.element.value);
        this.sendSoon();
      },
      // Leaving the paragraph sends at once (the card decides when focus has left it).
      onblur: () => {
        this.sendSoon.cancel();
        void session.flush(paragraphId);
      },
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onEscape();
        }
      },
    });
    this.element.value = session.edits.get(paragraphId)?.text ?? "";
  }

  focus(): void {
    this.element.focus();
    const end = this.element.value.length;
    this.element.setSelectionRange(end, end);
    this.fit();
  }

  /** Shows `text` (the session's view of this edit), keeping the caret where the person left it. */
  show(text: string): void {
    const current = this.element.value;
    if (current === text) return;
    const { selectionStart, selectionEnd } = this.element;
    const focused = document.activeElement === this.element;
    this.element.value = text;
    if (focused) this.element.setSelectionRange(mapOffset(current, text, selectionStart), mapOffset(current, text, selectionEnd));
    this.fit();
  }

  private fit(): void {
    this.element.style.height = "auto";
    this.element.style.height = `${this.element.scrollHeight + 2}px`;
  }
}
