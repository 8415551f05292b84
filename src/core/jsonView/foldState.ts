// Folding: which containers are collapsed, and the mapping between visible
// rows and document lines. The mapping is precomputed once per fold change
// (the outermost folded ranges, sorted, with prefix sums of hidden lines), so
// finding a row is a binary search and laying out a window is O(window).
import { LineKind, isClose, isOpen, type JsonDocument } from './jsonDocument.js';

export interface FoldState {
  /** open lines the user folded (nested ones are remembered while an outer fold hides them) */
  readonly folded: ReadonlySet<number>;
  /** open lines of the outermost folds, ascending */
  readonly starts: Int32Array;
  /** their close lines */
  readonly ends: Int32Array;
  /** the visible row of each outermost fold's open line */
  readonly startRows: Int32Array;
  /** hidden lines before fold k (length = folds + 1) */
  readonly hiddenBefore: Int32Array;
  readonly visibleCount: number;
}

/** Builds the visible index for a set of folded open lines. */
export function foldState(doc: JsonDocument, folded: Iterable<number>): FoldState {
  const set = new Set<number>();
  for (const line of folded) if (line >= 0 && line < doc.length && isOpen(doc.kind[line]!)) set.add(line);
  const sorted = [...set].sort((a, b) => a - b);
  const starts: number[] = [];
  const ends: number[] = [];
  let coveredTo = -1;
  for (const open of sorted) {
    if (open <= coveredTo) continue; // inside an outer fold
    starts.push(open);
    ends.push(doc.match[open]!);
    coveredTo = doc.match[open]!;
  }
  const hiddenBefore = new Int32Array(starts.length + 1);
  const startRows = new Int32Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    startRows[k] = starts[k]! - hiddenBefore[k]!;
    hiddenBefore[k + 1] = hiddenBefore[k]! + (ends[k]! - starts[k]!);
  }
  return {
    folded: set,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    startRows,
    hiddenBefore,
    visibleCount: doc.length - hiddenBefore[starts.length]!,
  };
}

export function noFolds(doc: JsonDocument): FoldState {
  return foldState(doc, []);
}

/** Last index k with a[k] <= x, or -1. */
function lastAtMost(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The document line shown at a visible row. */
export function lineAtRow(folds: FoldState, row: number): number {
  const k = lastAtMost(folds.startRows, row);
  if (k < 0) return row;
  if (folds.startRows[k] === row) return folds.starts[k]!;
  return row + folds.hiddenBefore[k + 1]!;
}

/** The visible row of a line, or of the folded line that hides it. */
export function rowOfLine(folds: FoldState, line: number): number {
  const k = lastAtMost(folds.starts, line);
  if (k < 0) return line;
  if (line <= folds.ends[k]!) return folds.startRows[k]!;
  return line - folds.hiddenBefore[k + 1]!;
}

/** The document lines of `count` visible rows from row `top`. */
export function visibleLines(doc: JsonDocument, folds: FoldState, top: number, count: number): number[] {
  const out: number[] = [];
  if (top >= folds.visibleCount) return out;
  let line = lineAtRow(folds, Math.max(0, top));
  // The next outermost fold at or after the first line.
  let k = lastAtMost(folds.starts, line - 1) + 1;
  while (out.length < count && line < doc.length) {
    out.push(line);
    if (k < folds.starts.length && folds.starts[k] === line) {
      line = folds.ends[k]! + 1;
      k++;
    } else line++;
  }
  return out;
}

/** Whether line i is shown as a folded summary. */
export function isFolded(folds: FoldState, i: number): boolean {
  return folds.folded.has(i);
}

/** The container Enter folds when line i is at the top: its own, or the enclosing one. */
export function foldTarget(doc: JsonDocument, i: number): number {
  const kind = doc.kind[i];
  if (kind === undefined) return -1;
  if (isOpen(kind)) return i;
  if (isClose(kind)) return doc.match[i]!;
  return doc.parent[i]!;
}

/** Folds or unfolds the container opening at `open`. */
export function toggleFold(doc: JsonDocument, folds: FoldState, open: number): FoldState {
  if (open < 0 || !isOpen(doc.kind[open] ?? LineKind.null)) return folds;
  const next = new Set(folds.folded);
  if (next.has(open)) next.delete(open);
  else next.add(open);
  return foldState(doc, next);
}

/** Unfolds every folded ancestor of line i, so that it becomes visible. */
export function unfoldAncestors(doc: JsonDocument, folds: FoldState, i: number): FoldState {
  if (folds.folded.size === 0) return folds;
  let next: Set<number> | undefined;
  // A close line is hidden by its own container's fold too.
  const first = isClose(doc.kind[i] ?? LineKind.null) ? doc.match[i]! : (doc.parent[i] ?? -1);
  for (let p = first; p >= 0; p = doc.parent[p]!) {
    if (folds.folded.has(p)) (next ??= new Set(folds.folded)).delete(p);
  }
  return next ? foldState(doc, next) : folds;
}
