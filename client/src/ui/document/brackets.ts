import type { Paragraph } from "../../fold";
import type { DocumentContext } from "./context";

/** The chair's "resolve a bracket" control on a paragraph with open brackets (stub: filled in next). */
export function bracketActions(_context: DocumentContext, _p: Paragraph): HTMLElement[] {
  return [];
}
