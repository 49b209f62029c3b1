import type { Paragraph } from "../../fold";
import { type AddCommentResult, type CommentView, Hub, type WriteResult } from "../../protocol";
import { formatTime, h, replaceChildren } from "../dom";
import { type AmendmentDraft, delegationChip, proposalItem, tableAmendment } from "./amendments";
import type { DocumentContext } from "./context";
import { focusKeysOf, keepFocus, regainFocus } from "./focus";

/** PROTOCOL.md §5: a comment is at most 4,000 characters. */
const maxComment = 4_000;

/**
 * What a person has open or half-typed about one paragraph (or, under `document:<id>`, the text as a
 * whole). The card rebuilds its footer on every change of the paragraph; this outlives it, and the page.
 */
interface Draft {
  commentsOpen: boolean;
  proposalsOpen: boolean;
  comment: string;
  replyTo: string | null;
  reply: string;
  amendment: AmendmentDraft | null;
}

const drafts = new Map<string, Draft>();

function draftOf(key: string): Draft {
  let draft = drafts.get(key);
  if (!draft) {
    draft = { commentsOpen: false, proposalsOpen: false, comment: "", replyTo: null, reply: "", amendment: null };
    drafts.set(key, draft);
  }
  return draft;
}

/** One view per paragraph and page, so a half-typed comment keeps its text box (and caret) across re-renders. */
const views = new WeakMap<DocumentContext, Map<string, ParagraphDiscussion>>();

/** Comments and proposals of a paragraph, for its card's footer. */
export function discussion(context: DocumentContext, p: Paragraph): HTMLElement[] {
  let byParagraph = views.get(context);
  if (!byParagraph) views.set(context, (byParagraph = new Map()));
  let view = byParagraph.get(p.id);
  if (!view) byParagraph.set(p.id, (view = new ParagraphDiscussion(context, p.id)));
  return view.render(p);
}

/** Observers read; everyone else writes until the chair adopts the text (then the server refuses every write). */
const writable = (context: DocumentContext) => context.canEdit && !context.session.doc?.adoptedAt;

class ParagraphDiscussion {
  private readonly element = h("div", { class: "discussion" });
  private readonly draft: Draft;
  private readonly comments: Disclosure;
  private readonly proposals: Disclosure;
  private readonly commentForm: CommentForm;
  private readonly replyForm: CommentForm;
  private shown: unknown[] = [];

  constructor(
    private readonly context: DocumentContext,
    private readonly paragraphId: string,
  ) {
    const draft = (this.draft = draftOf(paragraphId));
    this.comments = disclosure(`comments:${paragraphId}`, draft.commentsOpen, (open) => (draft.commentsOpen = open));
    this.proposals = disclosure(`proposals:${paragraphId}`, draft.proposalsOpen, (open) => (draft.proposalsOpen = open));
    this.commentForm = commentForm({
      key: `comment:${paragraphId}`, label: "Add a comment", action: "add-comment", send: "Add comment", initial: draft.comment,
      typed: (text) => (draft.comment = text), submit: (text) => this.addComment(text, null),
    });
    this.replyForm = commentForm({
      key: `reply:${paragraphId}`, label: "Your reply", action: "reply", send: "Send reply", initial: draft.reply,
      typed: (text) => (draft.reply = text), submit: (text) => this.addComment(text, draft.replyTo),
      cancel: () => this.setReplyTo(null),
    });
  }

  render(p: Paragraph): HTMLElement[] {
    const canWrite = writable(this.context);
    if (!canWrite && p.comments.length === 0 && (p.proposals ?? []).length === 0) return [];
    keepFocus(this.element);
    const inputs = [p.comments, p.proposals, p.status, canWrite, this.draft.replyTo];
    if (inputs.some((input, i) => input !== this.shown[i])) {
      this.shown = inputs;
      this.rebuild(p, canWrite);
    }
    return [this.element];
  }

