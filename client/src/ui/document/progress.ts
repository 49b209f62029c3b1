import type { Envelope } from "../../protocol";
import { h } from "../dom";
import type { DocumentContext } from "./context";

/** Agreed / ad ref / bracketed over revisions and meetings (stub: filled in next). */
export class ProgressChart {
  readonly element = h("section", { id: "progress", "aria-label": "Progress" });

  constructor(private readonly context: DocumentContext) {}

  async refresh(): Promise<void> {
    await this.context.shell.api.progress(this.context.documentId).catch(() => undefined);
  }

  changed(_envelope: Envelope): void {}
}
