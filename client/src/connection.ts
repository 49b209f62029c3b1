import { HttpTransportType, type HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { DraftingError, fromHubError } from "./errors";
import { Hub } from "./protocol";

/** The link to the server, as the connection banner shows it. */
export type LinkStatus = "connecting" | "connected" | "reconnecting" | "offline" | "signed-out";

/** What a document session needs of the hub: calls, and the server's calls to us. */
export interface HubLink {
  invoke<T>(method: string, request: object): Promise<T>;
  on(method: string, handler: (payload: never) => void): void;
  off(method: string, handler: (payload: never) => void): void;
  /** Returns the way to stop listening. */
  onReconnected(listener: () => void): () => void;
}

/** After this long without a connection the banner says offline rather than reconnecting. */
const offlineAfterMs = 10_000;

/**
 * The hub connection of a tab. It never gives up: it retries with a capped back-off for as long as
 * the page is open, refreshing the token on each attempt, and tells listeners when it is back so that
 * sessions re-join and resend what is pending.
 */
export class Connection implements HubLink {
  private readonly hub: HubConnection;
  private readonly statusListeners = new Set<(status: LinkStatus) => void>();
  private readonly reconnectedListeners = new Set<() => void>();
  private current: LinkStatus = "connecting";
  private lostAt = 0;
  private stopped = false;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(token: () => string | null, base = "") {
    this.hub = new HubConnectionBuilder()
      .withUrl(base + Hub.path, {
        accessTokenFactory: () => token() ?? "",
        transport: HttpTransportType.WebSockets | HttpTransportType.LongPolling,
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => backoff(retry.previousRetryCount) })
      .configureLogging(LogLevel.None)
      .build();
    this.hub.onreconnecting(() => this.lost());
    this.hub.onreconnected(() => this.back());
    // Closed without an automatic reconnect (the server closed us, e.g. an expired token): start again.
    this.hub.onclose(() => {
      if (!this.stopped) {
        this.lost();
        void this.connect(1);
      }
    });
  }

  get status(): LinkStatus {
    return this.current;
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onReconnected(listener: () => void): () => void {
    this.reconnectedListeners.add(listener);
    return () => this.reconnectedListeners.delete(listener);
  }

  async start(): Promise<void> {
    await this.connect(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.offlineTimer);
    await this.hub.stop();
  }

  on(method: string, handler: (payload: never) => void): void {
    this.hub.on(method, handler as (...args: unknown[]) => void);
  }

  off(method: string, handler: (payload: never) => void): void {
    this.hub.off(method, handler as (...args: unknown[]) => void);
  }

  async invoke<T>(method: string, request: object): Promise<T> {
    if (this.hub.state !== HubConnectionState.Connected) throw new DraftingError("network", "not connected");
    try {
      return await this.hub.invoke<T>(method, request);
    } catch (e) {
      const error = fromHubError(e);
      // Uncoded and still connected: the server failed this call, and waiting for a reconnect would wait forever.
      if (error.code === "network" && this.hub.state === HubConnectionState.Connected) throw new DraftingError("unknown", error.message);
      throw error;
    }
  }

  /** Fire-and-forget calls (presence, follow-me) that are worth nothing once stale. */
  send(method: string, request: object): void {
    if (this.hub.state === HubConnectionState.Connected) this.hub.send(method, request).catch(() => undefined);
  }

  private async connect(attempt: number): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      try {
        await this.hub.start();
        this.back();
        return;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 401) {
          this.set("signed-out");
          return;
        }
        if (attempt === 0) this.lostAt = Date.now();
        this.set(Date.now() - this.lostAt > offlineAfterMs ? "offline" : "reconnecting");
        await delay(backoff(attempt++));
      }
    }
  }

  private lost(): void {
    this.lostAt = Date.now();
    this.set("reconnecting");
    clearTimeout(this.offlineTimer);
    this.offlineTimer = setTimeout(() => {
      if (this.current === "reconnecting") this.set("offline");
    }, offlineAfterMs);
  }

  private back(): void {
    clearTimeout(this.offlineTimer);
    this.set("connected");
    for (const listener of this.reconnectedListeners) listener();
  }

  private set(status: LinkStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** 0.25 s, 0.5 s, 1 s, 2 s, then every 3 s. */
const backoff = (retry: number) => Math.min(3_000, 250 * 2 ** retry);

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
