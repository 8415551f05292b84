import { describe, expect, it } from 'vitest';
import { buildJsonDocument } from '../../../src/core/jsonView/jsonDocument.js';
import { foldState } from '../../../src/core/jsonView/foldState.js';
import { clipSegments, highlightSegments, lineSegments, searchPattern } from '../../../src/core/jsonView/lineSegments.js';
import { matchFrom, searchDocument, searchableText, stepMatch } from '../../../src/core/jsonView/search.js';
import { initViewer, viewerReducer } from '../../../src/core/jsonView/viewerState.js';

const VALUE = {
  resources: [
    { hostname: 'WKS-001', platform: 'Windows' },
    { hostname: 'srv-002', platform: 'Linux' },
    { hostname: 'wks-003', platform: 'Windows', note: 'a.b*c' },
  ],
};
// 0 {  1 "resources": [  2 {  3 "hostname": "WKS-001",  4 "platform": "Windows"  5 },
// 6 {  7 "hostname": "srv-002",  8 "platform": "Linux"  9 },  10 {  11 "hostname": "wks-003",
// 12 "platform": "Windows",  13 "note": "a.b*c"  14 }  15 ]  16 }

describe('searchDocument', () => {
  const doc = buildJsonDocument(VALUE);

  it('finds lines containing the query, ignoring case, over keys and values', () => {
    expect([...searchDocument(doc, 'wks')]).toEqual([3, 11]);
    expect([...searchDocument(doc, 'PLATFORM')]).toEqual([4, 8, 12]);
    expect([...searchDocument(doc, 'windows')]).toEqual([4, 12]);
  });

  it('takes the query literally', () => {
    expect([...searchDocument(doc, 'a.b*c')]).toEqual([13]);
    expect([...searchDocument(doc, '.*')]).toEqual([]);
  });

  it('ignores indentation and trailing commas', () => {
    expect(searchableText(doc, 3)).toBe('"hostname": "WKS-001"');
    expect([...searchDocument(doc, ',')]).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(searchDocument(doc, '')).toHaveLength(0);
  });

  it('steps through matches, wrapping around', () => {
    const m = Int32Array.from([3, 11, 20]);
    expect(matchFrom(m, 0)).toBe(0);
    expect(matchFrom(m, 11)).toBe(1);
    expect(matchFrom(m, 12)).toBe(2);
    expect(matchFrom(m, 21)).toBe(0);
    expect(stepMatch(m, 2, 1)).toBe(0);
    expect(stepMatch(m, 0, -1)).toBe(2);
    expect(matchFrom(new Int32Array(0), 0)).toBe(-1);
  });
});

describe('search in the viewer', () => {
  const doc = buildJsonDocument(VALUE);

  it('unfolds the containers hiding a match and scrolls to it', () => {
    const start = { ...initViewer(doc), folds: foldState(doc, [1, 10]) };
    expect(start.folds.visibleCount).toBe(3);
    const found = viewerReducer(start, { type: 'search', query: 'WKS', height: 3 });
    expect(found.search?.current).toBe(0);
    expect([...found.folds.folded]).toEqual([10]);
    const next = viewerReducer(found, { type: 'nextMatch', height: 3 });
    expect(next.search?.current).toBe(1);
    expect(next.folds.folded.size).toBe(0);
    // line 11 is visible: within [top, top + height)
    expect(next.top).toBeLessThanOrEqual(11);
    expect(next.top + 3).toBeGreaterThan(11);
    const wrapped = viewerReducer(next, { type: 'nextMatch', height: 3 });
    expect(wrapped.search?.current).toBe(0);
    expect(viewerReducer(wrapped, { type: 'previousMatch', height: 3 }).search?.current).toBe(1);
  });

  it('starts at the first match at or below the cursor line, and puts the cursor on it', () => {
    const scrolled = { ...initViewer(doc), top: 6, cursor: 6 };
    const found = viewerReducer(scrolled, { type: 'search', query: 'wks', height: 5 });
    expect(found.search?.matches[found.search.current]).toBe(11);
    expect(found.cursor).toBe(11);
  });

  it('keeps the position when nothing matches', () => {
    const s = { ...initViewer(doc), top: 4 };
    const found = viewerReducer(s, { type: 'search', query: 'nope', height: 5 });
    expect(found.top).toBe(4);
    expect(found.search?.current).toBe(-1);
    expect(viewerReducer(found, { type: 'nextMatch', height: 5 })).toBe(found);
  });
});

describe('line segments', () => {
  const doc = buildJsonDocument({ name: 'alpha BETA alpha', n: 12 });

  it('colours keys and values separately', () => {
    expect(lineSegments(doc, 2).map((s) => [s.kind, s.text])).toEqual([
      ['indent', '  '],
      ['key', '"n"'],
      ['punctuation', ': '],
      ['number', '12'],
    ]);
  });

  it('marks every case-insensitive occurrence of the query', () => {
    const marked = highlightSegments(lineSegments(doc, 1), searchPattern('ALPHA'));
    expect(marked.filter((s) => s.match).map((s) => s.text)).toEqual(['alpha', 'alpha']);
    expect(marked.map((s) => s.text).join('')).toBe('  "name": "alpha BETA alpha",');
  });

  it('marks a match that spans tokens', () => {
    const marked = highlightSegments(lineSegments(doc, 2), searchPattern('": 1'));
    expect(marked.filter((s) => s.match).map((s) => [s.kind, s.text])).toEqual([
      ['key', '"'],
      ['punctuation', ': '],
      ['number', '1'],
    ]);
  });

  it('cuts a huge value before escaping it', () => {
    const huge = buildJsonDocument({ blob: 'x'.repeat(1_000_000) });
    const clipped = clipSegments(lineSegments(huge, 1, false, 50), 50);
    expect(clipped.map((s) => s.text).join('')).toBe(`  "blob": "${'x'.repeat(39)}`);
  });
});
