import { describe, DraftingError } from "../errors";
import { may, type DocumentSummary, type QuestionnaireSummary, type QuestionnaireView } from "../protocol";
import { h, replaceChildren } from "./dom";
import type { Shell } from "./shell";

const kinds: [string, string][] = [
  ["recommendations", "Draft recommendations"], ["rolling-document", "Rolling document"], ["report", "Report"], ["annex", "Annex"],
];

/** The documents, with how far each has come; chair and secretariat create or import one here. */
export async function documentsPage(shell: Shell): Promise<void> {
  const list = h("section", { "aria-labelledby": "documents-title" }, h("h1", { id: "documents-title" }, "Documents"));
  const questionnaires = h("section", { "aria-labelledby": "questionnaires-title", hidden: true });
  const creates = may.createDocuments(shell.me.role);
  replaceChildren(shell.main, list, questionnaires, creates && createForm(shell), creates && questionnaireForm(shell));
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

/**
 * What a CSV import on the "New document" form came to, for the annex's page to show once it opens:
 * the rows it appended, or the server's refusal (the annex exists, empty, and its table can import again).
 */
export const importOutcomes = new Map<string, { rows: number } | { refused: string }>();

function createForm(shell: Shell): HTMLElement {
  const error = h("p", { class: "error", role: "alert" });
  const markdown = h("textarea", { name: "markdown", rows: 8, "aria-describedby": "markdown-help" });
  const kind = h("select", { name: "kind" }, ...kinds.map(([value, label]) => h("option", { value }, label)));
  let word: File | null = null;
  let csv: File | null = null;
  const file = h("input", {
    type: "file", accept: ".docx,.md,.markdown,.txt,.csv,text/markdown,text/plain,text/csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    onchange: async () => {
      const chosen = file.files?.[0] ?? null;
      word = chosen && /\.docx$/i.test(chosen.name) ? chosen : null;
      csv = chosen && /\.csv$/i.test(chosen.name) ? chosen : null;
      // A mapping table's rows go into an annex, a table.
      if (csv) kind.value = "annex";
      markdown.disabled = word !== null || csv !== null;
      if (chosen && !word && !csv) markdown.value = await chosen.text();
    },
  });
  const form: HTMLFormElement = h("form", {
    id: "create-document",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      error.textContent = "";
      const data = new FormData(form);
      try {
        const fields = { title: String(data.get("title")), kind: String(data.get("kind")), symbol: String(data.get("symbol") ?? "") || null };
        if (csv) {
          const rows = await csv.text();
          const annex = await shell.api.createDocument({ ...fields, kind: "annex" });
          // The annex is made either way; a refused file leaves it empty, and its page says why and can import again.
          importOutcomes.set(annex.id, await shell.api.importRows(annex.id, rows).then((r) => ({ rows: r.rows }), (err: unknown) => ({ refused: message(err) })));
          shell.navigate(`/documents/${annex.id}`);
          return;
        }
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
  h("label", {}, "Kind ", kind),
  h("label", {}, "Symbol ", h("input", { name: "symbol", placeholder: "E/CN.16/2026/CRP.1" })),
  h("label", {}, "Text (Markdown) ", markdown),
  h("p", { id: "markdown-help", class: "help" }, "Paragraphs are separated by blank lines; “1.” starts an operative paragraph; “#” a heading. Or import a file: "),
  h("label", {}, "Import a Word (.docx) or Markdown file, or a mapping table (.csv) as an annex ", file),
  h("button", { type: "submit", class: "primary" }, "Create"),
  error);
  return form;
}

/**
 * A questionnaire, optionally with its answers from a CSV file. If the file is refused the questionnaire
 * exists already: the form says so, links to it, and the next submit imports into it instead of making another.
 */
function questionnaireForm(shell: Shell): HTMLElement {
  const error = h("p", { class: "error", role: "alert" });
  const file = h("input", { type: "file", name: "answers", accept: ".csv,text/csv", "aria-describedby": "answers-help" });
  const submit = h("button", { type: "submit", class: "primary" }, "Create questionnaire");
  let created: QuestionnaireView | null = null;
  const form: HTMLFormElement = h("form", {
    id: "create-questionnaire",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      replaceChildren(error);
      const data = new FormData(form);
      const answers = file.files?.[0] ?? null;
      try {
        created ??= await shell.api.createQuestionnaire({ title: String(data.get("title")), deadline: String(data.get("deadline") ?? "") || null });
      } catch (err) {
        error.textContent = message(err);
        return;
      }
      const q = created;
      try {
        if (answers) await shell.api.importContributions(q.id, await answers.text());
        shell.navigate(`/questionnaires/${q.id}`);
      } catch (err) {
        submit.textContent = "Import answers";
        const href = `/questionnaires/${q.id}`;
        replaceChildren(error, `“${q.title}” was created, but its answers were not imported: ${message(err)} Choose a corrected file and import again, or `,
          h("a", { href, onclick: (ev: Event) => { ev.preventDefault(); shell.navigate(href); } }, "open it without answers"), ".");
      }
    },
  },
  h("h2", {}, "New questionnaire"),
  h("label", {}, "Title ", h("input", { name: "title", required: true, maxlength: 300 })),
  h("label", {}, "Deadline ", h("input", { name: "deadline", type: "date" })),
  h("label", {}, "Answers (.csv, optional) ", file),
  h("p", { id: "answers-help", class: "help" }, "One row per answer, with the columns Respondent, Stakeholder type, Country, Question, Group, Question text, Contribution and Received."),
  submit,
  error);
  return form;
}

export const message = (e: unknown) => (e instanceof DraftingError ? describe(e) : e instanceof Error ? e.message : String(e));
