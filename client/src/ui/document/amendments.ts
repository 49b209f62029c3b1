import type { Paragraph } from "../../fold";
import { Hub, isLocked, type ProposalView, type TableProposalResult, type WriteResult } from "../../protocol";
import { confirm, modal } from "../dialogs";
import { delegationColour, h } from "../dom";
import type { DocumentContext } from "./context";
import { focusKeysOf, regainFocus } from "./focus";
import { paragraphName } from "./paragraph";

/** A tabled amendment being written: kept after a cancel or a refusal, so the dialog can give it back. */
export interface AmendmentDraft { action: string; text: string; note: string; kind: string }

/** Limits of PROTOCOL.md §5, so the browser stops the typing rather than the server refusing it. */
const maxText = 20_000;
const maxNote = 4_000;

const actionNames: Record<string, string> = {
  replace: "Replace its text", "insert-after": "Insert a new paragraph after it", delete: "Delete it",
};
const kindNames: Record<string, string> = { heading: "Heading", preambular: "Preambular", operative: "Operative", text: "Text" };

/** One amendment: what it would do, who stands where, and the buttons this person may use on it. */
export function proposalItem(context: DocumentContext, proposal: ProposalView, target: Paragraph | null, writable: boolean): HTMLLIElement {
  const open = proposal.state === "open";
  return h("li", { class: `proposal state-${proposal.state}`, "data-proposal-id": proposal.id, "data-focus-key": `proposal:${proposal.id}`, tabindex: -1 },
    h("p", { class: "proposal-meta" },
      delegationChip(proposal.by.delegation || proposal.by.name), " ", h("span", { class: "name" }, proposal.by.name), " ",
      h("span", { class: "badge proposal-state" }, stateLabel(proposal.state))),
    h("p", { class: "proposal-action" }, describeAction(proposal, target)),
    proposal.text && h("blockquote", { class: "proposed-text" }, proposal.text),
    proposal.note && h("p", { class: "proposal-note" }, h("span", { class: "label" }, "Note: "), proposal.note),
    votes(proposal),
    open && writable && h("div", { class: "proposal-actions" }, ...proposalButtons(context, proposal, target)));
}

export function delegationChip(delegation: string): HTMLElement {
  const chip = h("span", { class: "delegation" }, delegation);
  // A style attribute would break the page's CSP (style-src 'self'); the CSSOM does not.
  chip.style.backgroundColor = delegationColour(delegation);
  return chip;
}

function stateLabel(state: string): string {
  return ["open", "withdrawn", "accepted", "rejected"].includes(state) ? state : "other";
}

function describeAction(proposal: ProposalView, target: Paragraph | null): string {
  switch (proposal.action) {
    case "replace": return target ? "Proposes to replace the text with:" : "Proposed to replace a paragraph since deleted with:";
    case "insert-after": return target ? "Proposes to insert after this paragraph:" : "Proposes to insert a new paragraph:";
    case "delete": return target ? "Proposes to delete this paragraph." : "Proposed to delete a paragraph since deleted.";
    default: return `Proposes another kind of amendment (${proposal.action}).`;
  }
}

function votes(proposal: ProposalView): HTMLElement | false {
  if (proposal.supporters.length === 0 && proposal.opponents.length === 0) return false;
  return h("p", { class: "votes" },
    proposal.supporters.length > 0 && h("span", { class: "supporters" }, `Supported by ${proposal.supporters.join(", ")}.`),
    proposal.supporters.length > 0 && proposal.opponents.length > 0 && " ",
    proposal.opponents.length > 0 && h("span", { class: "opponents" }, `Opposed by ${proposal.opponents.join(", ")}.`));
}

