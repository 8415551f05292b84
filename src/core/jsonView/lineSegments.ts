// The text of one document line, split into coloured tokens. Made only for
// the lines on screen, and clipped early so that a megabyte-long string
// value never reaches the renderer whole.
import { LineKind, isClose, isOpen, type JsonDocument } from './jsonDocument.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { escapeJsonText } from '../text/safeJson.js';

export type TokenKind = 'indent' | 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punctuation' | 'summary' | 'text' | 'note';

export interface Segment {
  text: string;
  kind: TokenKind;
  /** part of a search match */
  match?: boolean;
}

const indents: string[] = [];
function indent(depth: number): string {
  return (indents[depth] ??= '  '.repeat(depth));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Whether the line ends with a comma, as JSON.stringify would print it. */
export function hasComma(doc: JsonDocument, i: number): boolean {
  const kind = doc.kind[i]!;
  if (kind === LineKind.text || kind === LineKind.note) return false;
  // An open line's comma follows its close line.
  const end = isOpen(kind) ? doc.match[i]! : i;
  return end + 1 < doc.length && !isClose(doc.kind[end + 1]!) && doc.depth[end + 1] === doc.depth[end];
}

/** `{ … 12 keys }` or `[ … 340 items ]` for a folded container. */
export function foldSummary(doc: JsonDocument, i: number): string {
  const n = doc.childCount[i]!;
  return doc.kind[i] === LineKind.openObject ? `{ … ${plural(n, 'key', 'keys')} }` : `[ … ${plural(n, 'item', 'items')} ]`;
}

/** Control characters from a text body would drive the terminal: shown as escapes (tabs as two spaces). */
function sanitise(text: string): string {
  return terminalSafe(text.replace(/\t/g, '  '));
}

/** A key or string as JSON shows it, with C1 controls and bidi overrides escaped too (JSON.stringify leaves them raw). */
export function quoteJson(s: string): string {
  return escapeJsonText(JSON.stringify(s));
}

function valueSegment(doc: JsonDocument, i: number, folded: boolean, maxChars: number): Segment {
  const v = doc.values[i];
  switch (doc.kind[i]) {
    case LineKind.string: {
      const s = v as string;
      // Escaping only grows a string, so a prefix as long as the limit suffices.
      return { text: quoteJson(s.length > maxChars ? s.slice(0, maxChars) : s), kind: 'string' };
    }
    case LineKind.number:
      return { text: typeof v === 'bigint' ? String(v) : JSON.stringify(v), kind: 'number' };
    case LineKind.boolean:
      return { text: String(v), kind: 'boolean' };
    case LineKind.null:
      return { text: 'null', kind: 'null' };
    case LineKind.openObject:
      return folded ? { text: foldSummary(doc, i), kind: 'summary' } : { text: '{', kind: 'punctuation' };
    case LineKind.openArray:
      return folded ? { text: foldSummary(doc, i), kind: 'summary' } : { text: '[', kind: 'punctuation' };
    case LineKind.closeObject:
      return { text: '}', kind: 'punctuation' };
    case LineKind.closeArray:
      return { text: ']', kind: 'punctuation' };
    case LineKind.emptyObject:
      return { text: '{}', kind: 'punctuation' };
    case LineKind.emptyArray:
      return { text: '[]', kind: 'punctuation' };
    case LineKind.note:
      return { text: sanitise(String(v).slice(0, maxChars)), kind: 'note' };
    default:
      return { text: sanitise(String(v).slice(0, maxChars)), kind: 'text' };
  }
}

/** The value token of line i, unfolded and uncut (what search looks at, after the key). */
export function valueText(doc: JsonDocument, i: number): string {
  return valueSegment(doc, i, false, Number.POSITIVE_INFINITY).text;
}

/**
 * The tokens of line i. `folded` renders an open line as its summary;
 * `maxChars` lets long values be cut before they are escaped.
 */
export function lineSegments(doc: JsonDocument, i: number, folded = false, maxChars = Number.POSITIVE_INFINITY): Segment[] {
  const out: Segment[] = [];
  const depth = doc.depth[i]!;
  if (depth > 0) out.push({ text: indent(depth), kind: 'indent' });
  const key = doc.keys[i];
  if (key !== undefined) {
    const k = quoteJson(key.length > maxChars ? key.slice(0, maxChars) : key);
    out.push({ text: k, kind: 'key' }, { text: ': ', kind: 'punctuation' });
  }
  out.push(valueSegment(doc, i, folded, maxChars));
  const open = isOpen(doc.kind[i]!);
  if ((!open || folded) && hasComma(doc, i)) out.push({ text: ',', kind: 'punctuation' });
  return out;
}

/** The whole text of line i, as JSON.stringify(v, null, 2) prints it when nothing is folded. */
export function lineText(doc: JsonDocument, i: number, folded = false): string {
  return lineSegments(doc, i, folded)
    .map((s) => s.text)
    .join('');
}

/** Cuts the tokens after `maxChars` characters. */
export function clipSegments(segments: readonly Segment[], maxChars: number): Segment[] {
  const out: Segment[] = [];
  let left = maxChars;
  for (const s of segments) {
    if (left <= 0) break;
    out.push(s.text.length <= left ? s : { ...s, text: s.text.slice(0, left) });
    left -= s.text.length;
  }
  return out;
}

/** A case-insensitive, literal pattern for a search query (undefined for an empty query). */
export function searchPattern(query: string | undefined): RegExp | undefined {
  if (!query) return undefined;
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
}

/** Splits the tokens so that the pattern's matches (outside the indentation) are marked. */
export function highlightSegments(segments: readonly Segment[], pattern: RegExp | undefined): Segment[] {
  if (!pattern) return [...segments];
  const text = segments.map((s) => s.text).join('');
  const ranges: Array<[number, number]> = [];
  pattern.lastIndex = segments[0]?.kind === 'indent' ? segments[0].text.length : 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) break;
    ranges.push([m.index, m.index + m[0].length]);
  }
  if (ranges.length === 0) return [...segments];
  const out: Segment[] = [];
  let pos = 0;
  let r = 0;
  for (const s of segments) {
    const end = pos + s.text.length;
    let at = pos;
    while (at < end) {
      while (r < ranges.length && ranges[r]![1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push({ ...s, text: s.text.slice(at - pos) });
        break;
      }
      if (range[0] > at) {
        out.push({ ...s, text: s.text.slice(at - pos, range[0] - pos) });
        at = range[0];
      }
      const stop = Math.min(range[1], end);
      out.push({ ...s, text: s.text.slice(at - pos, stop - pos), match: true });
      at = stop;
    }
    pos = end;
  }
  return out;
}

/** Drops the first `n` characters of the tokens: a line scrolled sideways. */
export function skipSegments(segments: readonly Segment[], n: number): Segment[] {
  if (n <= 0) return [...segments];
  const out: Segment[] = [];
  let skip = n;
  for (const s of segments) {
    if (skip >= s.text.length) {
      skip -= s.text.length;
      continue;
    }
    out.push(skip > 0 ? { ...s, text: s.text.slice(skip) } : s);
    skip = 0;
  }
  return out;
}
