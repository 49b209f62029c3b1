import type { ParticipantView } from "../protocol";
import { h, replaceChildren } from "./dom";
import { message } from "./documents";
import type { Shell } from "./shell";

const roles = ["member", "chair", "observer", "secretariat"];

/** The secretariat invites participants (each gets a personal link) and revokes them. */
export async function participantsPage(shell: Shell): Promise<void> {
  const list = h("section", { "aria-labelledby": "participants-title" });
  const refresh = async () => {
    try {
      replaceChildren(list, h("h2", { id: "participants-title" }, "Participants"), table(shell, await shell.api.participants(), refresh));
    } catch (e) {
      replaceChildren(list, h("p", { class: "error", role: "alert" }, message(e)));
    }
  };
  replaceChildren(shell.main, h("h1", {}, "Participants"), inviteForm(shell, refresh), list);
  await refresh();
}

function inviteForm(shell: Shell, refresh: () => Promise<void>): HTMLElement {
  const result = h("div", { class: "invite-result", "aria-live": "polite" });
  const form: HTMLFormElement = h("form", {
    id: "invite",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        const created = await shell.api.invite(String(data.get("name")), String(data.get("delegation")), String(data.get("role")));
        const link = `${location.origin}/join/${encodeURIComponent(created.inviteCode)}`;
        replaceChildren(result,
          h("p", {}, `Send this personal link to ${created.participant.name} (${created.participant.delegation}, ${created.participant.role}). It is shown only once.`),
          h("p", {}, h("code", { class: "invite-link" }, link), " ",
            h("button", { type: "button", onclick: () => void navigator.clipboard?.writeText(link) }, "Copy")));
        form.reset();
        await refresh();
      } catch (err) {
        replaceChildren(result, h("p", { class: "error", role: "alert" }, message(err)));
      }
    },
  },
  h("h2", {}, "Invite"),
  h("label", {}, "Name ", h("input", { name: "name", required: true })),
  h("label", {}, "Delegation ", h("input", { name: "delegation", required: true, placeholder: "Brazil, ISOC, UNCTAD …" })),
  h("label", {}, "Role ", h("select", { name: "role" }, ...roles.map((r) => h("option", { value: r }, r)))),
  h("button", { type: "submit", class: "primary" }, "Invite"),
  result);
  return form;
}

function table(shell: Shell, participants: ParticipantView[], refresh: () => Promise<void>): HTMLElement {
  return h("table", { class: "participants" },
    h("thead", {}, h("tr", {}, ...["Name", "Delegation", "Role", ""].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...participants.map((p) => h("tr", { "data-participant-id": p.id },
      h("td", {}, p.name), h("td", {}, p.delegation), h("td", {}, p.role),
      h("td", {}, p.id !== shell.me.id && h("button", {
        type: "button", class: "revoke",
        onclick: async () => {
          if (!window.confirm(`Revoke ${p.name}? Their link and sessions stop working at once.`)) return;
          await shell.api.revoke(p.id).catch(() => undefined);
          await refresh();
        },
      }, "Revoke"))))));
}
