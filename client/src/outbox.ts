import type { HubLink } from "./connection";
import { type DraftingError, fromHubError } from "./errors";
import type { Queued } from "./pending";

/**
 * Writes other than text edits (insert, move, delete, status, comment, tag …), sent one at a time in
 * the order they were made. A write the server could not take for a passing reason (no connection,
 * `unavailable`, `rate-limited`) stays first in line and is resent with the same clientOpId, so a
 * retry of one that did land is answered with its first result and appends nothing.
 */
export class Outbox {
  private readonly waiting = new Map<string, { resolve(value: unknown): void; reject(error: unknown): void }>();
  private draining = false;
  private closed = false;

  constructor(
    public items: Queued[],
    private readonly link: HubLink,
    private readonly events: {
      changed(): void;
      refused(error: DraftingError): void;
      retryLater(error: DraftingError): void;
    },
  ) {}

  add<T>(method: string, request: Record<string, unknown>, clientOpId: string): Promise<T> {
    const answer = new Promise<T>((resolve, reject) => this.waiting.set(clientOpId, { resolve: resolve as (value: unknown) => void, reject }));
    this.items = [...this.items, { method, request: { ...request, clientOpId } }];
    this.events.changed();
    void this.drain();
    return answer;
  }

  close(): void {
    this.closed = true;
  }

  async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.items[0]; next && !this.closed; next = this.items[0]) {
        const id = next.request.clientOpId as string;
        try {
          const result = await this.link.invoke<unknown>(next.method, next.request);
          this.waiting.get(id)?.resolve(result); // none for a write restored from an earlier load of the tab
        } catch (e) {
          const error = fromHubError(e);
          if (error.retryable) {
            this.events.retryLater(error);
            return;
          }
          this.waiting.get(id)?.reject(error);
          this.events.refused(error);
        }
        this.waiting.delete(id);
        this.items = this.items.slice(1);
        this.events.changed();
      }
    } finally {
      this.draining = false;
    }
  }
}
