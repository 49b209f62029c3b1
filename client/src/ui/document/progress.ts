import type { Envelope, ProgressPoint } from "../../protocol";
import { debounce, formatTime, h, replaceChildren, svg } from "../dom";
import { message } from "../documents";
import type { DocumentContext } from "./context";

/** The envelopes that change what the chart counts (paragraphs, statuses, brackets) or where its points are. */
const counted = new Set([
  "revision-tagged", "meeting-opened", "meeting-closed", "paragraph-status-changed",
  "paragraph-edited", "paragraph-inserted", "paragraph-deleted",
  "proposal-tabled", "proposal-withdrawn", "proposal-decided",
]);

/** The chart shows the latest points only (the table has them all): a side panel holds about a dozen bars. */
const maxBars = 12;

// Geometry of the SVG, in its own units; it scales to the panel's width.
const width = 320;
const height = 210;
const plot = { left: 30, right: width - 30, top: 22, bottom: height - 56 };

/**
 * Agreed and agreed-ad-ref paragraphs, out of all, with the open brackets, at every revision tag,
 * meeting and now: an SVG for the eye, with a title and summary for screen readers, and the same
 * numbers as a table for those who want them exactly.
 */
export class ProgressChart {
  readonly element = h("section", { id: "progress", "aria-labelledby": "progress-heading" });
  private readonly body = h("div", { class: "progress-body" });
  private readonly refetch = debounce(() => void this.refresh(), 1_000);
  /** Only the latest request draws: answers can overtake each other. */
  private asked = 0;

  constructor(private readonly context: DocumentContext) {
    this.element.append(h("h2", { id: "progress-heading" }, "Progress"), this.body);
  }

  async refresh(): Promise<void> {
    const ask = ++this.asked;
    try {
      const points = await this.context.shell.api.progress(this.context.documentId);
      if (ask === this.asked) replaceChildren(this.body, ...render(points));
    } catch (e) {
      if (ask === this.asked) replaceChildren(this.body, h("p", { class: "error" }, `Progress cannot be shown: ${message(e)}`));
    }
  }

  /** A burst of edits during a meeting asks once, a second after the last. */
  changed(envelope: Envelope): void {
    if (counted.has(envelope.type)) this.refetch();
  }
}

function render(points: ProgressPoint[]): HTMLElement[] {
  if (points.length === 0) return [h("p", { class: "empty" }, "Nothing to show yet.")];
  return [chart(points.slice(-maxBars), points.length), legend(), table(points)];
}

function pointName(p: ProgressPoint): string {
  switch (p.kind) {
    case "revision": return p.label ?? "revision";
    case "meeting": return `Meeting: ${p.label ?? ""}`.trim();
    case "now": return "Now";
    default: return p.label ?? "Other";
  }
}

/** Short enough to sit under a bar; the table has the whole name. */
function shortName(p: ProgressPoint): string {
  const name = p.kind === "meeting" ? (p.label ?? "meeting") : pointName(p);
  return name.length > 10 ? `${name.slice(0, 9)}…` : name;
}

