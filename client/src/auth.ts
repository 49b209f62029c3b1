import type { Api } from "./api";
import type { ParticipantView, TokenResponse } from "./protocol";

/** The signed-in participant of this tab: kept in sessionStorage, so another tab can sign in as someone else. */
export interface SignedIn { token: string; expiresAt: string; participant: ParticipantView }

const key = "wgec.signed-in";

export class Auth {
  private current: SignedIn | null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storage: Storage = sessionStorage) {
    this.current = read(storage);
  }

  get signedIn(): SignedIn | null {
    return this.current;
  }

  token = (): string | null => this.current?.token ?? null;

  keep(response: TokenResponse): void {
    this.current = { token: response.token, expiresAt: response.expiresAt, participant: response.participant };
    this.storage.setItem(key, JSON.stringify(this.current));
  }

  signOut(): void {
    clearTimeout(this.timer);
    this.current = null;
    this.storage.removeItem(key);
  }

  /** Refreshes the token at half its remaining life, so a long meeting never meets an expired one. */
  keepFresh(api: Api, delay?: number): void {
    clearTimeout(this.timer);
    if (!this.current) return;
    const half = (Date.parse(this.current.expiresAt) - Date.now()) / 2;
    this.timer = setTimeout(async () => {
      try {
        const fresh = await api.refresh();
        if (this.current) this.keep({ ...fresh, participant: this.current.participant });
        this.keepFresh(api);
      } catch {
        this.keepFresh(api, 30_000); // offline or the server restarting: the token still lives, try again soon
      }
    }, delay ?? Math.max(5_000, half));
  }
}

function read(storage: Storage): SignedIn | null {
  try {
    const value = JSON.parse(storage.getItem(key) ?? "null") as SignedIn | null;
    return value && Date.parse(value.expiresAt) > Date.now() ? value : null;
  } catch {
    return null;
  }
}
