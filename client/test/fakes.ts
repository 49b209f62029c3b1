import type { HubLink } from "../src/connection";
import type { CitedView, DocumentView, Envelope, JoinDocumentResult } from "../src/protocol";
import type { Reads } from "../src/session";

/** A call the session made that the test answers, refuses, or leaves hanging. */
export class Deferred<T = unknown> {
  readonly promise: Promise<T>;
  settled = false;
  private resolveWith!: (value: T) => void;
  private rejectWith!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveWith = resolve;
      this.rejectWith = reject;
    });
  }

  resolve(value: T): void {
    if (this.settled) throw new Error("already settled");
    this.settled = true;
    this.resolveWith(value);
  }

  reject(error: unknown): void {
    if (this.settled) throw new Error("already settled");
    this.settled = true;
    this.rejectWith(error);
  }
}

export class HubCall extends Deferred {
  constructor(
    readonly method: string,
    readonly request: Record<string, unknown>,
  ) {
    super();
  }

  answer(result: unknown): void {
    this.resolve(result);
  }

  /** The server's refusal: a HubException whose message starts with a code (PROTOCOL.md §3). */
  refuse(code: string, message = "refused"): void {
    this.reject(new Error(`${code}: ${message}`));
  }
}

/**
 * A scripted server on the other end of the hub: it records every invocation, and the test decides
 * what each one gets. Like SignalR, a disconnect fails every call still waiting with a plain Error.
 */
export class FakeHub implements HubLink {
  readonly calls: HubCall[] = [];
  private readonly handlers = new Map<string, Set<(payload: never) => void>>();
  private reconnectedListeners: (() => void)[] = [];
  private connected = true;

  invoke<T>(method: string, request: object): Promise<T> {
    if (!this.connected) return Promise.reject(new Error("not connected"));
    const call = new HubCall(method, { ...(request as Record<string, unknown>) });
    this.calls.push(call);
    return call.promise as Promise<T>;
  }

  on(method: string, handler: (payload: never) => void): void {
    const set = this.handlers.get(method) ?? new Set();
    set.add(handler);
    this.handlers.set(method, set);
  }

  off(method: string, handler: (payload: never) => void): void {
    this.handlers.get(method)?.delete(handler);
  }

  onReconnected(listener: () => void): () => void {
    this.reconnectedListeners.push(listener);
    return () => {
      this.reconnectedListeners = this.reconnectedListeners.filter((l) => l !== listener);
    };
  }

  /** The server broadcasts an `Applied` envelope. */
  applied(...envelopes: Envelope[]): void {
    for (const envelope of envelopes) {
      for (const handler of this.handlers.get("Applied") ?? []) (handler as (e: Envelope) => void)(envelope);
    }
  }

  /** The server's `Cited` notice: a row of an annex began or stopped being cited. */
  cited(view: CitedView): void {
    for (const handler of this.handlers.get("Cited") ?? []) (handler as (c: CitedView) => void)(view);
  }

  disconnect(): void {
    this.connected = false;
    for (const call of this.pending()) call.reject(new Error("Invocation canceled due to the underlying connection being closed."));
  }

  reconnect(): void {
    this.connected = true;
    for (const listener of this.reconnectedListeners) listener();
  }

  callsOf(method: string): HubCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  pending(method?: string): HubCall[] {
    return this.calls.filter((c) => !c.settled && (method === undefined || c.method === method));
  }

  /** The one unanswered call of `method`; fails the test when there is none or several. */
  waiting(method: string): HubCall {
    const calls = this.pending(method);
    const [call] = calls;
    if (calls.length !== 1 || !call) throw new Error(`expected one pending ${method}, found ${calls.length}`);
    return call;
  }

  answerJoin(result: Partial<JoinDocumentResult> & { version: number }): void {
    this.waiting("JoinDocument").answer({ document: null, events: null, ...result });
  }
}

/** The REST reads of §2, each one a call the test answers. */
export class FakeReads implements Reads {
  readonly eventCalls: { after: number; answer: Deferred<Envelope[]> }[] = [];
  readonly documentCalls: Deferred<DocumentView>[] = [];

  events(_documentId: string, after: number): Promise<Envelope[]> {
    const answer = new Deferred<Envelope[]>();
    this.eventCalls.push({ after, answer });
    return answer.promise;
  }

  document(): Promise<DocumentView> {
    const answer = new Deferred<DocumentView>();
    this.documentCalls.push(answer);
    return answer.promise;
  }
}

/** sessionStorage for node. */
export class MapStorage implements Storage {
  [name: string]: unknown;
  readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** op-1, op-2, … so that tests can name the clientOpIds the session chose. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `op-${++next}`;
}

/** Lets every promise chain that can run, run (timers stay where they are). */
export async function settled(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
