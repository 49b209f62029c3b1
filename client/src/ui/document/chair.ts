import type { Paragraph } from "../../fold";
import { Hub, isLocked, type ParagraphStatus, type ParagraphTextResult, type WriteResult } from "../../protocol";
import { confirm, prompt } from "../dialogs";
import { h } from "../dom";
import { bracketActions } from "./brackets";
import type { DocumentContext } from "./context";
import { paragraphName } from "./paragraph";

/**
 * The chair's console: statuses (with a confirmation: agreeing locks the text for everyone),
 * meetings, revision tags and follow-me. Shown only to those who steer; the server checks anyway.
 */
export class ChairConsole {
  private following = false;

  constructor(private readonly context: DocumentContext, leaving: AbortSignal) {
    // With follow-me on, every paragraph the chair moves to becomes everyone's (and the projector's).
    document.addEventListener("focusin", (e) => {
      const card = (e.target as HTMLElement).closest?.<HTMLElement>("article.paragraph");
      const paragraphId = card?.dataset.paragraphId;
      if (this.following && paragraphId) context.connection.send(Hub.followMe, { documentId: context.documentId, paragraphId });
    }, { signal: leaving });
  }

  toolbar(): HTMLElement[] {
    const { context } = this;
    if (!context.canSteer) return [];
    const doc = context.session.doc;
    const meeting = doc?.meeting;
    return [
      meeting
        ? h("button", { type: "button", "data-action": "close-meeting", onclick: () => void this.closeMeeting(meeting.name) }, `Close meeting “${meeting.name}”`)
        : h("button", { type: "button", "data-action": "open-meeting", onclick: () => void this.openMeeting() }, "Open meeting"),
      h("button", { type: "button", "data-action": "tag-revision", onclick: () => void this.tagRevision() }, "Tag revision"),
      h("button", {
        type: "button", "data-action": "follow-me", "aria-pressed": String(this.following),
        onclick: (e: Event) => {
          this.following = !this.following;
          (e.currentTarget as HTMLElement).setAttribute("aria-pressed", String(this.following));
          context.notice(this.following ? "Follow-me is on: the paragraph you are on is shown to everyone." : "Follow-me is off.");
        },
      }, "Follow me"),
    ];
  }

  /** Agree / agree ad ref / reopen on one paragraph, and the bracket tools. */
  statusActions(p: Paragraph): HTMLElement[] {
    if (!this.context.canSteer) return [];
    const set = (status: ParagraphStatus, action: string, label: string, question: string, explanation: string) =>
      h("button", {
        type: "button", "data-action": action,
        onclick: async () => {
          if (await confirm(question, explanation, label)) await this.setStatus(p, status);
        },
      }, label);
    const name = paragraphName(p);
    if (isLocked(p.status)) {
      return [set("draft", "reopen", "Reopen", `Reopen ${name.toLowerCase()}?`, "It becomes a draft again and members can edit it.")];
    }
    return [
      set("agreed", "agree", "Agree", `Mark ${name.toLowerCase()} as agreed?`, "The text is locked for everyone until you reopen it."),
      set("agreed-ad-ref", "agree-ad-ref", "Agree ad ref", `Mark ${name.toLowerCase()} as agreed ad referendum?`,
        "Agreed subject to confirmation by capitals; the text is locked until you reopen it."),
      ...bracketActions(this.context, p),
    ];
  }

  private async setStatus(p: Paragraph, status: ParagraphStatus): Promise<void> {
    try {
      const result = await this.context.session.write<ParagraphTextResult>(Hub.setParagraphStatus, { paragraphId: p.id, baseRevision: p.revision, status });
      if (result.outcome === "conflict") this.context.notice(`${paragraphName(p)} changed while you decided; read it again before agreeing.`);
    } catch {
      // the session shows the refusal (e.g. open brackets)
    }
  }

  private async openMeeting(): Promise<void> {
    const name = await prompt("Open a meeting", "Name of the meeting", "name", "Open", defaultMeetingName());
    if (name) await this.write(Hub.openMeeting, { name });
  }

  private async closeMeeting(name: string): Promise<void> {
    if (await confirm(`Close “${name}”?`, "Edits after this are no longer attributed to this meeting.", "Close meeting")) await this.write(Hub.closeMeeting, {});
  }

  private async tagRevision(): Promise<void> {
    const count = this.context.session.doc?.revisions.length ?? 0;
    const label = await prompt("Tag a revision", "Label", "label", "Tag", `Rev.${count + 1}`);
    if (label) await this.write(Hub.tagRevision, { label });
  }

  private async write(method: string, request: Record<string, unknown>): Promise<void> {
    await this.context.session.write<WriteResult>(method, request).catch(() => undefined);
  }
}

const defaultMeetingName = () => `Session of ${new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" })}`;
