import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Api } from "../src/api";
import { DraftingError } from "../src/errors";

/** What the client put on the wire: the test stands in for `fetch` (the browser suite covers the real server). */
interface Seen { method: string; url: string; contentType: string; authorization: string; body: string }

const base = "http://drafting.test";
const seen: Seen[] = [];
let answer: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: "{}" };

beforeEach(() => {
  seen.length = 0;
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({
      method: init.method ?? "GET", url: url.slice(base.length), contentType: headers.get("Content-Type") ?? "",
      authorization: headers.get("Authorization") ?? "", body: typeof init.body === "string" ? init.body : String(init.body),
    });
    return new Response(answer.body, { status: answer.status, headers: { "Content-Type": answer.type } });
  });
});

afterEach(() => vi.unstubAllGlobals());

const api = () => new Api(() => "token-1", base);
const csv = "No,Issue,Category,Grouping,Activities and approaches,Status\n1,Spam,Security,Threats,\"Filtering; takedowns\",open\n";

describe("CSV imports", () => {
  it("sends a mapping table's text as text/csv to the annex's rows and answers with the count", async () => {
    answer = { status: 200, type: "application/json", body: JSON.stringify({ version: 7, rows: 1 }) };
    const result = await api().importRows("d1", csv);
    expect(result).toEqual({ version: 7, rows: 1 });
    expect(seen).toEqual([{ method: "POST", url: "/api/documents/d1/rows", contentType: "text/csv; charset=utf-8", authorization: "Bearer token-1", body: csv }]);
  });

  it("creates a questionnaire as JSON, an empty deadline sent as null", async () => {
    answer = { status: 201, type: "application/json", body: JSON.stringify({ id: "q1", title: "Survey" }) };
    const created = await api().createQuestionnaire({ title: "Survey", deadline: "" });
    expect(created.id).toBe("q1");
    expect(seen[0]).toMatchObject({ method: "POST", url: "/api/questionnaires", contentType: "application/json" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ title: "Survey", deadline: null });
    await api().createQuestionnaire({ title: "Survey", deadline: "2026-03-31" });
    expect(JSON.parse(seen[1]!.body)).toEqual({ title: "Survey", deadline: "2026-03-31" });
  });

  it("sends answers as text/csv to the questionnaire's import", async () => {
    const summary = { questionsAdded: 1, respondentsAdded: 2, contributionsAdded: 2, contributionsRevised: 0, unchanged: 0, late: 1 };
    answer = { status: 200, type: "application/json", body: JSON.stringify(summary) };
    expect(await api().importContributions("q1", "Respondent\nBrazil\n")).toEqual(summary);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/api/questionnaires/q1/import", contentType: "text/csv; charset=utf-8", body: "Respondent\nBrazil\n" });
  });

  it("turns a refusal naming the line into a coded error with the server's words", async () => {
    answer = {
      status: 400, type: "application/problem+json",
      body: JSON.stringify({ type: "https://wgec.example/problems/invalid", title: "Invalid", detail: "line 3: the issue is required" }),
    };
    const refused = await api().importRows("d1", csv).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DraftingError);
    expect(refused).toMatchObject({ code: "invalid", message: "line 3: the issue is required" });
  });
});
