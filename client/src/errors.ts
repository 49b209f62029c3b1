import type { ErrorCode } from "./protocol";

/** A refusal the server explained with a code of PROTOCOL.md §4 (or `network` when it could not be reached). */
export class DraftingError extends Error {
  constructor(
    readonly code: ErrorCode | "network" | (string & {}),
    message: string,
  ) {
    super(message);
    this.name = "DraftingError";
  }

  /** Worth sending again later, with the same clientOpId. */
  get retryable(): boolean {
    return this.code === "network" || this.code === "unavailable" || this.code === "rate-limited";
  }
}

const coded = /^([a-z][a-z-]*): ([\s\S]*)$/;

/** A hub refusal reads `code: message`; anything else is the transport failing (not the server refusing). */
export function fromHubError(error: unknown): DraftingError {
  if (error instanceof DraftingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const match = coded.exec(message);
  if (match?.[1] && match[2] !== undefined) return new DraftingError(match[1], match[2]);
  return new DraftingError("network", message);
}

/** What a person reads for a refusal. */
export function describe(error: DraftingError): string {
  switch (error.code) {
    case "forbidden": return "Your role may not do this.";
    case "network": return "The server cannot be reached; this will be sent when it is back.";
    case "unavailable": return "The server's database is unavailable; this will be sent again.";
    case "rate-limited": return "Too many changes at once; this will be sent again shortly.";
    default: return error.message;
  }
}
