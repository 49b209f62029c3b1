import type { Draft } from "../../fold";
import type { DiffView, DocumentView, TimelineEntry } from "../../protocol";
import { debounce, formatTime, h, replaceChildren, serverHtml } from "../dom";
import { message } from "../documents";
import type { DocumentContext } from "./context";
import { statusLabel } from "./paragraph";

/**
 * History for everyone: "changes since Rev.N" (the server's word diff, kept current), and a
 * timeslider that shows the text and statuses as they were at any version.
 */
export class HistoryPanel {
  readonly element: HTMLElement;
  /** Where an earlier version is shown, above (and instead of) the live text. */
  readonly snapshot = h("section", { id: "snapshot", "aria-live": "polite", hidden: true });
  private readonly since = h("select", { id: "changes-since", "aria-describedby": "changes-help" });
  private readonly changes = h("div", { id: "changes" });
  private readonly slider = h("input", { id: "timeslider", type: "range", min: 1, max: 1, step: 1, value: 1, "aria-label": "Version to show" });
  private readonly sliderLabel = h("output", { for: "timeslider", class: "slider-label" });
  private timeline: TimelineEntry[] | null = null;
  private live = 0;
  private revisions = "";
  /** Someone moved the slider: live updates extend its range but no longer move it. */
  private scrubbing = false;

  constructor(private readonly context: DocumentContext) {
    this.since.addEventListener("change", () => void this.loadChanges());
    const show = debounce(() => void this.show(Number(this.slider.value)), 150);
    this.slider.addEventListener("input", () => {
      this.scrubbing = true;
      this.sliderLabel.textContent = `Version ${this.slider.value}`;
      show();
    });
    this.element = h("section", { class: "history", "aria-label": "History" },
      h("h2", {}, "Changes"),
      h("label", {}, "Changes since ", this.since),
      h("p", { id: "changes-help", class: "help" }, "Insertions are underlined, deletions struck through."),
      this.changes,
      h("h2", {}, "Timeslider"),
      h("label", { for: "timeslider" }, "Scrub through the versions"),
      this.slider, this.sliderLabel);
  }

  /** The version shown on the timeslider, or null when it shows now. */
  viewing(): number | null {
    return this.snapshot.hidden ? null : Number(this.slider.value);
  }

  /** The document moved on: the slider reaches the new version (staying where it is if someone is scrubbing). */
  update(doc: Draft): void {
    const atLive = !this.scrubbing;
    this.live = doc.version;
    this.slider.max = String(Math.max(1, doc.version));
    if (atLive) {
      this.slider.value = String(doc.version);
      this.sliderLabel.textContent = `Version ${doc.version} (now)`;
    }
    const labels = doc.revisions.map((r) => r.label).join("\u0000");
    if (labels !== this.revisions) {
      this.revisions = labels;
      const chosen = this.since.value;
      replaceChildren(this.since, h("option", { value: "" }, "(choose a revision)"), ...doc.revisions.map((r) => h("option", { value: r.label }, r.label)));
      this.since.value = doc.revisions.some((r) => r.label === chosen) ? chosen : "";
    }
    if (this.since.value) this.refreshChanges();
  }

  private readonly refreshChanges = debounce(() => void this.loadChanges(), 1_000);

  private async loadChanges(): Promise<void> {
    const from = this.since.value;
    if (!from) {
      replaceChildren(this.changes);
      return;
    }
    try {
      renderDiff(this.changes, await this.context.shell.api.diff(this.context.documentId, from));
    } catch (e) {
      replaceChildren(this.changes, h("p", { class: "error" }, message(e)));
    }
  }

  private async show(version: number): Promise<void> {
    const textColumn = this.snapshot.parentElement;
    if (version >= this.live) {
      this.backToLive();
      return;
    }
    try {
      const [view, timeline] = await Promise.all([this.context.shell.api.document(this.context.documentId, version), this.loadTimeline()]);
      if (Number(this.slider.value) !== version) return; // scrubbed on meanwhile
      const entry = timeline.find((e) => e.version === version);
      const label = `Version ${version} of ${this.live}` + (entry ? ` · ${formatTime(entry.at)} · ${entry.type.replaceAll("-", " ")} by ${entry.actor.delegation || entry.actor.name}` : "");
      this.sliderLabel.textContent = `Version ${version}`;
      renderSnapshot(this.snapshot, view, label, () => this.backToLive());
      this.snapshot.hidden = false;
      textColumn?.classList.add("scrubbing");
    } catch (e) {
      this.context.notice(message(e));
    }
  }

  private backToLive(): void {
    this.scrubbing = false;
    this.snapshot.hidden = true;
    replaceChildren(this.snapshot);
    this.snapshot.parentElement?.classList.remove("scrubbing");
    this.slider.value = String(this.live);
    this.sliderLabel.textContent = `Version ${this.live} (now)`;
  }

  private async loadTimeline(): Promise<TimelineEntry[]> {
    if (!this.timeline || this.timeline.at(-1)!.version < this.live) this.timeline = await this.context.shell.api.timeline(this.context.documentId);
    return this.timeline;
  }
}

function renderSnapshot(element: HTMLElement, view: DocumentView, label: string, back: () => void): void {
  replaceChildren(element,
    h("header", { class: "snapshot-header" },
      h("p", { id: "snapshot-label" }, label),
      h("button", { id: "back-to-live", type: "button", onclick: back }, "Back to live")),
    ...view.paragraphs.map((p) => h("article", { class: `paragraph kind-${p.kind} status-${p.status}`, "data-paragraph-id": p.id, "data-status": p.status },
      h("header", { class: "paragraph-header" },
        h("span", { class: "number" }, p.number ? `${p.number}.` : p.label ?? ""),
        h("span", { class: `badge status ${p.status}` }, statusLabel(p.status))),
      serverHtml(h("div", { class: "text" }), p.html))));
}

function renderDiff(element: HTMLElement, diff: DiffView): void {
  const changed = diff.paragraphs.filter((p) => p.change !== "unchanged");
  const s = diff.summary;
  replaceChildren(element,
    h("p", { class: "summary" },
      `${s.inserted ?? 0} inserted, ${s.deleted ?? 0} deleted, ${s.edited ?? 0} edited, ${s.moved ?? 0} moved, ${s.statusChanged ?? 0} status changes; ` +
      `open brackets ${s.openBracketsFrom ?? 0} → ${s.openBracketsTo ?? 0}`),
    changed.length === 0 && h("p", {}, "No changes."),
    ...changed.map((p) => h("article", { class: `diff ${p.changes.join(" ")}`, "data-paragraph-id": p.paragraphId },
      h("p", { class: "what" }, `${p.toNumber ?? p.fromNumber ?? ""} ${p.changes.join(", ")}`.trim(),
        p.fromStatus !== p.toStatus && p.fromStatus && p.toStatus ? ` (${statusLabel(p.fromStatus)} → ${statusLabel(p.toStatus)})` : ""),
      serverHtml(h("div", { class: "text" }), p.html))));
}