/** The server decides; these only leave out what it would refuse (or what the chair should not do). */
function proposalButtons(context: DocumentContext, proposal: ProposalView, target: Paragraph | null): HTMLElement[] {
  const mine = proposal.by.delegation === context.shell.me.delegation;
  const whose = `${proposal.by.delegation || proposal.by.name}’s amendment`;
  const button = (action: string, label: string, run: () => Promise<unknown>, disabled = false) =>
    h("button", {
      type: "button", "data-action": action, "data-focus-key": `${action}:${proposal.id}`, "aria-label": `${label} ${whose}`, disabled,
      onclick: (e: Event) => {
        const keys = focusKeysOf(e.currentTarget as Element);
        void run().then(() => regainFocus(keys));
      },
    }, label);
  const vote = (method: string) => () => write(context, method, { proposalId: proposal.id });
  const buttons: HTMLElement[] = [];
  // Support and opposition come from other member delegations (the server would take the chair's too,
  // but the chair decides and stays neutral); the delegation that tabled it may only withdraw it.
  if (mine) {
    buttons.push(button("withdraw", "Withdraw", () => withdraw(context, proposal)));
  } else if (context.shell.me.role === "member") {
    const me = context.shell.me.delegation;
    buttons.push(button("support", proposal.supporters.includes(me) ? "Supporting" : "Support", vote(Hub.supportProposal), proposal.supporters.includes(me)));
    buttons.push(button("oppose", proposal.opponents.includes(me) ? "Opposing" : "Oppose", vote(Hub.opposeProposal), proposal.opponents.includes(me)));
  }
  if (context.canSteer) {
    if (acceptable(proposal, target)) {
      buttons.push(button("accept-bracketed", "Accept bracketed", () => decide(context, proposal, "accept-bracketed")));
      buttons.push(button("accept-clean", "Accept clean", () => decide(context, proposal, "accept-clean")));
    }
    buttons.push(button("reject", "Reject", () => decide(context, proposal, "reject")));
  }
  return buttons;
}

/** Accepting changes the paragraph, so not while it is agreed, nor when it no longer exists. */
function acceptable(proposal: ProposalView, target: Paragraph | null): boolean {
  if (proposal.action === "insert-after") return true;
  return target !== null && !isLocked(target.status);
}

async function withdraw(context: DocumentContext, proposal: ProposalView): Promise<void> {
  if (!(await confirm("Withdraw your amendment?", "It stays in the history, marked withdrawn, and can no longer be supported or accepted.", "Withdraw"))) return;
  await write(context, Hub.withdrawProposal, { proposalId: proposal.id });
}

type Decision = "accept-bracketed" | "accept-clean" | "reject";

async function decide(context: DocumentContext, proposal: ProposalView, decision: Decision): Promise<void> {
  const whose = `${proposal.by.delegation || proposal.by.name}’s amendment`;
  const [title, label] = decision === "reject" ? [`Reject ${whose}?`, "Reject"]
    : decision === "accept-bracketed" ? [`Accept ${whose} in brackets?`, "Accept bracketed"] : [`Accept ${whose} as it stands?`, "Accept clean"];
  if (!(await confirm(title, consequence(proposal, decision), label))) return;
  const request: Record<string, unknown> = { proposalId: proposal.id, decision: decision === "reject" ? "reject" : "accept" };
  if (decision !== "reject") request.form = decision === "accept-bracketed" ? "bracketed" : "clean";
  if (await write(context, Hub.decideProposal, request)) context.announce(`${label}: done.`);
}

function consequence(proposal: ProposalView, decision: Decision): string {
  if (decision === "reject") return "The amendment is closed as rejected; it stays in the history.";
  const bracketed = decision === "accept-bracketed";
  switch (proposal.action) {
    case "replace": return bracketed
      ? "The proposed text joins the paragraph in square brackets, as an alternative to the present text, until it is agreed."
      : "The paragraph's text is replaced by the proposed text.";
    case "insert-after": return bracketed ? "The new paragraph is inserted in square brackets." : "The new paragraph is inserted as proposed.";
    case "delete": return bracketed
      ? "The whole paragraph is put in square brackets until its deletion is agreed."
      : "The paragraph is deleted; it stays in the history.";
    default: return "The amendment is applied.";
  }
}

/** A write whose refusal the session already reports; true when the server accepted it. */
async function write(context: DocumentContext, method: string, request: Record<string, unknown>): Promise<boolean> {
  try {
    await context.session.write<WriteResult>(method, request);
    return true;
  } catch {
    return false;
  }
}