function chart(points: ProgressPoint[], total: number): HTMLElement {
  const maxParagraphs = Math.max(1, ...points.map((p) => p.paragraphs));
  const maxBrackets = Math.max(1, ...points.map((p) => p.openBrackets));
  const slot = (plot.right - plot.left) / points.length;
  const barWidth = Math.min(26, slot * 0.6);
  const y = (count: number, max: number) => plot.bottom - (count / max) * (plot.bottom - plot.top);
  const centre = (i: number) => plot.left + slot * i + slot / 2;
  const bars = points.map((p, i) => bar(p, centre(i) - barWidth / 2, barWidth, (n) => y(n, maxParagraphs)));
  const line = points.map((p, i) => `${centre(i).toFixed(1)},${y(p.openBrackets, maxBrackets).toFixed(1)}`).join(" ");
  const id = "progress-chart";
  return h("figure", { class: "progress-chart" },
    svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc` },
      svg("title", { id: `${id}-title` }, "Progress of the text"),
      svg("desc", { id: `${id}-desc` }, summary(points, total)),
      hatch(),
      axes(maxParagraphs, maxBrackets, y),
      ...bars,
      svg("polyline", { class: "brackets-line", points: line }),
      ...points.map((p, i) => bracketMark(centre(i), y(p.openBrackets, maxBrackets), p)),
      ...points.map((p, i) => label(centre(i), p))));
}

/** Ad ref is told from agreed by a hatch as well as by colour. */
function hatch(): SVGDefsElement {
  return svg("defs", {},
    svg("pattern", { id: "progress-adref", patternUnits: "userSpaceOnUse", width: 6, height: 6, patternTransform: "rotate(45)" },
      svg("rect", { class: "adref-fill", width: 6, height: 6 }),
      svg("line", { class: "adref-hatch", x1: 0, y1: 0, x2: 0, y2: 6 })));
}

function bar(p: ProgressPoint, x: number, w: number, y: (n: number) => number): SVGGElement {
  const segment = (cls: string, from: number, count: number) =>
    count > 0 && svg("rect", { class: cls, x: x.toFixed(1), y: y(from + count).toFixed(1), width: w.toFixed(1), height: (y(from) - y(from + count)).toFixed(1) });
  return svg("g", { class: "bar" },
    svg("title", {}, `${pointName(p)}: ${p.agreed} agreed, ${p.agreedAdRef} agreed ad ref, of ${p.paragraphs} paragraphs; ${p.openBrackets} open brackets`),
    segment("draft-bar", 0, p.paragraphs),
    segment("agreed-bar", 0, p.agreed),
    segment("adref-bar", p.agreed, p.agreedAdRef));
}

function bracketMark(x: number, y: number, p: ProgressPoint): SVGElement {
  // A diamond, not a dot: the line is told apart by shape and dashes as well as colour.
  return svg("path", { class: "brackets-mark", d: `M${x.toFixed(1)},${(y - 4).toFixed(1)} l4,4 l-4,4 l-4,-4 z` },
    svg("title", {}, `${pointName(p)}: ${p.openBrackets} open brackets`));
}

function label(x: number, p: ProgressPoint): SVGTextElement {
  const top = plot.bottom + 10;
  return svg("text", { class: "tick-label", x: x.toFixed(1), y: top, "text-anchor": "end", transform: `rotate(-40 ${x.toFixed(1)} ${top})` }, shortName(p));
}

function axes(maxParagraphs: number, maxBrackets: number, y: (count: number, max: number) => number): SVGGElement {
  const ticks = (max: number) => [...new Set([0, Math.round(max / 2), max])];
  return svg("g", { class: "axes" },
    svg("line", { class: "axis", x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom }),
    ...ticks(maxParagraphs).map((t) => svg("text", { class: "tick-label", x: plot.left - 4, y: y(t, maxParagraphs) + 3, "text-anchor": "end" }, t)),
    ...ticks(maxBrackets).map((t) => svg("text", { class: "tick-label brackets-tick", x: plot.right + 4, y: y(t, maxBrackets) + 3 }, t)),
    svg("text", { class: "axis-title", x: 2, y: 8 }, "paragraphs"),
    svg("text", { class: "axis-title brackets-tick", x: width - 2, y: 8, "text-anchor": "end" }, "brackets"));
}

/** The chart in one or two sentences: where it started, where it is now. */
function summary(points: ProgressPoint[], total: number): string {
  const first = points[0]!;
  const last = points.at(-1)!;
  const state = (p: ProgressPoint) =>
    `${p.agreed} of ${p.paragraphs} paragraphs agreed, ${p.agreedAdRef} agreed ad ref, ${p.openBrackets} open bracket${p.openBrackets === 1 ? "" : "s"}`;
  const shown = total > points.length ? `The latest ${points.length} of ${total} points. ` : "";
  return points.length === 1
    ? `${pointName(last)}: ${state(last)}.`
    : `${shown}At ${pointName(first)}: ${state(first)}. ${pointName(last)}: ${state(last)}.`;
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) => h("li", {}, h("span", { class: `swatch ${cls}`, "aria-hidden": "true" }), text);
  return h("ul", { class: "progress-legend", "aria-hidden": "true" },
    item("agreed", "agreed"), item("adref", "agreed ad ref"), item("draft", "not agreed"), item("brackets", "open brackets (right scale)"));
}

function table(points: ProgressPoint[]): HTMLElement {
  const proposals = points.some((p) => p.openProposals !== undefined);
  const cell = (n: number | undefined) => h("td", { class: "count" }, n ?? "");
  // The wrapper hides it: a table ignores the 1px width that hides other elements, and would widen the page.
  return h("div", { class: "visually-hidden" }, h("table", {},
    h("caption", {}, "Progress at each revision, meeting and now"),
    h("thead", {}, h("tr", {},
      ...["Point", "Version", "Time", "Paragraphs", "Agreed", "Agreed ad ref", "Open brackets", ...(proposals ? ["Open proposals"] : [])]
        .map((name) => h("th", { scope: "col" }, name)))),
    h("tbody", {}, ...points.map((p) => h("tr", {},
      h("th", { scope: "row" }, pointName(p)), cell(p.version), h("td", {}, formatTime(p.at)),
      cell(p.paragraphs), cell(p.agreed), cell(p.agreedAdRef), cell(p.openBrackets), proposals && cell(p.openProposals))))));
}
