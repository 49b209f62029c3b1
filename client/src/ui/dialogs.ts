import { h } from "./dom";

/** A modal confirmation; resolves true when confirmed. Focus returns to where it was. */
export function confirm(title: string, message: string, confirmLabel: string): Promise<boolean> {
  return modal("confirm", title, [h("p", {}, message)], confirmLabel).then((form) => form !== null);
}

/** A modal asking for one line of text; resolves with it, or null when cancelled. */
export async function prompt(title: string, label: string, name: string, confirmLabel: string, initial = ""): Promise<string | null> {
  const input = h("input", { name, value: initial, required: true, autocomplete: "off" });
  const form = await modal("prompt", title, [h("label", {}, label, " ", input)], confirmLabel);
  return form ? (form.get(name) as string).trim() || null : null;
}

/** A modal with any fields; resolves with the form's data, or null when cancelled. */
export function modal(kind: string, title: string, body: Node[], confirmLabel: string): Promise<FormData | null> {
  const returnTo = document.activeElement as HTMLElement | null;
  const form = h("form", { method: "dialog" },
    h("h2", {}, title),
    ...body,
    h("menu", {},
      h("button", { value: "cancel", type: "submit", formnovalidate: true }, "Cancel"),
      h("button", { value: "confirm", type: "submit", class: "primary" }, confirmLabel)));
  const dialog = h("dialog", { class: kind, "aria-label": title }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      const confirmed = dialog.returnValue === "confirm";
      const data = new FormData(form);
      dialog.remove();
      returnTo?.focus();
      resolve(confirmed ? data : null);
    });
    dialog.showModal();
  });
}