/**
 * The "table amendment" dialog about a paragraph (or, with none, at the top of the text). What is typed
 * survives a cancel and a refusal in `keep`; only an amendment the server took clears it.
 */
export async function tableAmendment(context: DocumentContext, target: Paragraph | null, keep: { amendment: AmendmentDraft | null }): Promise<boolean> {
  const fields = amendmentFields(target, keep.amendment);
  const title = target ? `Table an amendment to ${paragraphName(target).toLowerCase()}` : "Table an amendment at the top of the text";
  const confirmed = await modal("amendment", title, fields.body, "Table amendment");
  const typed = fields.read();
  const changed = typed.text.trim() !== fields.initialText.trim() || typed.note.trim() !== "";
  if (!confirmed) {
    if (changed) context.notice("Your amendment is kept as a draft; “Table amendment…” opens it again.");
    if (changed || keep.amendment) keep.amendment = typed;
    return false;
  }
  keep.amendment = typed;
  const request: Record<string, unknown> = { paragraphId: target?.id ?? null, action: typed.action, note: typed.note.trim() || null };
  if (typed.action !== "delete") request.text = typed.text;
  if (typed.action === "insert-after" && typed.kind) request.kind = typed.kind;
  try {
    await context.session.write<TableProposalResult>(Hub.tableProposal, request);
  } catch {
    context.notice("Your amendment is kept: open “Table amendment…” again to revise it.");
    return false;
  }
  keep.amendment = null;
  context.announce("Amendment tabled.");
  return true;
}

interface AmendmentFields { body: Node[]; initialText: string; read(): AmendmentDraft }

function amendmentFields(target: Paragraph | null, kept: AmendmentDraft | null): AmendmentFields {
  // Agreed text takes no amendment to itself; a new paragraph after it is still possible.
  const actions = target && !isLocked(target.status) ? ["replace", "insert-after", "delete"] : ["insert-after"];
  const first = kept && actions.includes(kept.action) ? kept.action : actions[0]!;
  const initialText = kept?.text ?? (first === "replace" && target ? target.text : "");
  const text = h("textarea", { name: "text", rows: 6, maxlength: maxText, required: true, value: initialText });
  const note = h("textarea", { name: "note", rows: 2, maxlength: maxNote, value: kept?.note ?? "" });
  const kind = h("select", { name: "kind" },
    h("option", { value: "" }, target ? "Same kind as this paragraph" : "Text"),
    ...Object.entries(kindNames).map(([value, name]) => h("option", { value, selected: kept?.kind === value }, name)));
  const radios = actions.map((action) => h("input", { type: "radio", name: "action", value: action, checked: action === first }));
  const textLabel = h("label", {}, "Proposed text (Markdown; square brackets mark what is not agreed)", text);
  const kindLabel = h("label", {}, "Kind of the new paragraph", kind);
  const chosen = () => radios.find((r) => r.checked)?.value ?? first;
  const sync = () => {
    const action = chosen();
    const deleting = action === "delete";
    textLabel.hidden = deleting;
    text.disabled = deleting;
    kindLabel.hidden = action !== "insert-after";
    if (action === "replace" && target && text.value.trim() === "") text.value = target.text;
  };
  for (const radio of radios) radio.addEventListener("change", sync);
  sync();
  const body: Node[] = [
    ...(kept ? [h("p", { class: "help" }, "Your earlier draft is restored.")] : []),
    actions.length > 1
      ? h("fieldset", { class: "amendment-action" }, h("legend", {}, "The amendment"),
        ...radios.map((radio) => h("label", { class: "choice" }, radio, " ", actionNames[radio.value] ?? radio.value)))
      : h("p", {}, target ? "Agreed text takes no amendment; you may propose a new paragraph after it." : "A new paragraph at the top of the text."),
    textLabel, kindLabel,
    h("label", {}, "Note (optional: why, or on whose behalf)", note),
  ];
  return { body, initialText, read: () => ({ action: chosen(), text: text.value, note: note.value, kind: kind.value }) };
}
