// Search within a response: every line whose text contains the query,
// ignoring case, found once per query; moving between matches is then an
// index step (the viewer unfolds what hides the match).
import type { JsonDocument } from './jsonDocument.js';
import { quoteJson, searchPattern, valueText } from './lineSegments.js';

/** The text a search looks at: the line without indentation or trailing comma. */
export function searchableText(doc: JsonDocument, i: number, quotedKeys?: Map<string, string>): string {
  const key = doc.keys[i];
  const value = valueText(doc, i);
  if (key === undefined) return value;
  // Keys repeat on every record: quote each once per search.
  let head = quotedKeys?.get(key);
  if (head === undefined) {
    head = `${quoteJson(key)}: `;
    quotedKeys?.set(key, head);
  }
  return head + value;
}

/** Ascending indexes of the lines matching the query (case-insensitive substring). */
export function searchDocument(doc: JsonDocument, query: string): Int32Array {
  // The same literal, case-insensitive pattern that highlights the matches.
  const pattern = searchPattern(query);
  if (!pattern) return new Int32Array(0);
  const hits: number[] = [];
  const quotedKeys = new Map<string, string>();
  for (let i = 0; i < doc.length; i++) {
    pattern.lastIndex = 0;
    if (pattern.test(searchableText(doc, i, quotedKeys))) hits.push(i);
  }
  return Int32Array.from(hits);
}

/** The match at or after `line`, wrapping to the first; -1 when there is none. */
export function matchFrom(matches: Int32Array, line: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}

/** The next (step 1) or previous (step -1) match index, wrapping around. */
export function stepMatch(matches: Int32Array, current: number, step: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (current < 0) return step === 1 ? 0 : matches.length - 1;
  return (current + step + matches.length) % matches.length;
}
