import { describe, expect, it } from 'vitest';
import { appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appendAuditEntry, auditLogPath, readAuditLog, type AuditEntry } from '../../../src/core/audit/auditLog.js';
import { formatAudit } from '../../../src/core/audit/formatAudit.js';
import { modeOf, tempHome } from '../../helpers/tempHome.js';

const entry = (n: number): AuditEntry => ({
  time: `2026-05-01T08:0${n}:00.000Z`,
  profile: n % 2 ? 'prod' : null,
  action: 'contain',
  ok: true,
  hosts: [{ deviceId: 'a'.repeat(32), hostname: `WS-${n}`, input: `WS-${n}`, result: 'reached', status: 'contained', message: 'contained after 3 s', traceIds: ['t-1'] }],
});

describe('audit log', () => {
  it('lives in the data directory, appends one private line per run, and reads them back in order', () => {
    const { env, home } = tempHome();
    const path = auditLogPath(env);
    expect(path).toBe(join(home, 'data', 'audit.jsonl'));
    expect(readAuditLog(path)).toEqual({ entries: [], skipped: 0 });
    for (const n of [1, 2, 3]) appendAuditEntry(path, entry(n));
    expect(modeOf(statSync(path).mode)).toBe(0o600);
    expect(readAuditLog(path).entries.map((e) => e.hosts[0]!.hostname)).toEqual(['WS-1', 'WS-2', 'WS-3']);
    expect(readAuditLog(path, { limit: 2 }).entries.map((e) => e.hosts[0]!.hostname)).toEqual(['WS-2', 'WS-3']);
  });

  it('skips damaged lines and keeps the rest', () => {
    const { env } = tempHome();
    const path = auditLogPath(env);
    appendAuditEntry(path, entry(1));
    appendFileSync(path, '{"time": "torn wri\n[1,2]\n\n');
    appendAuditEntry(path, entry(2));
    const read = readAuditLog(path);
    expect(read.skipped).toBe(2);
    expect(read.entries).toHaveLength(2);
  });

  it('prints a heading per run and a line per host', () => {
    const text = formatAudit([entry(1)]);
    expect(text).toContain('2026-05-01T08:01:00.000Z  contain  1 host  ok  (profile prod)');
    expect(text).toContain('  WS-1  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  reached: contained after 3 s  trace t-1');
  });
});