  private rebuild(p: Paragraph, canWrite: boolean): void {
    const proposals = p.proposals ?? [];
    const open = proposals.filter((q) => q.state === "open").length;
    this.comments.fill(`Comments (${p.comments.length})`,
      p.comments.length > 0 ? threads(p.comments, (c, replies) => this.commentItem(c, replies, canWrite)) : h("p", { class: "empty" }, "No comments yet."),
      canWrite && this.commentForm.element);
    this.proposals.fill(`Proposals (${proposals.length})${open > 0 && open < proposals.length ? `, ${open} open` : ""}`,
      proposals.length > 0 ? h("ol", { class: "proposal-list" }, ...proposals.map((q) => proposalItem(this.context, q, p, canWrite))) : h("p", { class: "empty" }, "No amendments tabled."),
      canWrite && h("button", {
        type: "button", "data-action": "table-proposal", "data-focus-key": `table-proposal:${p.id}`, "aria-haspopup": "dialog",
        onclick: (e: Event) => {
          const keys = focusKeysOf(e.currentTarget as Element);
          void this.table().then(() => regainFocus(keys));
        },
      }, "Table amendment…"));
    replaceChildren(this.element, this.comments.element, this.proposals.element);
  }

  private commentItem(c: CommentView, replies: HTMLElement | null, canWrite: boolean): HTMLLIElement {
    const mine = c.by.participantId === this.context.shell.me.id;
    const who = c.by.delegation || c.by.name;
    return h("li", { class: `comment${c.resolved ? " resolved" : ""}`, "data-comment-id": c.id, "data-focus-key": `comment:${c.id}`, tabindex: -1 },
      h("p", { class: "comment-meta" },
        delegationChip(who), " ", h("span", { class: "name" }, c.by.name), " ", h("time", { datetime: c.at }, formatTime(c.at)),
        c.resolved && h("span", { class: "badge resolved-mark" }, "Resolved")),
      h("p", { class: "comment-text" }, c.text),
      canWrite && h("div", { class: "comment-actions" },
        h("button", {
          type: "button", "data-action": "reply", "data-focus-key": `reply-to:${c.id}`, "aria-label": `Reply to ${who}`,
          "aria-expanded": String(this.draft.replyTo === c.id), onclick: () => this.setReplyTo(this.draft.replyTo === c.id ? null : c.id),
        }, "Reply"),
        // The server also lets authors resolve their own comments.
        !c.resolved && (this.context.canSteer || mine) && h("button", {
          type: "button", "data-action": "resolve-comment", "data-focus-key": `resolve:${c.id}`, "aria-label": `Resolve ${who}’s comment`,
          onclick: () => void this.resolve(c),
        }, "Resolve")),
      this.draft.replyTo === c.id && this.replyForm.element,
      replies);
  }

  private setReplyTo(commentId: string | null): void {
    const returnTo = this.draft.replyTo;
    this.draft.replyTo = commentId;
    this.refresh();
    if (commentId) this.replyForm.box.focus();
    else if (returnTo) this.element.querySelector<HTMLElement>(`[data-focus-key="reply-to:${CSS.escape(returnTo)}"]`)?.focus();
  }

  private async addComment(text: string, replyTo: string | null): Promise<boolean> {
    try {
      await this.context.session.write<AddCommentResult>(Hub.addComment, { paragraphId: this.paragraphId, text, replyTo });
    } catch {
      return false; // the session showed why; the text stays in the box
    }
    this.context.announce(replyTo ? "Reply added." : "Comment added.");
    if (replyTo && this.draft.replyTo === replyTo) this.setReplyTo(null);
    return true;
  }

  private async resolve(c: CommentView): Promise<void> {
    await this.context.session.write<WriteResult>(Hub.resolveComment, { commentId: c.id }).catch(() => undefined);
  }

  private async table(): Promise<void> {
    const p = this.context.session.paragraph(this.paragraphId);
    if (!p) return;
    if (await tableAmendment(this.context, p, this.draft)) {
      this.draft.proposalsOpen = true;
      this.proposals.element.open = true;
    }
  }

  /** Re-renders in place after a change of the person's own (a reply opened or closed). */
  private refresh(): void {
    const p = this.context.session.paragraph(this.paragraphId);
    if (!p) return;
    this.shown = [];
    this.render(p);
  }
}

