import { describe, DraftingError } from "../errors";
import { may, type DocumentSummary, type QuestionnaireSummary } from "../protocol";
import { h, replaceChildren } from "./dom";
import type { Shell } from "./shell";

const kinds: [string, string][] = [
  ["recommendations", "Draft recommendations"], ["rolling-document", "Rolling document"], ["report", "Report"], ["annex", "Annex"],
];

/** The documents, with how far each has come; chair and secretariat create or import one here. */
export async function documentsPage(shell: Shell): Promise<void> {
  const list = h("section", { "aria-labelledby": "documents-title" }, h("h1", { id: "documents-title" }, "Documents"));
  const questionnaires = h("section", { "aria-labelledby": "questionnaires-title", hidden: true });
  replaceChildren(shell.main, list, questionnaires, may.createDocuments(shell.me.role) && createForm(shell));
  const [documents, asked] = await Promise.allSettled([shell.api.documents(), shell.api.questionnaires()]);
  if (documents.status === "fulfilled") list.append(table(shell, documents.value));
  else list.append(h("p", { class: "error", role: "alert" }, message(documents.reason)));
  // A server without questionnaires (or none yet): no section at all.
  if (asked.status === "fulfilled" && asked.value.length > 0) {
    questionnaires.hidden = false;
    questionnaires.append(h("h2", { id: "questionnaires-title" }, "Questionnaires"), questionnaireTable(shell, asked.value));
  }
}

function questionnaireTable(shell: Shell, questionnaires: QuestionnaireSummary[]): HTMLElement {
  return h("table", { class: "questionnaires" },
    h("thead", {}, h("tr", {}, ...["Title", "Deadline", "Questions", "Respondents", "Contributions", "Late"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...questionnaires.map((q) => h("tr", { "data-questionnaire-id": q.id },
      h("td", {}, h("a", { class: "open", href: `/questionnaires/${q.id}`, onclick: (e: Event) => { e.preventDefault(); shell.navigate(`/questionnaires/${q.id}`); } }, q.title)),
      h("td", {}, q.deadline ?? ""),
      h("td", { class: "count" }, q.questions),
      h("td", { class: "count" }, q.respondents),
      h("td", { class: "count" }, q.contributions),
      h("td", { class: "count" }, q.late)))));
}

function table(shell: Shell, documents: DocumentSummary[]): HTMLElement {
  if (documents.length === 0) return h("p", {}, "No documents yet.");
  const open = (d: DocumentSummary) => (e: Event) => {
    e.preventDefault();
    shell.navigate(`/documents/${d.id}`);
  };
  return h("table", { class: "documents" },
    h("thead", {}, h("tr", {}, ...["Title", "Symbol", "Kind", "Paragraphs", "Agreed", "Open brackets", "Version"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...documents.map((d) => h("tr", { "data-document-id": d.id },
      h("td", {}, h("a", { class: "open", href: `/documents/${d.id}`, onclick: open(d) }, d.title)),
      h("td", {}, d.symbol ?? ""),
      h("td", {}, kinds.find(([k]) => k === d.kind)?.[1] ?? d.kind),
      h("td", { class: "count" }, d.paragraphs),
      h("td", { class: "count" }, d.agreed),
      h("td", { class: "count" }, d.openBrackets),
      h("td", { class: "count" }, d.version)))));
}

function createForm(shell: Shell): HTMLElement {
  const error = h("p", { class: "error", role: "alert" });
  const markdown = h("textarea", { name: "markdown", rows: 8, "aria-describedby": "markdown-help" });
  let word: File | null = null;
  const file = h("input", {
    type: "file", accept: ".docx,.md,.markdown,.txt,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    onchange: async () => {
      const chosen = file.files?.[0] ?? null;
      word = chosen && /\.docx$/i.test(chosen.name) ? chosen : null;
      markdown.disabled = word !== null;
      if (chosen && !word) markdown.value = await chosen.text();
    },
  });
  const form: HTMLFormElement = h("form", {
    id: "create-document",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        const fields = { title: String(data.get("title")), kind: String(data.get("kind")), symbol: String(data.get("symbol") ?? "") || null };
        const created = word
          ? await shell.api.importDocx(word, fields)
          : await shell.api.createDocument({ ...fields, markdown: markdown.value || null });
        shell.navigate(`/documents/${created.id}`);
      } catch (err) {
        error.textContent = message(err);
      }
    },
  },
  h("h2", {}, "New document"),
  h("label", {}, "Title ", h("input", { name: "title", required: true, maxlength: 300 })),
  h("label", {}, "Kind ", h("select", { name: "kind" }, ...kinds.map(([value, label]) => h("option", { value }, label)))),
  h("label", {}, "Symbol ", h("input", { name: "symbol", placeholder: "E/CN.16/2026/CRP.1" })),
  h("label", {}, "Text (Markdown) ", markdown),
  h("p", { id: "markdown-help", class: "help" }, "Paragraphs are separated by blank lines; “1.” starts an operative paragraph; “#” a heading. Or import a file: "),
  h("label", {}, "Import a Word (.docx) or Markdown file ", file),
  h("button", { type: "submit", class: "primary" }, "Create"),
  error);
  return form;
}

export const message = (e: unknown) => (e instanceof DraftingError ? describe(e) : e instanceof Error ? e.message : String(e));
