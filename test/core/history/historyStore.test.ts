import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryStore, historyFile, historyLimit, DEFAULT_HISTORY_LIMIT } from '../../../src/core/history/historyStore.js';
import { entryToRequest, makeEntry, type HistoryEntry } from '../../../src/core/history/historyEntry.js';
import { parseEntry } from '../../../src/core/history/historyEntrySchema.js';
import { readHistory, recentHistory } from '../../../src/core/history/historyReader.js';
import type { ApiRequest } from '../../../src/core/http/types.js';
import { tempHome, modeOf } from '../../helpers/tempHome.js';

function entry(i: number, extra: Partial<ApiRequest> = {}): HistoryEntry {
  return makeEntry(
    { method: 'GET', path: '/devices/queries/devices/v1', query: [['offset', String(i)]], ...extra },
    { status: 200, durationMs: 12.4, items: 3, traceId: `trace-${i}` },
    { profile: 'demo', baseUrl: 'http://127.0.0.1:1' },
    new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  );
}

const warningsOf = new Map<HistoryStore, string[]>();

function store(limit?: number): { s: HistoryStore; warnings: string[]; file: string } {
  const { home } = tempHome();
  const warnings: string[] = [];
  const file = join(home, 'data', 'history.jsonl');
  const s = new HistoryStore(file, { limit });
  warningsOf.set(s, warnings);
  return { s, warnings, file };
}

const read = (s: HistoryStore) => readHistory(s, (m) => warningsOf.get(s)?.push(m));
const recent = (s: HistoryStore, max: number) => recentHistory(s, max, (m) => warningsOf.get(s)?.push(m));

