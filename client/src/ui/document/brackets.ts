import type { Paragraph } from "../../fold";
import { type BracketKeep, type BracketView, Hub, isLocked, type ParagraphTextResult } from "../../protocol";
import { h } from "../dom";
import { message } from "../documents";
import type { DocumentContext } from "./context";
import { paragraphName } from "./paragraph";

/** The text the brackets were counted in: `bracketIndex` and `baseRevision` only mean something together. */
interface Source { text: string; revision: number; brackets: BracketView[] }

interface Choice { bracketIndex: number; keep: BracketKeep; alternative: number | null }

/** How much of a bracket's text the dialog shows; the rest is elided. */
const shownLength = 160;

/** Paragraphs whose dialog is being prepared: a second click does not open a second one. */
const opening = new Set<string>();

/** The chair's "Resolve brackets…" on a paragraph with open brackets. */
export function bracketActions(context: DocumentContext, p: Paragraph): HTMLElement[] {
  if (!context.canSteer || p.openBrackets <= 0 || isLocked(p.status) || context.session.doc?.adoptedAt) return [];
  return [h("button", {
    type: "button", "data-action": "resolve-brackets", "aria-haspopup": "dialog",
    "aria-label": `Resolve brackets in ${paragraphName(p).toLowerCase()}`,
    onclick: () => void resolveBrackets(context, p.id),
  }, "Resolve brackets…")];
}

async function resolveBrackets(context: DocumentContext, paragraphId: string): Promise<void> {
  if (opening.has(paragraphId)) return;
  opening.add(paragraphId);
  let source: Source | null;
  try {
    source = await sourceOf(context, paragraphId);
  } finally {
    opening.delete(paragraphId);
  }
  const p = context.session.paragraph(paragraphId);
  if (!source || !p) return;
  if (source.brackets.length === 0) {
    context.notice(`${paragraphName(p)} has no brackets left.`);
    return;
  }
  const choice = await choose(p, source);
  if (choice) await resolve(context, p, source, choice);
}

/**
 * The paragraph's brackets as this tab holds them; after an edit they are gone (fold.ts cannot
 * parse Markdown as the server does), so read them again from the server.
 */
async function sourceOf(context: DocumentContext, paragraphId: string): Promise<Source | null> {
  const local = context.session.paragraph(paragraphId);
  if (!local) return null;
  if (local.brackets) return { text: local.text, revision: local.revision, brackets: local.brackets };
  let fetched: Paragraph | undefined;
  try {
    fetched = (await context.shell.api.document(context.documentId)).paragraphs.find((q) => q.id === paragraphId);
  } catch (e) {
    context.notice(`The brackets could not be read: ${message(e)}`);
    return null;
  }
  if (!fetched) {
    context.notice("This paragraph is no longer in the document.");
    return null;
  }
  // A read older than the text on screen would number the brackets of a text the chair never saw.
  if (fetched.revision < local.revision || !fetched.brackets) {
    context.notice("The paragraph is still changing; try again in a moment.");
    return null;
  }
  return { text: fetched.text, revision: fetched.revision, brackets: fetched.brackets };
}

async function resolve(context: DocumentContext, p: Paragraph, source: Source, choice: Choice): Promise<void> {
  let result: ParagraphTextResult;
  try {
    result = await context.session.write<ParagraphTextResult>(Hub.resolveBracket, {
      paragraphId: p.id, baseRevision: source.revision, bracketIndex: choice.bracketIndex, keep: choice.keep, alternative: choice.alternative,
    });
  } catch {
    return; // the session showed why
  }
  if (result.outcome === "conflict") {
    context.notice(`${paragraphName(p)} changed while you chose; nothing was resolved. Open “Resolve brackets…” again on the new text.`);
  } else {
    context.announce("Bracket resolved.");
  }
}

/** A modal with one button per way to settle each bracket; resolves with the one pressed, or null. */
function choose(p: Paragraph, source: Source): Promise<Choice | null> {
  const title = `Resolve brackets in ${paragraphName(p).toLowerCase()}`;
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const form = h("form", { method: "dialog" },
    h("h2", {}, title),
    h("p", { class: "help" }, "Choose one bracket to settle. The others keep their place; open this again for the next."),
    h("ol", { class: "bracket-list" }, ...source.brackets.map((b, i) => bracketItem(source, b, i))),
    h("menu", {}, h("button", { type: "submit", value: "cancel" }, "Cancel")));
  const dialog = h("dialog", { class: "brackets", "aria-label": title }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      const choice = parseChoice(dialog.returnValue);
      dialog.remove();
      refocus(returnTo, p.id);
      resolve(choice);
    });
    dialog.showModal();
  });
}

function bracketItem(source: Source, b: BracketView, index: number): HTMLLIElement {
  const number = index + 1;
  const span = source.text.slice(b.start, b.end);
  const parent = enclosing(source.brackets, index);
  const option = (keep: BracketKeep, label: string, alternative: number | null = null) =>
    h("button", {
      type: "submit", value: `${index}:${keep}:${alternative ?? ""}`, "data-action": `keep-${keep}`,
      "aria-label": `${label} (bracket ${number})`,
    }, label);
  return h("li", {},
    h("fieldset", {},
      h("legend", {}, `Bracket ${number}`, parent !== null ? `, inside bracket ${parent + 1}` : ""),
      h("p", { class: "bracket-source" }, elide(span)),
      ...(matched(source.text, b)
        ? [
          ...(b.alternatives.length > 1 ? b.alternatives.map((alt, k) => option("alternative", `Keep “${elide(alt)}”`, k)) : []),
          option("content", b.alternatives.length > 1 ? "Keep all of it, without the brackets" : "Keep the text, without the brackets"),
          option("nothing", "Remove it and its text"),
        ]
        : [h("p", { class: "help" }, "This bracket is not closed (or closes nothing): edit the text to fix it.")])));
}

/**
 * The server refuses to resolve an unmatched `[` or `]`. BracketView does not say which spans are
 * unmatched, so read it off the text: a matched span starts with `[` and ends with `]`.
 */
function matched(text: string, b: BracketView): boolean {
  return b.end - b.start >= 2 && text[b.start] === "[" && text[b.end - 1] === "]";
}

/** The nearest bracket that contains bracket `index` (brackets come in order of their start). */
function enclosing(brackets: BracketView[], index: number): number | null {
  const b = brackets[index]!;
  for (let i = index - 1; i >= 0; i--) {
    const outer = brackets[i]!;
    if (outer.depth < b.depth && outer.start <= b.start && outer.end >= b.end) return i;
  }
  return null;
}

function elide(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > shownLength ? `${flat.slice(0, shownLength - 1)}…` : flat;
}

function parseChoice(value: string): Choice | null {
  const match = /^(\d+):(alternative|content|nothing):(\d*)$/.exec(value);
  if (!match) return null;
  return { bracketIndex: Number(match[1]), keep: match[2] as BracketKeep, alternative: match[3] ? Number(match[3]) : null };
}

/** Back where the chair was; the card rebuilds its buttons on every change, so that one may be gone: then its successor. */
function refocus(returnTo: HTMLElement | null, paragraphId: string): void {
  if (returnTo?.isConnected && returnTo !== document.body) {
    returnTo.focus();
    return;
  }
  const card = document.querySelector<HTMLElement>(`article.paragraph[data-paragraph-id="${CSS.escape(paragraphId)}"]`);
  (card?.querySelector<HTMLElement>('[data-action="resolve-brackets"]') ?? card)?.focus();
}
