import type { Paragraph } from "../../fold";
import type { DocumentContext } from "./context";

/** Comments and proposals of a paragraph (stub: filled in next). */
export function discussion(_context: DocumentContext, _p: Paragraph): HTMLElement[] {
  return [];
}
