import { DraftingError } from "./errors";
import type {
  CreatedParticipant, DiffView, DocumentKind, DocumentSummary, DocumentView, Envelope, ImportContributionsResult, ImportRowsResult, ParticipantView,
  ProgressPoint, QuestionContributions, QuestionnaireSummary, QuestionnaireView, RefreshResponse, RespondentContributions, Role,
  TimelineEntry, TokenResponse,
} from "./protocol";

/** The REST calls of PROTOCOL.md §2, with problem details turned into coded errors. */
export class Api {
  constructor(
    private readonly token: () => string | null,
    private readonly base = "",
  ) {}

  signIn(inviteCode: string): Promise<TokenResponse> {
    return this.send("POST", "/api/auth/token", { inviteCode }, false);
  }

  refresh(): Promise<RefreshResponse> {
    return this.send("POST", "/api/auth/refresh");
  }

  documents(): Promise<DocumentSummary[]> {
    return this.send("GET", "/api/documents");
  }

  createDocument(request: { title: string; kind: DocumentKind; symbol?: string | null; markdown?: string | null }): Promise<DocumentView> {
    return this.send("POST", "/api/documents", request);
  }

  /** The document now, or at a version (`?version=N`). */
  document(id: string, version?: number): Promise<DocumentView> {
    const at = version === undefined ? "" : `?version=${version}`;
    return this.send("GET", `/api/documents/${id}${at}`);
  }

  /** A Word upload (PROTOCOL additions): the server splits it into paragraphs as it does Markdown. */
  importDocx(file: Blob, fields: { title: string; kind: DocumentKind; symbol?: string | null }): Promise<DocumentView> {
    const form = new FormData();
    form.set("file", file, "document.docx");
    form.set("title", fields.title);
    form.set("kind", fields.kind);
    if (fields.symbol) form.set("symbol", fields.symbol);
    return this.send("POST", "/api/documents", form);
  }

  /** A mapping table as CSV (PROTOCOL additions): its rows appended to an annex, all or none; a bad row is refused naming its line. */
  importRows(documentId: string, csv: string): Promise<ImportRowsResult> {
    return this.send("POST", `/api/documents/${documentId}/rows`, new Csv(csv));
  }

  /** An export as a file: its bytes and the name the server gives it. */
  export(id: string, query: Record<string, string>): Promise<{ blob: Blob; name: string }> {
    return this.file(`/api/documents/${id}/export?${new URLSearchParams(query)}`);
  }

  /** A questionnaire's summary of contributions as a file (`format` html or docx, `by` question or respondent). */
  exportQuestionnaire(id: string, query: Record<string, string>): Promise<{ blob: Blob; name: string }> {
    return this.file(`/api/questionnaires/${id}/export?${new URLSearchParams(query)}`);
  }

  questionnaires(): Promise<QuestionnaireSummary[]> {
    return this.send("GET", "/api/questionnaires");
  }

  questionnaire(id: string): Promise<QuestionnaireView> {
    return this.send("GET", `/api/questionnaires/${id}`);
  }

  createQuestionnaire(request: { title: string; deadline?: string | null }): Promise<QuestionnaireView> {
    return this.send("POST", "/api/questionnaires", { title: request.title, deadline: request.deadline || null });
  }

  /** Answers as CSV, one row per answer: questions, respondents and contributions added or revised, all or none. */
  importContributions(id: string, csv: string): Promise<ImportContributionsResult> {
    return this.send("POST", `/api/questionnaires/${id}/import`, new Csv(csv));
  }

  byQuestion(id: string): Promise<QuestionContributions[]> {
    return this.send("GET", `/api/questionnaires/${id}/by-question`);
  }

  byRespondent(id: string): Promise<RespondentContributions[]> {
    return this.send("GET", `/api/questionnaires/${id}/by-respondent`);
  }

  private async file(path: string): Promise<{ blob: Blob; name: string }> {
    const response = await this.fetch("GET", path);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? "download";
    return { blob: await response.blob(), name: decodeURIComponent(name) };
  }

  events(id: string, after: number, limit = 5000): Promise<Envelope[]> {
    return this.send("GET", `/api/documents/${id}/events?after=${after}&limit=${limit}`);
  }

  diff(id: string, from: string, to?: string): Promise<DiffView> {
    const query = new URLSearchParams({ from });
    if (to) query.set("to", to);
    return this.send("GET", `/api/documents/${id}/diff?${query}`);
  }

  progress(id: string): Promise<ProgressPoint[]> {
    return this.send("GET", `/api/documents/${id}/progress`);
  }

  timeline(id: string): Promise<TimelineEntry[]> {
    return this.send("GET", `/api/documents/${id}/timeline`);
  }

  participants(): Promise<ParticipantView[]> {
    return this.send("GET", "/api/participants");
  }

  invite(name: string, delegation: string, role: Role): Promise<CreatedParticipant> {
    return this.send("POST", "/api/participants", { name, delegation, role });
  }

  revoke(id: string): Promise<void> {
    return this.send("DELETE", `/api/participants/${id}`);
  }

  private async send<T>(method: string, path: string, body?: unknown, authorize = true): Promise<T> {
    const response = await this.fetch(method, path, body, authorize);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** One call; refusals become coded errors. A FormData body goes as multipart, a Csv as text/csv, anything else as JSON. */
  private async fetch(method: string, path: string, body?: unknown, authorize = true): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = authorize ? this.token() : null;
    if (token) headers.Authorization = `Bearer ${token}`;
    const form = body instanceof FormData;
    const csv = body instanceof Csv;
    if (csv) headers["Content-Type"] = "text/csv; charset=utf-8";
    else if (body !== undefined && !form) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? null : form ? body : csv ? body.text : JSON.stringify(body) });
    } catch (e) {
      throw new DraftingError("network", e instanceof Error ? e.message : String(e));
    }
    if (!response.ok) throw await problem(response);
    return response;
  }
}

/** A CSV file's text, sent as it is. */
class Csv {
  constructor(readonly text: string) {}
}

/** An RFC 7807 body's `type` ends in the §4 code; a body that is not one still gets a code from the status. */
async function problem(response: Response): Promise<DraftingError> {
  let type = "";
  let detail = response.statusText;
  try {
    const body = (await response.json()) as { type?: string; detail?: string; title?: string };
    type = body.type ?? "";
    detail = body.detail ?? body.title ?? detail;
  } catch {
    // not JSON: keep the status text
  }
  const code = type.split("/").pop() || byStatus[response.status] || "invalid";
  return new DraftingError(code, detail || `HTTP ${response.status}`);
}

const byStatus: Record<number, string> = {
  400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "not-found", 409: "locked",
  413: "too-large", 429: "rate-limited", 503: "unavailable",
};
