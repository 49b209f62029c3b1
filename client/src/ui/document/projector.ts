import type { DocumentContext } from "./context";
import type { ParagraphList } from "./list";

/**
 * The projector (`?view=projector`): large type, read-only, the chair's current paragraph centred.
 * It follows the chair's follow-me, and otherwise the paragraph the chair is on.
 */
export class Projector {
  private followed: string | null = null;
  private shown: string | null = null;

  constructor(
    private readonly context: DocumentContext,
    private readonly list: ParagraphList,
  ) {}

  follow(paragraphId: string): void {
    this.followed = paragraphId;
    this.update();
  }

  update(): void {
    const chairOn = this.context.presence?.participants.find((e) => (e.role === "chair" || e.role === "secretariat") && e.paragraphId)?.paragraphId ?? null;
    const current = this.followed ?? chairOn;
    for (const element of this.list.element.querySelectorAll(".paragraph.current")) element.classList.remove("current");
    const card = current ? this.list.card(current) : undefined;
    if (!card) return;
    card.element.classList.add("current");
    if (current !== this.shown) {
      this.shown = current;
      card.element.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }
}
