import type { Api } from "../api";
import type { Auth } from "../auth";
import type { ParticipantView } from "../protocol";

/** What every page gets: who is signed in, the REST client, and the way to move between pages. */
export interface Shell {
  api: Api;
  auth: Auth;
  me: ParticipantView;
  main: HTMLElement;
  navigate(path: string): void;
  signOut(): void;
}