/** Comments in threads: a reply under the comment it answers (one whose comment is unknown stands alone). */
function threads(comments: CommentView[], item: (c: CommentView, replies: HTMLElement | null) => HTMLLIElement): HTMLElement {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, CommentView[]>();
  for (const c of comments) {
    const parent = c.replyTo && ids.has(c.replyTo) ? c.replyTo : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const list = (parent: string | null): HTMLOListElement | null => {
    const here = children.get(parent);
    if (!here) return null;
    return h("ol", { class: parent ? "replies" : "comment-list" }, ...here.map((c) => item(c, list(c.id))));
  };
  return list(null) ?? h("ol", { class: "comment-list" });
}

interface Disclosure {
  element: HTMLDetailsElement;
  fill(summary: string, ...body: (Node | false)[]): void;
}

/** A native `<details>`: keyboard operable and announced as expandable, with no script of ours. */
function disclosure(key: string, open: boolean, toggled: (open: boolean) => void): Disclosure {
  const summary = h("summary", { "data-focus-key": `summary:${key}` });
  const body = h("div", { class: "disclosure-body" });
  const element = h("details", { class: `disclosure ${key.split(":")[0]}`, open }, summary, body);
  element.addEventListener("toggle", () => toggled(element.open));
  return {
    element,
    // Open or closed is the element's own state (its toggle event comes later, as a task): never reset it here.
    fill: (text, ...children) => {
      summary.textContent = text;
      replaceChildren(body, ...children);
    },
  };
}

interface CommentForm { element: HTMLFormElement; box: HTMLTextAreaElement }

interface CommentFormOptions {
  /** Unique on the page: focus finds the box again by it. */
  key: string;
  label: string;
  action: string;
  send: string;
  initial: string;
  typed(text: string): void;
  submit(text: string): Promise<boolean>;
  cancel?(): void;
}

/** A text box that keeps what is typed until the server has it; Ctrl+Enter sends. Built once per paragraph. */
function commentForm(options: CommentFormOptions): CommentForm {
  const box = h("textarea", { rows: 2, maxlength: maxComment, required: true, value: options.initial, "data-focus-key": `box:${options.key}` });
  const button = h("button", { type: "submit", "data-action": options.action }, options.send);
  const element = h("form", { class: `comment-form ${options.action}` },
    h("label", {}, options.label, " ", h("span", { class: "help" }, "(Ctrl+Enter sends)"), box),
    h("div", { class: "form-actions" }, button,
      options.cancel && h("button", { type: "button", "data-action": `cancel-${options.action}`, onclick: () => options.cancel?.() }, "Cancel")));
  box.addEventListener("input", () => options.typed(box.value));
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      element.requestSubmit(button);
    }
  });
  element.addEventListener("submit", (e) => {
    e.preventDefault();
    void send();
  });
  const send = async () => {
    const text = box.value.trim();
    if (!text || button.disabled) return;
    button.disabled = true;
    button.textContent = "Sending…";
    const sent = await options.submit(text);
    button.disabled = false;
    button.textContent = options.send;
    // Cleared only when the server has it, and only if nothing more was typed meanwhile.
    if (sent && box.value.trim() === text) {
      box.value = "";
      options.typed("");
    }
  };
  return { element, box };
}

/**
 * Amendments that stand on no paragraph: to insert at the top of the text, and those about a
 * paragraph since deleted. For the page's side panel; it follows the session itself.
 */
export function documentProposals(context: DocumentContext): HTMLElement {
  const element = h("section", { id: "document-proposals", class: "discussion", "aria-labelledby": "document-proposals-heading" });
  const draft = draftOf(`document:${context.documentId}`);
  let shown: unknown[] = [];
  const render = () => {
    const doc = context.session.doc;
    const canWrite = writable(context);
    const proposals = doc?.proposals ?? [];
    const inputs = [doc?.proposals, canWrite];
    if (!doc || inputs.every((input, i) => input === shown[i])) return;
    shown = inputs;
    keepFocus(element);
    element.hidden = !canWrite && proposals.length === 0;
    replaceChildren(element,
      h("h2", { id: "document-proposals-heading" }, "Amendments at the top"),
      proposals.length > 0
        ? h("ol", { class: "proposal-list" }, ...proposals.map((q) => proposalItem(context, q, null, canWrite)))
        : h("p", { class: "empty" }, "None tabled."),
      canWrite && h("button", {
        type: "button", "data-action": "table-proposal", "data-focus-key": "table-proposal:document", "aria-haspopup": "dialog",
        onclick: () => void tableAmendment(context, null, draft).then(() => regainFocus(["table-proposal:document"])),
      }, "Table amendment at the top…"));
  };
  context.session.subscribe((change) => {
    if (change.kind === "document") render();
  });
  render();
  return element;
}
