import { describe, expect, it } from 'vitest';
import { buildJsonDocument } from '../../../src/core/jsonView/jsonDocument.js';
import { lineText } from '../../../src/core/jsonView/lineSegments.js';
import { copyableText, pathOfLine, valueAtLine } from '../../../src/core/jsonView/valueAt.js';

const value = { meta: { n: 1 }, resources: [{ hostname: 'a', tags: [], ou: ['x', 'y'] }, { 'odd key': null }] };
const doc = buildJsonDocument(value);
const lineOf = (text: string) => Array.from({ length: doc.length }, (_, i) => i).find((i) => lineText(doc, i).trim().startsWith(text))!;

describe('valueAtLine and pathOfLine', () => {
  it('rebuilds containers, scalars, and a close line’s container', () => {
    expect(valueAtLine(doc, 0)).toEqual(value);
    expect(valueAtLine(doc, lineOf('"resources"'))).toEqual(value.resources);
    expect(valueAtLine(doc, lineOf('"hostname"'))).toBe('a');
    expect(valueAtLine(doc, doc.match[lineOf('"ou"')]!)).toEqual(['x', 'y']);
  });

  it('names the path jq style', () => {
    expect(pathOfLine(doc, 0)).toBe('.');
    expect(pathOfLine(doc, lineOf('"ou"') + 2)).toBe('.resources[0].ou[1]');
    expect(pathOfLine(doc, lineOf('"odd key"'))).toBe('.resources[1]["odd key"]');
  });

  it('copies strings as they are and the rest as JSON', () => {
    expect(copyableText('a "b"')).toBe('a "b"');
    expect(copyableText(3)).toBe('3');
    expect(copyableText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
