import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../src/core/http/types.js';
import { fetchAllText, pagingHints, pagingText, progressBar } from '../../../src/core/jsonView/pagingInfo.js';
import { errorLines, formatSize, responseHeader, wrapText } from '../../../src/core/jsonView/responseSummary.js';
import { defaultResponseFileName, writeResponseFile } from '../../../src/core/jsonView/writeResponseFile.js';

function response(over: Partial<ApiResponse> = {}): ApiResponse {
  return {
    method: 'GET',
    url: 'https://api.crowdstrike.com/devices/queries/devices/v1?limit=1',
    status: 200,
    headers: {},
    durationMs: 312.4,
    size: 2048,
    traceId: '0b8c7c1e-4f2a',
    body: { kind: 'json', value: { resources: ['a'] } },
    attempts: 1,
    ...over,
  };
}

describe('paging text', () => {
  it('says where the page is, with thousands separators', () => {
    expect(pagingText({ firstItem: 101, lastItem: 200, total: 5312, hasNext: true, hasPrevious: true })).toBe('items 101-200 of 5,312');
    expect(pagingText({ firstItem: 1, lastItem: 100, hasNext: true, hasPrevious: false })).toBe('items 1-100');
    expect(pagingText({ firstItem: 1, lastItem: 0, total: 0, hasNext: false, hasPrevious: false })).toBe('no items on this page (0 in all)');
  });

  it('offers only the keys that apply', () => {
    expect(pagingHints({ firstItem: 1, lastItem: 100, hasNext: true, hasPrevious: false })).toBe('] next  A all');
    expect(pagingHints({ firstItem: 101, lastItem: 200, hasNext: true, hasPrevious: true })).toBe('[ prev  ] next  A all');
    expect(pagingHints({ firstItem: 1, lastItem: 5, hasNext: false, hasPrevious: false })).toBe('');
  });

  it('describes a fetch-all in progress, done, or failed', () => {
    expect(fetchAllText({ items: 1200, total: 5312, ratePerSec: 850.4, file: 'hosts.json', done: false })).toEqual({
      text: '1,200/5,312 items · 850/s → hosts.json · Esc cancels',
      fraction: 1200 / 5312,
      state: 'running',
    });
    expect(fetchAllText({ items: 5312, total: 5312, ratePerSec: 0, file: 'hosts.json', done: true }).text).toBe('fetched 5,312/5,312 items → hosts.json');
    expect(fetchAllText({ items: 300, ratePerSec: 0, done: false, error: 'cancelled' })).toMatchObject({ state: 'failed', text: 'fetch all stopped after 300 items: cancelled' });
    expect(progressBar(0.5, 10)).toBe('█████░░░░░');
    expect(progressBar(2, 4)).toBe('████');
  });
});

describe('response summary', () => {
  it('puts status, duration, size and trace id in the header', () => {
    expect(responseHeader(response())).toEqual({ status: '200 OK', details: '312 ms · 2.0 KB · trace 0b8c7c1e-4f2a' });
    expect(responseHeader(response({ status: 403, size: 5 * 1024 * 1024, traceId: undefined, attempts: 2 }))).toEqual({
      status: '403 Forbidden',
      details: '312 ms · 5.0 MB · 2 attempts',
    });
    expect(formatSize(512)).toBe('512 B');
  });

  it('explains a 403 with the scope the operation needs and the API message', () => {
    const res = response({ status: 403, body: { kind: 'json', value: { errors: [{ code: 403, message: 'access denied, authorization failed' }] } } });
    const lines = errorLines(res, { scopes: ['hosts:read'], width: 80, maxLines: 5 });
    const text = lines.map((l) => l.text).join(' ');
    expect(text).toContain('lacks the scope hosts:read that GET /devices/queries/devices/v1 needs (403)');
    expect(lines.at(-1)).toEqual({ text: 'API: 403 access denied, authorization failed', role: 'warn' });
    expect(lines.every((l) => l.text.length <= 80)).toBe(true);
  });

  it('keeps the API message within a small row budget', () => {
    const res = response({ status: 500, body: { kind: 'text', value: 'upstream timeout' } });
    const lines = errorLines(res, { width: 30, maxLines: 2 });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text.endsWith('…')).toBe(true);
    expect(lines[1]!.text).toBe('API: upstream timeout');
  });

  it('has nothing to explain for a success', () => {
    expect(errorLines(response(), { width: 80, maxLines: 5 })).toEqual([]);
  });

  it('wraps words to the width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('writeResponseFile', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('suggests a name from the trace id, or the time', () => {
    expect(defaultResponseFileName(response({ traceId: 'ab/c:d' }))).toBe('talon-response-ab_c_d.json');
    expect(defaultResponseFileName(response({ traceId: undefined, body: { kind: 'text', value: 'x' } }), new Date(Date.UTC(2026, 2, 1, 12, 5, 9)))).toBe(
      'talon-response-20260301-120509.txt',
    );
  });

  it('writes JSON pretty, text and bytes raw, and returns the bytes written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-write-'));
    const json = join(dir, 'r.json');
    expect(await writeResponseFile(response({ body: { kind: 'json', value: { é: 1 } } }), json)).toBe(14);
    expect(readFileSync(json, 'utf8')).toBe('{\n  "é": 1\n}\n');
    const bin = join(dir, 'r.bin');
    expect(await writeResponseFile(response({ body: { kind: 'bytes', value: new Uint8Array([0, 1, 2]) } }), bin)).toBe(3);
    expect([...readFileSync(bin)]).toEqual([0, 1, 2]);
  });

  it('refuses to overwrite a file, and says why a write failed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-write-'));
    const path = join(dir, 'r.json');
    await writeResponseFile(response(), path);
    await expect(writeResponseFile(response(), path)).rejects.toThrow(`${path} already exists: choose another name`);
    await expect(writeResponseFile(response(), join(dir, 'missing', 'r.json'))).rejects.toThrow('its directory does not exist');
  });
});
