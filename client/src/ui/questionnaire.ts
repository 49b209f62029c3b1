import type { QuestionContributions, QuestionnaireView, RespondentContributions, StakeholderType } from "../protocol";
import { formatTime, h, replaceChildren, reveal, serverHtml } from "./dom";
import { message } from "./documents";
import { saveFile } from "./document/downloads";
import type { Shell } from "./shell";

export const stakeholderTypes: Record<string, string> = {
  government: "Government",
  "private-sector": "Private sector",
  "civil-society": "Civil society",
  "technical-and-academic-community": "Technical and academic community",
  "intergovernmental-organisation": "Intergovernmental organisation",
};
export const stakeholderLabel = (type: StakeholderType) => stakeholderTypes[type] ?? "Other";

/**
 * A questionnaire's contributions as the secretariat published them: by question (grouped A–E) and by
 * respondent (grouped by stakeholder type), two tabs over one page; the distribution of respondents;
 * downloads of the summary annex. A contribution's text is the server's sanitised rendering.
 */
export async function questionnairePage(shell: Shell, id: string): Promise<void> {
  let view: QuestionnaireView, questions: QuestionContributions[], respondents: RespondentContributions[];
  try {
    [view, questions, respondents] = await Promise.all([shell.api.questionnaire(id), shell.api.byQuestion(id), shell.api.byRespondent(id)]);
  } catch (e) {
    replaceChildren(shell.main, h("p", { class: "error", role: "alert" }, `This questionnaire cannot be opened: ${message(e)}`));
    return;
  }
  const panels = [
    { key: "by-question", label: "By question", body: byQuestion(questions) },
    { key: "by-respondent", label: "By respondent", body: byRespondent(respondents) },
  ];
  const tabs = panels.map((p, i) => h("button", {
    type: "button", role: "tab", id: `tab-${p.key}`, "aria-controls": `panel-${p.key}`, "aria-selected": i === 0 ? "true" : "false", tabindex: i === 0 ? 0 : -1,
  }, p.label));
  const bodies = panels.map((p, i) => h("section", { role: "tabpanel", id: `panel-${p.key}`, "aria-labelledby": `tab-${p.key}`, hidden: i !== 0, tabindex: 0 }, p.body));
  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      bodies[i]!.hidden = i !== index;
    });
    if (focus) tabs[index]!.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(i, false));
    tab.addEventListener("keydown", (e) => {
      const key = (e as KeyboardEvent).key;
      const to = key === "ArrowRight" ? (i + 1) % tabs.length : key === "ArrowLeft" ? (i + tabs.length - 1) % tabs.length
        : key === "Home" ? 0 : key === "End" ? tabs.length - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      select(to, true);
    });
  });

  replaceChildren(shell.main, h("div", { class: "questionnaire-page" },
    h("h1", {}, view.title),
    h("p", { class: "meta" },
      `${view.questions.length} questions · ${view.respondents.length} respondents · ${view.contributions} contributions`,
      view.deadline && ` · deadline ${view.deadline}`,
      view.late > 0 && h("span", { class: "late-count" }, ` · ${view.late} late`)),
    h("div", { class: "columns" },
      h("div", {}, h("div", { role: "tablist", "aria-label": "Contributions" }, ...tabs), ...bodies),
      h("aside", { class: "side", "aria-label": "Questionnaire tools" }, distribution(view), downloads(shell, id)))));
  // An evidence link names a contribution (#c-…): show the view that holds that anchor.
  if (location.hash.startsWith("#c-")) select(0, false);
  reveal(location.hash);
}

function byQuestion(questions: QuestionContributions[]): HTMLElement {
  const groups = [...new Set(questions.map((q) => q.question.group))].sort();
  return h("div", { class: "by-question" }, ...groups.map((group) => h("section", { class: "group", "data-group": group },
    h("h2", {}, `Group ${group}`),
    ...questions.filter((q) => q.question.group === group).sort((a, b) => a.question.number - b.question.number).map(({ question, contributions }) =>
      h("section", { class: "question", id: `q-${question.id}`, "data-question-id": question.id },
        h("h3", {}, `Question ${question.number}`),
        h("p", { class: "question-text" }, question.text),
        contributions.length === 0
          ? h("p", { class: "empty" }, "No contributions.")
          : h("ol", { class: "contributions" }, ...contributions.map((c) => contribution(`c-${c.id}`, c.id,
            `${c.respondent.name} (${stakeholderLabel(c.respondent.stakeholderType)}${c.respondent.country ? `, ${c.respondent.country}` : ""})`,
            c.html, c.receivedAt, c.late))))))));
}

function byRespondent(respondents: RespondentContributions[]): HTMLElement {
  const known = Object.keys(stakeholderTypes);
  const types = [...new Set(respondents.map((r) => r.respondent.stakeholderType))]
    .sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99));
  return h("div", { class: "by-respondent" }, ...types.map((type) => h("section", { class: "group", "data-stakeholder-type": type },
    h("h2", {}, stakeholderLabel(type)),
    ...respondents.filter((r) => r.respondent.stakeholderType === type).map(({ respondent, contributions }) =>
      h("section", { class: "respondent", "data-respondent-id": respondent.id },
        h("h3", {}, respondent.name, respondent.country && h("span", { class: "country" }, ` (${respondent.country})`)),
        h("ol", { class: "contributions" }, ...contributions.sort((a, b) => a.question.number - b.question.number).map((c) =>
          contribution(`r-${c.id}`, c.id, `Question ${c.question.number} (${c.question.group})`, c.html, c.receivedAt, c.late))))))));
}

function contribution(anchor: string, id: string, heading: string, html: string, receivedAt: string, late: boolean): HTMLElement {
  return h("li", { class: `contribution${late ? " late" : ""}`, id: anchor, "data-contribution-id": id },
    h("p", { class: "contribution-meta" },
      h("span", { class: "contributor" }, heading), " · ", h("span", { class: "received" }, `received ${formatTime(receivedAt)}`),
      late && h("span", { class: "badge late" }, "late")),
    serverHtml(h("div", { class: "contribution-text" }), html));
}

function distribution(view: QuestionnaireView): HTMLElement {
  return h("section", { class: "distribution" },
    h("table", {},
      h("caption", {}, "Respondents by stakeholder type"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Stakeholder type"), h("th", { scope: "col" }, "Respondents"))),
      h("tbody", {}, ...view.distribution.map((d) => h("tr", { "data-stakeholder-type": d.stakeholderType },
        h("th", { scope: "row" }, stakeholderLabel(d.stakeholderType)), h("td", { class: "count" }, d.respondents))))));
}

function downloads(shell: Shell, id: string): HTMLElement {
  const format = h("select", { id: "summary-format" }, h("option", { value: "docx" }, "Word"), h("option", { value: "html" }, "Printable page (HTML)"));
  const by = h("select", { id: "summary-by" }, h("option", { value: "question" }, "By question"), h("option", { value: "respondent" }, "By respondent"));
  const problem = h("p", { class: "error", role: "alert" });
  return h("section", { class: "downloads", "aria-labelledby": "summary-title" },
    h("h2", { id: "summary-title" }, "Summary of contributions"),
    h("label", {}, "Format ", format),
    h("label", {}, "Grouped ", by),
    h("button", {
      type: "button", "data-action": "download-summary",
      onclick: async () => {
        try {
          saveFile(await shell.api.exportQuestionnaire(id, { format: format.value, by: by.value }));
          problem.textContent = "";
        } catch (e) {
          problem.textContent = message(e);
        }
      },
    }, "Download"),
    problem);
}
