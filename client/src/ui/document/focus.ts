// The paragraph card replaces its footer's children on every render, and the discussion rebuilds its
// lists when they change: either takes focus (and the caret) off whatever had it. Elements that may be
// rebuilt carry `data-focus-key`; these put focus back on the same key, or on the nearest thing around it.

/** Call before the content of `root` is detached or rebuilt; focus comes back once the render is over. */
export function keepFocus(root: HTMLElement): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return;
  const keys = focusKeys(active, root);
  const caret = active instanceof HTMLTextAreaElement
    ? { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection, scroll: active.scrollTop }
    : null;
  queueMicrotask(() => {
    if (!lost(active)) return;
    const target = active.isConnected ? active : find(root, keys);
    if (!target) return;
    target.focus({ preventScroll: true });
    if (caret && target instanceof HTMLTextAreaElement) {
      target.setSelectionRange(caret.start, caret.end, caret.direction);
      target.scrollTop = caret.scroll;
    }
  });
}

/** Where to go back after a dialog, whose own "return focus" may point at an element rebuilt meanwhile. */
export function focusKeysOf(element: Element | null): string[] {
  return element instanceof HTMLElement ? focusKeys(element, document.body) : [];
}

/** After a dialog closed: if focus fell to the page, put it on the successor of `keys`. */
export function regainFocus(keys: string[]): void {
  if (!lost(null)) return;
  find(document.body, keys)?.focus({ preventScroll: true });
}

/** The element's own key, then those of its ancestors (a comment, a proposal, its disclosure's summary). */
function focusKeys(element: HTMLElement, root: HTMLElement): string[] {
  const keys: string[] = [];
  for (let at: HTMLElement | null = element; at && at !== root.parentElement; at = at.parentElement) {
    if (at.dataset.focusKey) keys.push(at.dataset.focusKey);
    const summary = at instanceof HTMLDetailsElement ? at.querySelector<HTMLElement>(":scope > summary") : null;
    if (summary?.dataset.focusKey) keys.push(summary.dataset.focusKey);
  }
  return keys;
}

/** Focus is still on `active`, or was moved somewhere on purpose: nothing to do. */
function lost(active: Element | null): boolean {
  const now = document.activeElement;
  return now !== active && (now === null || now === document.body);
}

function find(root: HTMLElement, keys: string[]): HTMLElement | null {
  for (const key of keys) {
    const found = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    if (found?.isConnected) return found;
  }
  return null;
}
