import { describe, expect, it } from 'vitest';
import { LineKind, buildJsonDocument, type JsonDocument } from '../../../src/core/jsonView/jsonDocument.js';
import { foldSummary, lineText } from '../../../src/core/jsonView/lineSegments.js';
import { buildBytesDocument, buildTextDocument, documentForBody } from '../../../src/core/jsonView/textDocument.js';
import { hostsEnvelope } from './fixtures/hostRecords.js';

function allLines(doc: JsonDocument): string[] {
  return Array.from({ length: doc.length }, (_, i) => lineText(doc, i));
}

const NESTED = {
  meta: { query_time: 0.5, trace_id: 'abc', pagination: { offset: 0, limit: 100, total: 5312 } },
  resources: [
    { id: 'a', tags: [], groups: {}, nested: [[1, 2], [], [{ deep: null }]], ok: true, n: -0, big: 1e21 },
    'plain',
    42,
    null,
    false,
    [],
    {},
  ],
  'quo"te\nkey': 'line\nbreak\t"quoted" \u0001 é ☃ 😀',
  errors: [],
};

describe('buildJsonDocument', () => {
  it.each([
    ['a nested envelope', NESTED],
    ['a scalar', 'just a string'],
    ['a number', 3.25],
    ['null', null],
    ['an empty object', {}],
    ['an empty array', []],
    ['an array of arrays', [[[]], [[1]], [{}]]],
  ])('prints %s exactly as JSON.stringify(v, null, 2)', (_name, value) => {
    expect(allLines(buildJsonDocument(value))).toEqual(JSON.stringify(value, null, 2).split('\n'));
  });

  it('leaves out what JSON.stringify leaves out, prints non-finite numbers as null and honours toJSON', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, Number.NaN, Infinity], d: 1, onlyUndefined: { x: undefined }, when: new Date(0) };
    expect(allLines(buildJsonDocument(value))).toEqual(JSON.stringify(value, null, 2).split('\n'));
  });

  it('pairs open and close lines, records parents and counts children', () => {
    const doc = buildJsonDocument({ a: [1, 2, 3], b: { c: 1 } });
    // {  "a": [  1  2  3  ],  "b": {  "c": 1  }  }
    expect(doc.length).toBe(10);
    expect(doc.kind[1]).toBe(LineKind.openArray);
    expect(doc.match[1]).toBe(5);
    expect(doc.match[5]).toBe(1);
    expect(doc.match[0]).toBe(9);
    expect(doc.parent[2]).toBe(1);
    expect(doc.parent[5]).toBe(0);
    expect(doc.parent[0]).toBe(-1);
    expect(doc.childCount[0]).toBe(2);
    expect(doc.childCount[1]).toBe(3);
    expect(doc.keys[1]).toBe('a');
    expect(doc.depth[2]).toBe(2);
    expect(foldSummary(doc, 1)).toBe('[ … 3 items ]');
    expect(foldSummary(doc, 6)).toBe('{ … 1 key }');
  });

  it('renders a folded container as its summary, keeping the comma', () => {
    const doc = buildJsonDocument({ a: [1, 2, 3], b: { c: 1 } });
    expect(lineText(doc, 1, true)).toBe('  "a": [ … 3 items ],');
    expect(lineText(doc, 6, true)).toBe('  "b": { … 1 key }');
  });

  it('builds a 10 MB response (8,000 hosts) in a sane time', () => {
    const value = hostsEnvelope(8000);
    expect(JSON.stringify(value).length).toBeGreaterThan(10_000_000);
    const started = performance.now();
    const doc = buildJsonDocument(value);
    const elapsed = performance.now() - started;
    expect(doc.length).toBeGreaterThan(400_000);
    expect(lineText(doc, doc.length - 1)).toBe('}');
    // Loose on purpose: the bench measures speed, this only catches a blow-up.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('text and byte bodies', () => {
  it('splits text into lines, without a phantom last line', () => {
    const doc = buildTextDocument('one\r\ntwo\nthree\n');
    expect(allLines(doc)).toEqual(['one', 'two', 'three']);
  });

  it('shows control characters inert, as escapes', () => {
    const doc = buildTextDocument('a\u001b[31mred\tb\u009b2J');
    expect(lineText(doc, 0)).toBe('a\\x1b[31mred  b\\x9b2J');
  });

  it('escapes C1 controls and bidi overrides in JSON keys and strings, as JSON does C0', () => {
    const doc = buildJsonDocument({ 'k\u009b': 'v\u001b]0;t\u0007\u202e' });
    expect(lineText(doc, 1)).toBe('  "k\\u009b": "v\\u001b]0;t\\u0007\\u202e"');
  });

  it('shows bytes as a size line and a hex dump', () => {
    const bytes = new Uint8Array([0x48, 0x69, 0x00, 0xff, ...Array.from({ length: 16 }, (_, i) => i + 0x41)]);
    const lines = allLines(buildBytesDocument(bytes));
    expect(lines[0]).toBe('binary body, 20 B (20 bytes)');
    expect(lines[1]).toBe('00000000  48 69 00 ff 41 42 43 44  45 46 47 48 49 4a 4b 4c  |Hi..ABCDEFGHIJKL|');
    expect(lines[2]).toMatch(/^00000010 {2}4d 4e 4f 50 /);
    expect(lines[2]).toMatch(/\|MNOP\|$/);
  });

  it('dumps only the start of a large binary body', () => {
    const lines = allLines(buildBytesDocument(new Uint8Array(100_000)));
    expect(lines.length).toBe(1 + 4096 + 1);
    expect(lines.at(-1)).toBe('… 34,464 more bytes (w writes the whole body)');
  });

  it('says when the body is empty', () => {
    expect(allLines(documentForBody({ kind: 'empty' }))).toEqual(['(empty body)']);
  });
});
