import type { Draft } from "../../fold";
import { h, replaceChildren } from "../dom";
import { message } from "../documents";
import type { DocumentContext } from "./context";

const formats: [string, string][] = [["docx", "Word"], ["html", "Printable page (HTML)"], ["markdown", "Markdown"], ["akn", "Akoma Ntoso (XML)"]];
/** An annex's table is also a spreadsheet. */
const tableFormat: [string, string] = ["csv", "Table (CSV)"];

/**
 * Downloads of the text as it stands (or at the timeslider's version): Word, optionally as tracked
 * changes against a revision, a printable page, Markdown or Akoma Ntoso. The token goes in a header,
 * so the file is fetched and handed to the browser as a download.
 */
export class Downloads {
  readonly element: HTMLElement;
  private readonly format = h("select", { id: "export-format", name: "format" }, ...formats.map(([value, label]) => h("option", { value }, label)));
  private readonly against = h("select", { id: "export-against", name: "compareTo" });
  private readonly statuses = h("input", { id: "export-statuses", type: "checkbox", name: "statuses" });
  private readonly problem = h("p", { class: "error", role: "alert" });
  private revisions = "";

  constructor(
    private readonly context: DocumentContext,
    /** The version the timeslider shows, or null when it is at now. */
    private readonly viewing: () => number | null,
  ) {
    this.format.addEventListener("change", () => this.toggle());
    this.element = h("section", { class: "downloads", "aria-labelledby": "downloads-title" },
      h("h2", { id: "downloads-title" }, "Download"),
      h("label", {}, "Format ", this.format),
      h("label", { class: "against" }, "As tracked changes against ", this.against),
      h("label", {}, this.statuses, " Show each paragraph's status"),
      h("button", { type: "button", "data-action": "download", onclick: () => void this.download() }, "Download"),
      this.problem);
  }

  update(doc: Draft): void {
    const annex = doc.kind === "annex";
    const csv = this.format.querySelector('option[value="csv"]');
    if (annex && !csv) this.format.append(h("option", { value: tableFormat[0] }, tableFormat[1]));
    if (!annex && csv) csv.remove();
    const labels = doc.revisions.map((r) => r.label).join("\u0000");
    if (labels === this.revisions) return;
    this.revisions = labels;
    const chosen = this.against.value;
    replaceChildren(this.against, h("option", { value: "" }, "(none: the clean text)"), ...doc.revisions.map((r) => h("option", { value: r.label }, r.label)));
    this.against.value = doc.revisions.some((r) => r.label === chosen) ? chosen : "";
    this.toggle();
  }

  private toggle(): void {
    this.against.disabled = this.format.value !== "docx";
  }

  private async download(): Promise<void> {
    const query: Record<string, string> = { format: this.format.value };
    const version = this.viewing();
    if (version !== null) query.version = String(version);
    if (this.statuses.checked) query.statuses = "true";
    if (this.format.value === "docx" && this.against.value) query.compareTo = this.against.value;
    try {
      saveFile(await this.context.shell.api.export(this.context.documentId, query));
      this.problem.textContent = "";
    } catch (e) {
      this.problem.textContent = message(e);
    }
  }
}

/** Hands a fetched file to the browser as a download (the token goes in a header, so no plain link can fetch it). */
export function saveFile({ blob, name }: { blob: Blob; name: string }): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
