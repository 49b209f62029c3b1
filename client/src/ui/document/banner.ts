import type { LinkStatus } from "../../connection";
import type { DocumentSession, SyncStatus } from "../../session";
import { h } from "../dom";

const texts: Record<string, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting… your changes are kept and will be sent",
  offline: "Offline — your changes are kept and will be sent when the connection returns",
  "out-of-sync": "Out of sync — catching up with the server",
  "signed-out": "Signed out — sign in again to continue",
};

/**
 * The connection banner: what the link and the session say, the worse of the two, and what is waiting.
 * Only the state is a live region, and it changes only when the state does: the person's own typing
 * (which moves the waiting count) is never read out.
 */
export class ConnectionBanner {
  private readonly state = h("span", { class: "state", role: "status" });
  private readonly waiting = h("span", { class: "waiting" });
  readonly element = h("div", { id: "connection", "data-status": "connecting" }, this.state, this.waiting);

  constructor(private readonly session: DocumentSession) {}

  show(link: LinkStatus, sync: SyncStatus): void {
    const status = link === "connected" && sync === "out-of-sync" ? "out-of-sync" : link === "connected" && sync !== "in-sync" ? "connecting" : link;
    const waiting = this.session.outbox.items.length + [...this.session.edits.values()].filter((e) => e.inFlight || e.text !== this.session.paragraph(e.paragraphId)?.text).length;
    this.element.dataset.status = status;
    const text = texts[status] ?? status;
    if (this.state.textContent !== text) this.state.textContent = text;
    this.waiting.textContent = waiting > 0 ? ` · ${waiting} change${waiting === 1 ? "" : "s"} waiting` : "";
  }
}
