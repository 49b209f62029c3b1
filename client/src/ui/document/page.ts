import { Connection } from "../../connection";
import type { Paragraph } from "../../fold";
import { StoragePending } from "../../pending";
import { type Envelope, type FollowView, may, type PresenceView } from "../../protocol";
import { DocumentSession } from "../../session";
import { formatTime, h, replaceChildren, reveal } from "../dom";
import { message } from "../documents";
import type { Shell } from "../shell";
import { Announcer } from "./announcer";
import { ConnectionBanner } from "./banner";
import { ChairConsole } from "./chair";
import type { DocumentContext } from "./context";
import { discussion, documentProposals } from "./discussion";
import { Downloads } from "./downloads";
import { HistoryPanel } from "./history";
import { ParagraphList } from "./list";
import { paragraphName } from "./paragraph";
import { renderPresence } from "./presence";
import { ProgressChart } from "./progress";
import { Projector } from "./projector";
import { MappingTable } from "./table";

/**
 * A document, live: the paragraphs, who is here, the chair's console for those who steer, the
 * history for everyone. Returns what to do on leaving the page.
 */
export async function documentPage(shell: Shell, documentId: string, projector: boolean): Promise<() => void> {
  const connection = new Connection(shell.auth.token);
  const session = new DocumentSession(documentId, connection, { events: (id, after) => shell.api.events(id, after), document: (id) => shell.api.document(id) }, new StoragePending());
  const announcer = new Announcer();
  const notices = h("div", { class: "notices", role: "status", "aria-live": "polite" });
  const context: DocumentContext = {
    shell, session, connection, documentId,
    canEdit: may.edit(shell.me.role) && !projector,
    canSteer: may.steer(shell.me.role) && !projector,
    presence: null,
    announce: (text) => announcer.say(text),
    notice: (text) => {
      const note = h("p", { class: "notice" }, text);
      notices.append(note);
      setTimeout(() => note.remove(), 8_000);
    },
  };

  const banner = new ConnectionBanner(session);
  const title = h("h1", { class: "title" });
  const meta = h("p", { class: "meta" });
  const presence = h("section", { id: "presence", "aria-label": "Who is here" });
  const leaving = new AbortController();
  const chair = new ChairConsole(context, leaving.signal);
  const list = new ParagraphList(context, (p) => discussion(context, p), (p) => chair.statusActions(p));
  const history = new HistoryPanel(context);
  const progress = new ProgressChart(context);
  const downloads = new Downloads(context, () => history.viewing());
  // An annex's rows are a table; its headings and text paragraphs (if any) stay cards above it.
  const table = new MappingTable(context);
  table.element.hidden = true;
  list.shows = (p) => p.kind !== "row";
  const view = projector ? new Projector(context, list) : null;
  const toolbar = h("div", { class: "toolbar", role: "toolbar", "aria-label": "Document" });

  document.body.classList.toggle("projector", projector);
  replaceChildren(shell.main,
    h("div", { class: `document-page${context.canEdit ? "" : " read-only"}` },
      h("header", { class: "document-header" }, title, meta, banner.element, toolbar),
      notices,
      h("div", { class: "columns" },
        h("div", { class: "text-column" }, history.snapshot, list.element, table.element),
        !projector && h("aside", { class: "side", "aria-label": "Document tools" }, presence, documentProposals(context), history.element, downloads.element, progress.element, setAside(context))),
      announcer.element));

  const renderHeader = () => {
    const doc = session.doc;
    if (!doc) return;
    title.textContent = doc.title;
    const revision = doc.revisions.at(-1);
    replaceChildren(meta,
      doc.symbol && h("span", { class: "symbol" }, doc.symbol), " ",
      h("span", {}, "Version "), h("span", { id: "version" }, doc.version),
      revision && h("span", {}, ` · latest revision ${revision.label} (${formatTime(revision.at)})`),
      doc.meeting ? h("span", { class: "meeting" }, ` · meeting open: ${doc.meeting.name}`) : h("span", { class: "meeting" }, " · no meeting open"),
      doc.adoptedAt && h("span", { class: "adopted" }, ` · adopted ${formatTime(doc.adoptedAt)}`));
    // Rebuilt only when the meeting changes, so a keyboard user's focus stays on its buttons.
    const toolbarKey = doc.meeting?.name ?? "";
    if (toolbarKey !== toolbar.dataset.key || toolbar.childElementCount === 0) {
      toolbar.dataset.key = toolbarKey;
      replaceChildren(toolbar, ...chair.toolbar(), !projector && h("a", { href: `/documents/${documentId}?view=projector`, target: "_blank", rel: "noopener" }, "Projector view"));
    }
  };

  const render = () => {
    const doc = session.doc;
    if (!doc) return;
    renderHeader();
    const annex = doc.kind === "annex" || doc.paragraphs.some((p) => p.kind === "row" && !p.deleted);
    list.emptyMessage = annex ? null : "This document has no paragraphs yet.";
    table.element.hidden = !annex;
    list.render(doc);
    if (annex) table.render(doc);
    history.update(doc);
    downloads.update(doc);
    banner.show(connection.status, session.sync);
    renderPresence(presence, context.presence, doc);
    view?.update();
  };

  session.subscribe((change) => {
    if (change.kind === "notice") context.notice(change.message);
    if (change.kind === "edit") {
      // typing: only that paragraph and the banner change, not the whole page
      list.renderOne(change.paragraphId);
      banner.show(connection.status, session.sync);
      return;
    }
    if (change.kind === "document" && change.envelope) {
      announceChange(context, change.envelope);
      progress.changed(change.envelope);
    }
    if (change.kind === "document" && !change.envelope) progress.refresh();
    render();
  });
  connection.onStatus((status) => {
    banner.show(status, session.sync);
    if (status === "signed-out") context.notice("Your sign-in is no longer valid. Sign in again with your invite link.");
    if (session.doc) list.render(session.doc);
  });
  const onPresence = (p: PresenceView) => {
    if (p.documentId !== documentId) return;
    context.presence = p;
    render();
  };
  const onFollow = (f: FollowView) => {
    if (f.documentId === documentId) view?.follow(f.paragraphId);
  };
  connection.on("Presence", onPresence as (payload: never) => void);
  connection.on("Follow", onFollow as (payload: never) => void);

  await connection.start();
  try {
    await session.join();
  } catch (e) {
    replaceChildren(shell.main, h("p", { class: "error", role: "alert" }, `This document cannot be opened: ${message(e)}`));
  }
  render();
  void progress.refresh();
  reveal(location.hash);

  return () => {
    leaving.abort();
    document.body.classList.remove("projector");
    void session.leave().then(() => connection.stop());
  };
}

