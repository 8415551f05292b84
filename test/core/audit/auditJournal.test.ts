import { describe, expect, it } from 'vitest';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAuditEntry, KILLED, readAuditLog, type AuditEntry } from '../../../src/core/audit/auditLog.js';
import { AuditJournal, openJournals } from '../../../src/core/audit/auditJournal.js';
import { appendPrivateLine } from '../../../src/core/config/privateAppend.js';
import { HistoryStore } from '../../../src/core/history/historyStore.js';
import { readHistory } from '../../../src/core/history/historyReader.js';
import { makeEntry } from '../../../src/core/history/historyEntry.js';
import { tempHome } from '../../helpers/tempHome.js';

const entry = (n: number): AuditEntry => ({ time: `2026-01-01T00:00:0${n}.000Z`, profile: 'p', action: 'contain', ok: true, hosts: [] });
const host = (n: number) => ({ deviceId: `${n}`.padStart(32, '0'), hostname: `H${n}`, input: `H${n}` });

describe('audit log: torn lines, symlinks, modes', () => {
  it('an append after a torn last line starts a new line; the reader skips and counts the torn one', () => {
    const { home } = tempHome();
    const path = join(home, 'data', 'audit.jsonl');
    appendAuditEntry(path, entry(1));
    appendFileSync(path, '{"time":"2026-01-01T00:00:02.000Z","acti'); // a writer killed mid-line
    appendAuditEntry(path, entry(3));
    const read = readAuditLog(path);
    expect(read.entries.map((e) => e.time)).toEqual([entry(1).time, entry(3).time]);
    expect(read.skipped).toBe(1);
  });

  it('history: an append after a torn last line keeps the new entry; the torn tail is counted', () => {
    const { home } = tempHome();
    const file = join(home, 'data', 'history.jsonl');
    const warnings: string[] = [];
    const s = new HistoryStore(file);
    const read = () => readHistory(s, (m) => warnings.push(m));
    const e = (i: number) => makeEntry({ method: 'GET', path: '/x', query: [['i', String(i)]] }, { status: 200, durationMs: 1 }, { profile: 'p', baseUrl: 'http://h' }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    s.append(e(1));
    appendFileSync(file, '{"v":1,"time":"20');
    expect(read().skipped).toBe(1);
    s.append(e(2));
    const after = read();
    expect(after.entries.map((x) => x.query)).toEqual([[['i', '1']], [['i', '2']]]);
    expect(after.skipped).toBe(1);
    expect(warnings.at(-1)).toMatch(/skipped 1 unreadable line/);
  });

  it('never writes through a symlink planted at the log', () => {
    const { home } = tempHome();
    mkdirSync(join(home, 'data'), { recursive: true });
    const target = join(home, 'victim');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(home, 'data', 'audit.jsonl'));
    expect(() => appendAuditEntry(join(home, 'data', 'audit.jsonl'), entry(1))).toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it('creates the log 0600 and tightens a looser mode it finds', () => {
    const { home } = tempHome();
    const path = join(home, 'data', 'audit.jsonl');
    appendPrivateLine(path, '{}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o644);
    appendPrivateLine(path, '{}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('audit journal', () => {
  it('records the plan before any batch, each batch as it lands, and the closing entry in place of the journal', () => {
    const { home } = tempHome();
    const path = join(home, 'audit.jsonl');
    const j = new AuditJournal(path, { profile: 'p', clientId: 'c' }, 'contain', [host(1), host(2), host(3)]);
    expect(readAuditLog(path).entries[0]).toMatchObject({ interrupted: KILLED, hosts: [{ result: 'not-sent' }, { result: 'not-sent' }, { result: 'not-sent' }] });
    j.batchSending([host(1).deviceId, host(2).deviceId]);
    expect(readAuditLog(path).entries[0]!.hosts.map((h) => h.result)).toEqual(['sent-no-answer', 'sent-no-answer', 'not-sent']);
    j.batchLanded([
      { deviceId: host(1).deviceId, kind: 'accepted', message: 'accepted', traceId: 't1' },
      { deviceId: host(2).deviceId, kind: 'rejected', message: 'no such host', traceId: 't1' },
    ]);
    const rebuilt = readAuditLog(path).entries[0]!;
    expect(rebuilt.hosts.map((h) => [h.result, h.traceIds])).toEqual([['submitted', ['t1']], ['rejected', ['t1']], ['not-sent', []]]);
    expect(openJournals()).toContain(j);
    j.close({ ...entry(9), hosts: [] });
    expect(openJournals()).not.toContain(j);
    const after = readAuditLog(path).entries;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ time: entry(9).time, run: j.id });
    expect(after[0]!.interrupted).toBeUndefined();
  });

  it('an interrupt closes the record with what was sent', () => {
    const { home } = tempHome();
    const path = join(home, 'audit.jsonl');
    const j = new AuditJournal(path, { profile: null }, 'lift_containment', [host(1), host(2)]);
    j.batchSending([host(1).deviceId]);
    const written = j.interrupt('interrupted by SIGTERM');
    expect(written.hosts.map((h) => h.result)).toEqual(['sent-no-answer', 'not-sent']);
    expect(readAuditLog(path).entries).toEqual([written]);
  });

  it('a plan that cannot be written throws (so nothing is sent)', () => {
    const { home } = tempHome();
    mkdirSync(join(home, 'audit.jsonl'));
    expect(() => new AuditJournal(join(home, 'audit.jsonl'), { profile: null }, 'contain', [host(1)])).toThrow();
  });
});

describe('a run cut short by the process ending', () => {
  it('the shell quitting mid-watch (or any exit) closes every open journal with what was sent', async () => {
    const { EXITED, interruptOpenJournals } = await import('../../../src/core/audit/auditJournal.js');
    const { home } = tempHome();
    const path = join(home, 'audit.jsonl');
    const j = new AuditJournal(path, { profile: 'shell' }, 'contain', [host(1), host(2)]);
    j.batchSending([host(1).deviceId, host(2).deviceId]);
    j.batchLanded([host(1), host(2)].map((h) => ({ deviceId: h.deviceId, kind: 'accepted', message: 'accepted', traceId: 't' })));
    // What the process 'exit' hook runs when the shell quits during the watch.
    interruptOpenJournals(EXITED);
    expect(openJournals()).toEqual([]);
    const [entry, ...rest] = readAuditLog(path).entries;
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ run: j.id, interrupted: EXITED, ok: false });
    expect(entry!.hosts.map((h) => h.result)).toEqual(['submitted', 'submitted']);
  });
});

describe('talon audit as text', () => {
  it('marks a run that ended early, with why', async () => {
    const { formatAudit } = await import('../../../src/core/audit/formatAudit.js');
    const text = formatAudit([{ ...entry(1), ok: false, interrupted: KILLED, hosts: [{ ...host(1), result: 'sent-no-answer', message: 'sent; no answer', traceIds: [] }] }]);
    expect(text).toContain(`NOT ALL OK  (profile p)  INTERRUPTED: ${KILLED}`);
    expect(text).toContain('H1  00000000000000000000000000000001  sent-no-answer: sent; no answer');
  });
});
