import type { Draft } from "../../fold";
import type { PresenceView } from "../../protocol";
import { delegationColour, h, replaceChildren } from "../dom";

/** Who is in the document and on which paragraph, one colour per delegation; observers only counted. */
export function renderPresence(element: HTMLElement, presence: PresenceView | null, doc: Draft | null): void {
  const entries = presence?.participants ?? [];
  const where = (id: string | null) => {
    const p = id ? doc?.paragraphs.find((q) => q.id === id && !q.deleted) : undefined;
    return p ? ` — on ${p.number ?? p.label ?? "a paragraph"}` : "";
  };
  replaceChildren(element,
    h("h2", {}, "Here now"),
    h("ul", {}, ...entries.map((e) => {
      const chip = h("span", { class: "chip", "aria-hidden": "true" });
      chip.style.backgroundColor = delegationColour(e.delegation);
      return h("li", { "data-participant-id": e.participantId }, chip, `${e.name} (${e.delegation}, ${e.role})${where(e.paragraphId)}`);
    })),
    h("p", { class: "observers" }, `${presence?.observers ?? 0} observer${presence?.observers === 1 ? "" : "s"} following`));
}
