// Small pure functions over a paragraph's text, shared by the session and the editor.

/**
 * Where an offset in `before` lands in `after`, assuming one changed region between a common
 * prefix and a common suffix: before the region it stays, after it shifts by the length change.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (offset <= prefix) return offset;
  if (offset >= before.length - suffix) return offset + (after.length - before.length);
  return after.length - suffix;
}

/**
 * The person's typing since `sent`, carried onto `merged` (the server's merge of `sent` with someone
 * else's change): the one region where `typed` differs from `sent` is replaced in `merged` at the place
 * that region maps to, provided the other change left that region alone. Null when it did not (or the
 * places cannot be told apart): then the server must merge the typing itself.
 */
export function rebaseTyping(sent: string, typed: string, merged: string): string | null {
  let prefix = 0;
  const shorter = Math.min(sent.length, typed.length);
  while (prefix < shorter && sent[prefix] === typed[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && sent[sent.length - 1 - suffix] === typed[typed.length - 1 - suffix]) suffix++;
  const start = mapOffset(sent, merged, prefix);
  const end = mapOffset(sent, merged, sent.length - suffix);
  if (end < start || merged.slice(start, end) !== sent.slice(prefix, sent.length - suffix)) return null;
  // The other change must not touch the typed region's edges either, or "where" is a guess.
  if (merged.slice(0, start) !== sent.slice(0, prefix) && merged.slice(end) !== sent.slice(sent.length - suffix)) return null;
  return merged.slice(0, start) + typed.slice(prefix, typed.length - suffix) + merged.slice(end);
}
