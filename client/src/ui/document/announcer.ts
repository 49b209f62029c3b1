import { h } from "../dom";

/**
 * The ARIA live region for what others do: polite, and at most one sentence every few seconds
 * (a burst of edits becomes "3 changes by Brazil and Chile"), never one per keystroke.
 */
export class Announcer {
  readonly element = h("div", { id: "announcer", class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
  private queued: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly everyMs = 3_000) {}

  say(text: string): void {
    this.queued.push(text);
    this.timer ??= setTimeout(() => this.flush(), this.everyMs);
  }

  private flush(): void {
    this.timer = undefined;
    const [first] = this.queued;
    this.element.textContent = this.queued.length === 1 && first ? first : `${this.queued.length} changes: ${[...new Set(this.queued)].slice(0, 3).join("; ")}`;
    this.queued = [];
  }
}
