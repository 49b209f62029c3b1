import type { Paragraph } from "../../fold";
import { type EvidenceView, Hub } from "../../protocol";
import { isRow } from "../../rows";
import { modal } from "../dialogs";
import { h, replaceChildren } from "../dom";
import type { Shell } from "../shell";
import type { DocumentContext } from "./context";

/** Where a piece of evidence is shown: a row in its annex, a contribution on its questionnaire's page. */
export const evidenceHref = (e: EvidenceView) =>
  e.kind === "row" ? `/documents/${e.sourceId}#p-${e.id}` : `/questionnaires/${e.sourceId}#c-${e.id}`;

/** Row numbers of the annexes cited, read once per page (a citation names a row by its issue; the number is a courtesy). */
const rowNumbers = new Map<string, Promise<Map<string, string | null>>>();

function rowNumber(shell: Shell, annexId: string, rowId: string): Promise<string | null> {
  let numbers = rowNumbers.get(annexId);
  if (!numbers) {
    numbers = shell.api.document(annexId).then((d) => new Map(d.paragraphs.map((p) => [p.id, p.number])), () => new Map());
    rowNumbers.set(annexId, numbers);
  }
  return numbers.then((n) => n.get(rowId) ?? null);
}

/** A paragraph's evidence as small links ("Cites: Spam (row 6)"), each removable by those who may edit. */
export function evidenceChips(context: DocumentContext, p: Paragraph): HTMLElement | false {
  const evidence = p.evidence ?? [];
  if (evidence.length === 0) return false;
  return h("ul", { class: "evidence", "aria-label": "Evidence cited" }, ...evidence.map((e) => {
    const where = h("span", { class: "where" });
    if (e.kind === "row") {
      const doc = context.session.doc;
      const local = e.sourceId === context.documentId ? doc?.paragraphs.find((q) => q.id === e.id)?.number : undefined;
      const show = (n: string | null | undefined) => (where.textContent = n ? ` (row ${n})` : " (row)");
      if (local !== undefined) show(local);
      else void rowNumber(context.shell, e.sourceId, e.id).then(show);
    } else {
      where.textContent = " (contribution)";
    }
    const href = evidenceHref(e);
    return h("li", { class: "evidence-chip", "data-kind": e.kind, "data-evidence-id": e.id },
      h("a", { href, onclick: (ev: Event) => { ev.preventDefault(); context.shell.navigate(href); } }, "Cites: ", h("span", { class: "label" }, e.label), where),
      context.canEdit && h("button", {
        type: "button", "data-action": "unlink-evidence", "aria-label": `Stop citing ${e.label}`,
        onclick: () => void context.session.write(Hub.unlinkEvidence, { paragraphId: p.id, kind: e.kind, id: e.id }).catch(() => undefined),
      }, "×"));
  }));
}

/** "Cite evidence…": pick a row of an annex or a questionnaire contribution, by search; the paragraph then cites it. */
export async function citeEvidence(context: DocumentContext, p: Paragraph): Promise<void> {
  const api = context.shell.api;
  const search = h("input", { type: "search", name: "search", autocomplete: "off" });
  const source = h("select", { name: "source" });
  const choices = h("fieldset", { class: "evidence-choices" }, h("legend", {}, "Evidence"));
  const status = h("p", { class: "help", "aria-live": "polite" }, "Loading…");
  const filter = () => {
    const words = search.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    for (const label of choices.querySelectorAll<HTMLElement>("label.choice")) {
      const text = (label.textContent ?? "").toLocaleLowerCase();
      label.hidden = !words.every((w) => text.includes(w));
    }
  };
  search.addEventListener("input", filter);
  const choice = (value: string, text: string, detail?: string) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "evidence", value, required: true }), " ", text, detail && h("span", { class: "detail" }, ` — ${detail}`));

  // Each choice of source reads its list; only the latest one's answer is shown (a quick change of mind must not mix two lists).
  let loading = 0;
  const load = async () => {
    const ticket = ++loading;
    const [kind, id] = source.value.split(":");
    status.textContent = "Loading…";
    const items: HTMLElement[] = [];
    try {
      if (kind === "row" && id) {
        const annex = await api.document(id);
        items.push(...annex.paragraphs.filter(isRow).filter((r) => r.id !== p.id)
          .map((r) => choice(`row:${r.id}`, `${r.number ?? ""}. ${r.fields.issue}`, [r.fields.category, r.fields.status].filter(Boolean).join(", "))));
      } else if (kind === "questionnaire" && id) {
        for (const { question, contributions } of await api.byQuestion(id)) {
          items.push(h("p", { class: "question" }, `Question ${question.number} (${question.group}): ${question.text}`),
            ...contributions.map((c) => choice(`contribution:${c.id}`, `${c.respondent.name}, question ${question.number}`, c.text.slice(0, 120))));
        }
      }
      if (ticket !== loading) return;
      replaceChildren(choices, h("legend", {}, kind === "row" ? "Rows" : "Contributions"), ...items);
      status.textContent = items.length === 0 ? "Nothing to cite here." : "";
      filter();
    } catch (e) {
      if (ticket === loading) status.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  source.addEventListener("change", () => void load());

  const [documents, questionnaires] = await Promise.all([
    api.documents().catch(() => []),
    api.questionnaires().catch(() => []), // none until the questionnaires exist on the server
  ]);
  const annexes = documents.filter((d) => d.kind === "annex");
  replaceChildren(source,
    annexes.length > 0 && h("optgroup", { label: "Mapping tables (annexes)" }, ...annexes.map((d) => h("option", { value: `row:${d.id}` }, d.title))),
    questionnaires.length > 0 && h("optgroup", { label: "Questionnaires" }, ...questionnaires.map((q) => h("option", { value: `questionnaire:${q.id}` }, q.title))));
  void load();
  const form = await modal("cite", "Cite evidence", [
    h("label", {}, "From ", source),
    h("label", {}, "Search ", search),
    status,
    choices,
  ], "Cite");
  const picked = String(form?.get("evidence") ?? "");
  const [kind, id] = picked.split(":");
  if (!kind || !id) return;
  await context.session.write(Hub.linkEvidence, { paragraphId: p.id, kind, id }).catch(() => undefined);
}
