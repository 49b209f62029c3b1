import "./ui/app.css";
import { Api } from "./api";
import { Auth } from "./auth";
import { DraftingError } from "./errors";
import { h, replaceChildren } from "./ui/dom";
import { documentsPage } from "./ui/documents";
import { documentPage } from "./ui/document/page";
import { participantsPage } from "./ui/participants";
import { questionnairePage } from "./ui/questionnaire";
import { signInPage } from "./ui/signin";
import type { Shell } from "./ui/shell";

const auth = new Auth();
const api = new Api(auth.token);
const root = document.querySelector<HTMLElement>("#app")!;
let leaving: (() => void) | undefined;

/** The client routes itself; the server serves the same page at each of these addresses. */
async function route(): Promise<void> {
  leaving?.();
  leaving = undefined;
  const path = location.pathname;
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join?.[1]) {
    await signIn(decodeURIComponent(join[1]));
    return;
  }
  const signedIn = auth.signedIn;
  if (!signedIn) {
    replaceChildren(root, signInPage(signIn));
    return;
  }
  auth.keepFresh(api);
  const shell: Shell = { api, auth, me: signedIn.participant, navigate, signOut, main: h("main", { id: "main" }) };
  replaceChildren(root, topbar(shell), shell.main);
  const documentId = /^\/documents\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const questionnaireId = /^\/questionnaires\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (documentId) leaving = await documentPage(shell, documentId, new URLSearchParams(location.search).get("view") === "projector");
  else if (questionnaireId) await questionnairePage(shell, questionnaireId);
  else if (path === "/participants") await participantsPage(shell);
  else await documentsPage(shell);
}

async function signIn(code: string): Promise<string | null> {
  try {
    auth.keep(await api.signIn(code));
    history.replaceState(null, "", "/");
    await route();
    return null;
  } catch (e) {
    const message = e instanceof DraftingError && e.code === "unauthorized"
      ? "This invite link is not valid (it may have been revoked). Ask the secretariat for a new one."
      : e instanceof Error ? e.message : String(e);
    history.replaceState(null, "", "/");
    replaceChildren(root, signInPage(signIn, message));
    return message;
  }
}

function signOut(): void {
  auth.signOut();
  navigate("/");
}

function navigate(path: string): void {
  history.pushState(null, "", path);
  void route();
}

function topbar(shell: Shell): HTMLElement {
  const me = shell.me;
  const link = (path: string, label: string) =>
    h("a", { href: path, onclick: (e: Event) => { e.preventDefault(); navigate(path); } }, label);
  return h("header", { class: "topbar" },
    h("nav", { "aria-label": "Main" },
      link("/", "WGEC.Drafting"),
      me.role === "secretariat" && link("/participants", "Participants")),
    h("span", { class: "me" }, `${me.name} (${me.delegation}, ${me.role})`),
    h("button", { id: "sign-out", type: "button", onclick: signOut }, "Sign out"));
}

window.addEventListener("popstate", () => void route());
void route();
