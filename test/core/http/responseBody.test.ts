import { describe, expect, it } from 'vitest';
import { describeResponse, normaliseHeaders, parseResponseBody } from '../../../src/core/http/responseBody.js';
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../../src/core/http/responseLimits.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseResponseBody', () => {
  it('parses JSON and +json types', () => {
    expect(parseResponseBody({ 'content-type': 'application/json; charset=utf-8' }, bytes('{"a":1}'))).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseResponseBody({ 'content-type': 'application/problem+json' }, bytes('[1]'))).toEqual({ kind: 'json', value: [1] });
  });

  it('keeps a body that claims JSON but is not as text', () => {
    expect(parseResponseBody({ 'content-type': 'application/json' }, bytes('<html>oops</html>'))).toEqual({ kind: 'text', value: '<html>oops</html>' });
  });

  it('keeps text types as text, honouring the charset', () => {
    expect(parseResponseBody({ 'content-type': 'text/plain' }, bytes('hello'))).toEqual({ kind: 'text', value: 'hello' });
    expect(parseResponseBody({ 'content-type': 'text/plain; charset=ISO-8859-1' }, new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ kind: 'text', value: 'café' });
    expect(parseResponseBody({ 'content-type': 'application/xml' }, bytes('<a/>'))).toEqual({ kind: 'text', value: '<a/>' });
  });

  it('keeps anything else as bytes, and an empty body as empty', () => {
    const raw = new Uint8Array([0, 1, 2, 255]);
    expect(parseResponseBody({ 'content-type': 'application/octet-stream' }, raw)).toEqual({ kind: 'bytes', value: raw });
    expect(parseResponseBody({}, raw)).toEqual({ kind: 'bytes', value: raw });
    expect(parseResponseBody({ 'content-type': 'application/json' }, new Uint8Array())).toEqual({ kind: 'empty' });
  });
});

describe('describeResponse', () => {
  it('takes the trace id from X-Cs-Traceid, else from meta.trace_id, and the rate-limit counters', () => {
    const body = bytes('{"meta":{"trace_id":"from-body"},"resources":[]}');
    const fromHeader = describeResponse(
      { 'content-type': 'application/json', 'x-cs-traceid': 'from-header', 'x-ratelimit-limit': '6000', 'x-ratelimit-remaining': '5997' },
      body,
    );
    expect(fromHeader).toMatchObject({ traceId: 'from-header', rateLimitLimit: 6000, rateLimitRemaining: 5997, size: body.byteLength });
    expect(describeResponse({ 'content-type': 'application/json' }, body).traceId).toBe('from-body');
    const plain = describeResponse({ 'content-type': 'text/plain' }, bytes('x'));
    expect(plain.traceId).toBeUndefined();
    expect(plain.rateLimitRemaining).toBeUndefined();
  });

  it('lowercases header names and joins repeated headers', () => {
    expect(normaliseHeaders({ 'X-Cs-Traceid': 'a', 'set-cookie': ['x=1', 'y=2'], gone: undefined })).toEqual({ 'x-cs-traceid': 'a', 'set-cookie': 'x=1, y=2' });
  });
});

describe('checkJsonDepth', () => {
  const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

  it('takes 1,000 levels and refuses 1,001, whatever the size of the text', () => {
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(/nests JSON deeper than 1000 levels/);
    // past the size counted natively first, the scan alone decides
    const padding = `"${'x'.repeat(1 << 20)}"`;
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH, padding))).not.toThrow();
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH + 1, padding))).toThrow(/nests JSON deeper than 1000 levels/);
  });

  it('counts brackets inside strings as text, and many shallow brackets as no depth', () => {
    expect(() => checkJsonDepth(JSON.stringify({ s: '['.repeat(5000), t: '{"'.repeat(5000) }))).not.toThrow();
    expect(() => checkJsonDepth(JSON.stringify(Array.from({ length: 5000 }, () => [{ a: [1] }])))).not.toThrow();
  });
});
