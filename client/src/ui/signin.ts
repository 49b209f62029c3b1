import { h } from "./dom";

/** Sign in with an invite code (the secretariat hands out links `/join/<code>`; the code alone works too). */
export function signInPage(signIn: (code: string) => Promise<string | null>, problem?: string): HTMLElement {
  const error = h("p", { class: "error", role: "alert" }, problem ?? "");
  const input = h("input", { name: "code", required: true, autocomplete: "off", spellcheck: "false", "aria-describedby": "sign-in-help" });
  const form = h("form", {
    id: "sign-in",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const value = input.value.trim();
      const code = /\/join\/([^/?#]+)/.exec(value)?.[1] ?? value;
      error.textContent = (await signIn(decodeURIComponent(code))) ?? "";
    },
  },
  h("label", {}, "Invite link or code ", input),
  h("p", { id: "sign-in-help", class: "help" }, "The secretariat sends each participant a personal link. Opening it signs you in for this browser tab."),
  h("button", { type: "submit", class: "primary" }, "Sign in"),
  error);
  return h("main", { class: "sign-in" }, h("h1", {}, "WGEC.Drafting"), h("p", {}, "Negotiating a text to consensus, paragraph by paragraph."), form);
}