describe('history store', () => {
  it('appends one line per entry with every field, and never a header', () => {
    const { s, file } = store();
    s.append(entry(1, { headers: { Authorization: 'Bearer secret-token' }, body: { json: { ids: ['a'] } }, method: 'POST' }));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('Authorization');
    const [e] = read(s).entries;
    expect(e).toEqual({
      time: '2026-01-01T00:00:01.000Z',
      profile: 'demo',
      baseUrl: 'http://127.0.0.1:1',
      method: 'POST',
      path: '/devices/queries/devices/v1',
      query: [['offset', '1']],
      body: { ids: ['a'] },
      status: 200,
      durationMs: 12,
      items: 3,
      traceId: 'trace-1',
    });
    // Key order is fixed, so the file diffs and greps well.
    expect(Object.keys(JSON.parse(text))).toEqual(['time', 'profile', 'baseUrl', 'method', 'path', 'query', 'body', 'status', 'durationMs', 'items', 'traceId']);
    if (process.platform !== 'win32') expect(modeOf(statSync(file).mode)).toBe(0o600);
  });

  it('keeps form bodies out (they carry credentials)', () => {
    const { s } = store();
    s.append(makeEntry({ method: 'POST', path: '/oauth2/token', body: { form: { client_secret: 'shh' } } }, { status: 201, durationMs: 1 }, { profile: 'p' }));
    expect(JSON.stringify(read(s).entries)).not.toContain('shh');
  });

  it('returns the newest first, and entries turn back into requests', () => {
    const { s } = store();
    for (let i = 0; i < 5; i++) s.append(entry(i));
    const newest = recent(s, 2);
    expect(newest.map((e) => e.traceId)).toEqual(['trace-4', 'trace-3']);
    expect(entryToRequest(newest[0] as HistoryEntry)).toEqual({ method: 'GET', path: '/devices/queries/devices/v1', query: [['offset', '4']] });
  });

  it('skips a corrupt line with one warning and reads the rest', () => {
    const { s, warnings, file } = store();
    s.append(entry(1));
    appendFileSync(file, '{"time": "2026", this is not json\n');
    appendFileSync(file, '{"valid json": "but not an entry"}\n');
    s.append(entry(2));
    const { entries, skipped } = read(s);
    expect(entries.map((e) => e.traceId)).toEqual(['trace-1', 'trace-2']);
    expect(skipped).toBe(2);
    expect(warnings).toEqual([`skipped 2 unreadable lines in ${file}`]);
  });

  it('skips a torn last line (no newline: its writer died) and says so; the next append does not glue onto it', () => {
    const { s, warnings, file } = store();
    s.append(entry(1));
    appendFileSync(file, '{"time":"2026-01-01T00:00:00.000Z","prof');
    expect(read(s)).toMatchObject({ skipped: 1 });
    expect(read(s).entries).toHaveLength(1);
    expect(warnings.at(-1)).toMatch(/skipped 1 unreadable line/);
    s.append(entry(2));
    expect(read(s).entries.map((e) => e.query)).toEqual([[['offset', '1']], [['offset', '2']]]);
  });

  it('compacts past the bound plus 10%, keeping the newest entries byte for byte', () => {
    const { s, file } = store(20);
    for (let i = 0; i < 22; i++) s.append(entry(i));
    // 22 = limit + 10%: not yet.
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(22);
    const before = readFileSync(file, 'utf8').trim().split('\n').slice(-19);
    s.append(entry(22));
    const after = readFileSync(file, 'utf8').trim().split('\n');
    expect(after).toHaveLength(20);
    expect(after.slice(0, 19)).toEqual(before);
    expect(read(s).entries.map((e) => e.traceId).at(-1)).toBe('trace-22');
    for (let i = 23; i < 200; i++) s.append(entry(i));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines.map((l) => parseEntry(l)?.traceId)).toEqual(Array.from({ length: lines.length }, (_, k) => `trace-${200 - lines.length + k}`));
  });

  it('drops corrupt lines when compacting', () => {
    const { s, file } = store(5);
    for (let i = 0; i < 3; i++) s.append(entry(i));
    appendFileSync(file, 'garbage\n');
    for (let i = 3; i < 7; i++) s.append(entry(i));
    s.compact();
    expect(readFileSync(file, 'utf8')).not.toContain('garbage');
    expect(read(s).entries.map((e) => e.traceId)).toEqual(['trace-2', 'trace-3', 'trace-4', 'trace-5', 'trace-6']);
  });

  it('compacts without the entry schema: lines that are not JSON objects go, an object that is no entry stays and is still skipped when read', () => {
    const { s, file, warnings } = store(3);
    s.append(entry(0));
    appendFileSync(file, '["an array"]\n{"valid json": "but not an entry"}\n');
    for (let i = 1; i < 3; i++) s.append(entry(i));
    s.compact();
    expect(readFileSync(file, 'utf8')).not.toContain('an array');
    expect(readFileSync(file, 'utf8')).toContain('but not an entry');
    expect(read(s).entries.map((e) => e.traceId)).toEqual(['trace-1', 'trace-2']);
    expect(warnings).toEqual([`skipped 1 unreadable line in ${file}`]);
  });

  it('keeps a line far below 64 KB: a huge body is replaced by a marker', () => {
    const { s, file } = store();
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}-${'x'.repeat(20)}`);
    s.append(entry(1, { method: 'POST', body: { json: { ids } }, query: Array.from({ length: 3000 }, (_, i) => ['ids', `${i}-${'y'.repeat(20)}`] as const) }));
    const line = readFileSync(file, 'utf8');
    expect(line.length).toBeLessThan(64 * 1024);
    const [e] = read(s).entries;
    expect(e?.body).toBeUndefined();
    expect(e?.truncated?.body).toBeGreaterThan(100_000);
    expect(e?.truncated?.query).toBe(3000);
    expect(() => entryToRequest(e as HistoryEntry)).toThrow(/too large to keep/);
  });

  it('takes over a lock left by a process that died', () => {
    const { s, file } = store();
    const lock = join(file, '..', '.history.jsonl.lock');
    mkdirSync(lock, { recursive: true });
    // A pid that cannot be running (above the kernel's pid_max).
    writeFileSync(join(lock, 'owner'), '4194999 deadbeef');
    const t = Date.now();
    s.append(entry(1));
    expect(Date.now() - t).toBeLessThan(2000);
    expect(read(s).entries).toHaveLength(1);
  });

  it('reads TALON_HISTORY_LIMIT and puts the file in the data directory', () => {
    expect(historyLimit({})).toBe(DEFAULT_HISTORY_LIMIT);
    expect(historyLimit({ TALON_HISTORY_LIMIT: '300' })).toBe(300);
    expect(() => historyLimit({ TALON_HISTORY_LIMIT: 'lots' })).toThrow(/TALON_HISTORY_LIMIT must be a whole number/);
    expect(historyFile({ TALON_HOME: '/tmp/x' })).toBe('/tmp/x/data/history.jsonl');
  });
});
