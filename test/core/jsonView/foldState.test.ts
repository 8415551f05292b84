import { describe, expect, it } from 'vitest';
import { buildJsonDocument, type JsonDocument } from '../../../src/core/jsonView/jsonDocument.js';
import {
  foldState,
  foldTarget,
  lineAtRow,
  noFolds,
  rowOfLine,
  toggleFold,
  unfoldAncestors,
  visibleLines,
  type FoldState,
} from '../../../src/core/jsonView/foldState.js';
import { lineText } from '../../../src/core/jsonView/lineSegments.js';
import { hostsEnvelope } from './fixtures/hostRecords.js';

// Lines:
//  0 {               8 "b": {            16 "d": [
//  1 "a": [          9   "x": {          17   true,
//  2   1,           10     "y": 1,       18   false
//  3   {            11     "z": 2        19 ]
//  4     "k": 1,    12   },              20 }
//  5     "l": 2     13   "w": 3
//  6   }            14 },
//  7 ],             15 "c": "s",
const VALUE = { a: [1, { k: 1, l: 2 }], b: { x: { y: 1, z: 2 }, w: 3 }, c: 's', d: [true, false] };

/** The rendered window, as the user sees it. */
function screen(doc: JsonDocument, folds: FoldState, top = 0, count = 100): string[] {
  return visibleLines(doc, folds, top, count).map((i) => lineText(doc, i, folds.folded.has(i)).trim());
}

describe('folding', () => {
  const doc = buildJsonDocument(VALUE);

  it('shows every line when nothing is folded', () => {
    const folds = noFolds(doc);
    expect(folds.visibleCount).toBe(21);
    expect(visibleLines(doc, folds, 0, 100)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('folds a container into one summary line, and unfolds it back', () => {
    const folded = toggleFold(doc, noFolds(doc), 8);
    expect(folded.visibleCount).toBe(21 - 6);
    expect(screen(doc, folded)).toContain('"b": { … 2 keys },');
    expect(screen(doc, folded)).not.toContain('"w": 3');
    const unfolded = toggleFold(doc, folded, 8);
    expect(unfolded.visibleCount).toBe(21);
    expect(screen(doc, unfolded)).toContain('"w": 3');
  });

  it('maps rows to lines and back across several folds', () => {
    const folds = foldState(doc, [3, 9, 16]);
    expect(screen(doc, folds)).toEqual([
      '{',
      '"a": [',
      '1,',
      '{ … 2 keys }',
      '],',
      '"b": {',
      '"x": { … 2 keys },',
      '"w": 3',
      '},',
      '"c": "s",',
      '"d": [ … 2 items ]',
      '}',
    ]);
    expect(folds.visibleCount).toBe(12);
    for (let row = 0; row < folds.visibleCount; row++) expect(rowOfLine(folds, lineAtRow(folds, row))).toBe(row);
    // A hidden line maps to the row of the fold that hides it.
    expect(rowOfLine(folds, 11)).toBe(6);
    // A window starting mid-document skips the folded ranges.
    expect(visibleLines(doc, folds, 5, 4)).toEqual([8, 9, 13, 14]);
  });

  it('remembers a nested fold while an outer fold hides it', () => {
    const folds = foldState(doc, [8, 9]);
    expect(folds.visibleCount).toBe(15);
    const outerOpen = toggleFold(doc, folds, 8);
    expect(screen(doc, outerOpen)).toContain('"x": { … 2 keys },');
  });

  it('folds the container of the top line: its own, or the enclosing one', () => {
    expect(foldTarget(doc, 8)).toBe(8); // an open line
    expect(foldTarget(doc, 14)).toBe(8); // a close line
    expect(foldTarget(doc, 10)).toBe(9); // a value
    expect(foldTarget(doc, 0)).toBe(0);
  });

  it('unfolds the ancestors of a line, and only those', () => {
    const folds = foldState(doc, [0, 8, 9, 16]);
    const shown = unfoldAncestors(doc, folds, 10);
    expect([...shown.folded].sort((a, b) => a - b)).toEqual([16]);
    expect(visibleLines(doc, shown, 0, 100)).toContain(10);
    // A close line is hidden by its own container too.
    expect([...unfoldAncestors(doc, foldState(doc, [9]), 12).folded]).toEqual([]);
  });

  it('lays out a window mid-document among thousands of folds', () => {
    const big = buildJsonDocument(hostsEnvelope(2000));
    const resources = 6; // the "resources" array's open line
    expect(lineText(big, resources)).toBe('  "resources": [');
    // Fold every second host: thousands of folds.
    const hosts: number[] = [];
    for (let i = resources + 1; i < big.match[resources]!; i = big.match[i]! + 1) hosts.push(i);
    const folds = foldState(
      big,
      hosts.filter((_, k) => k % 2 === 0),
    );
    const middle = Math.floor(folds.visibleCount / 2);
    const window = visibleLines(big, folds, middle, 24);
    expect(window).toHaveLength(24);
    expect(window.map((line) => rowOfLine(folds, line))).toEqual(Array.from({ length: 24 }, (_, k) => middle + k));
  });
});
