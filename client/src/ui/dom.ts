// The only way this client builds DOM: text goes in as text nodes; the one door for HTML is
// `serverHtml`, used only for the server's sanitised rendering (PROTOCOL.md §6).

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** `h("button", { class: "x", onclick: f, "aria-label": "…" }, "text")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The server's sanitised rendering of a paragraph or a diff: the only HTML this client ever parses. */
export function serverHtml(element: HTMLElement, html: string): HTMLElement {
  element.innerHTML = html;
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  append(element, ...children);
  return element;
}

/** Runs `action` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(action: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
  return Object.assign(run, { cancel: () => clearTimeout(timer) });
}

/** A colour per delegation, dark enough for white text (WCAG AA) and stable across sessions. */
export function delegationColour(delegation: string): string {
  let hash = 0;
  for (const char of delegation) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 65% 25%)`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A link to `#p-{id}` (a paragraph, a row) or `#c-{id}` (a contribution): bring it into view and give it focus, as a browser does for a real fragment. */
export function reveal(hash: string): void {
  const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (!target) return;
  for (const old of document.querySelectorAll(".targeted")) old.classList.remove("targeted");
  target.classList.add("targeted");
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}