/** Others' changes, read out politely; one's own are not. */
function announceChange(context: DocumentContext, envelope: Envelope): void {
  if (envelope.actor.participantId === context.shell.me.id) return;
  const data = envelope.data as { paragraphId?: string };
  const p: Paragraph | undefined = data.paragraphId ? context.session.doc?.paragraphs.find((q) => q.id === data.paragraphId) : undefined;
  const what = p ? paragraphName(p) : "The document";
  const verbs: Record<string, string> = {
    "paragraph-inserted": "inserted", "paragraph-edited": "edited", "paragraph-moved": "moved", "paragraph-deleted": "deleted",
    "paragraph-status-changed": `marked ${(envelope.data as { status?: string }).status ?? ""}`, "comment-added": "commented on",
    "row-edited": "edited", "rows-merged": "merged with other rows", "evidence-linked": "given a citation", "evidence-unlinked": "no longer citing evidence",
  };
  const verb = verbs[envelope.type];
  if (verb) context.announce(`${what} ${verb} by ${envelope.actor.delegation || envelope.actor.name}`);
  else context.announce(`${envelope.type.replaceAll("-", " ")} by ${envelope.actor.delegation || envelope.actor.name}`);
}

/** Texts the person had that the document no longer holds: never thrown away, shown here to copy back. */
function setAside(context: DocumentContext): HTMLElement {
  const element = h("section", { id: "set-aside", "aria-label": "Set aside" });
  const render = () => {
    const texts = context.session.setAside;
    replaceChildren(element, texts.length > 0 && h("h2", {}, "Set aside"), ...texts.map((t) => h("pre", { class: "aside" }, t)));
  };
  context.session.subscribe((change) => {
    if (change.kind === "edit") render();
  });
  render();
  return element;
}
