/** A burst of `Cited` notices (a paragraph citing many rows) gives at most one read per this long. */
export const citationsWaitMs = 500;

/**
 * When to re-read an annex's rows' citations from other documents, which the server computes on
 * read and announces only with `Cited`: at once, then at most once per {@link citationsWaitMs},
 * and once more after a read that may have been answered before the latest notice.
 */
export class CitationReads {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading = false;
  private again = false;
  private closed = false;

  /** `read` fetches and applies the citations; a failure is left to the reconnect. */
  constructor(private readonly read: () => Promise<void>) {}

  soon(): void {
    if (this.closed || this.timer !== undefined) return; // a read is due and will see this change too
    if (this.reading) {
      this.again = true;
      return;
    }
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.readAt + citationsWaitMs - Date.now()));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.readAt = Date.now();
    this.reading = true;
    try {
      await this.read();
    } catch {
      // offline: the session reads them again once reconnected
    } finally {
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.soon();
      }
    }
  }
}
