// The core parts the shell's alert triage adds: the change form, the
// hand-offs to containment and hash search, and a stop while a batch is in
// flight (Esc, or quitting the shell), which lets that batch land so the
// audit says truly what it did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formChange, newChangeForm, reduceChangeForm, type ChangeForm, type ChangeFormEvent } from '../../../src/core/wizards/alerts/changeForm.js';
import { containmentFromAlerts, hashSearchFromAlert } from '../../../src/core/wizards/alerts/handoff.js';
import { runTriageEffect } from '../../../src/core/wizards/alerts/effects.js';
import { Enricher } from '../../../src/core/wizards/alerts/enrich.js';
import { toAlertRecord } from '../../../src/core/wizards/alerts/alertRecord.js';
import { readAuditRecords } from '../../../src/core/audit/auditLog.js';
import type { TriageEvent } from '../../../src/core/wizards/alerts/types.js';
import type { ApiCaller } from '../../../src/core/http/types.js';
import { tempHome } from '../../helpers/tempHome.js';
import { rig, type Rig } from './rig.js';

const form = (...events: ChangeFormEvent[]): ChangeForm => events.reduce(reduceChangeForm, newChangeForm('status'));

describe('the change form', () => {
  it('cycles the status through unchanged and back, and moves between fields', () => {
    expect(form({ type: 'status', delta: 1 }).status).toBe('new');
    expect(form({ type: 'status', delta: -1 }).status).toBe('closed');
    expect(form({ type: 'status', delta: 1 }, { type: 'status', delta: -1 }).status).toBeUndefined();
    expect(form({ type: 'field', delta: -1 }).field).toBe('comment');
  });

  it('makes the change: status, assignee or unassign, tags, a comment', () => {
    const f = form({ type: 'status', delta: -1 }, { type: 'text', field: 'assign', text: ' dana@example.com ' }, { type: 'text', field: 'tag', text: 'triaged, fp ,' }, { type: 'text', field: 'comment', text: 'Noise ' });
    expect(formChange(f)).toEqual({ ok: true, change: { status: 'closed', assign: 'dana@example.com', tags: ['triaged', 'fp'], comment: 'Noise' } });
    expect(formChange(form({ type: 'text', field: 'assign', text: '-' }))).toEqual({ ok: true, change: { unassign: true } });
  });

  it('says what is missing when nothing would change', () => {
    expect(formChange(form({ type: 'text', field: 'comment', text: '   ' }))).toEqual({ ok: false, message: 'Say what to change: a status (← →), someone to assign, a tag or a comment.' });
  });
});

describe('hand-offs and a stop in flight', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ hosts: 120 });
  });
  afterAll(() => r.close());

  const alerts = () => [...r.sim.tenant.alerts.values()].map((a) => toAlertRecord(a as unknown as Record<string, unknown>));

  it("hands the alerts' distinct hosts to containment, resolving, and a hash to hash search, searching", () => {
    const all = alerts();
    const twoOnOne = all.filter((a) => a.deviceId === all[0]!.deviceId).slice(0, 2);
    const other = all.find((a) => a.deviceId !== all[0]!.deviceId)!;
    const contain = containmentFromAlerts([...twoOnOne, other])!;
    expect(contain).toMatchObject({ step: 'resolving', action: 'contain', text: `${all[0]!.deviceId}\n${other.deviceId}` });
    expect(containmentFromAlerts([{ ...other, deviceId: '' }])).toBeUndefined();
    const withHash = all.find((a) => a.sha256)!;
    expect(hashSearchFromAlert(withHash)).toMatchObject({ step: 'searching', indicator: { value: withHash.sha256 } });
    expect(hashSearchFromAlert({ ...withHash, sha256: '', md5: '' })).toBeUndefined();
  });

  it('a stop while the first batch is in flight lets it land: changed and audited, the rest not sent', async () => {
    const ids = [...r.sim.tenant.alerts.values()].filter((a) => a.status === 'new').slice(0, 25).map((a) => a.composite_id);
    const client = r.client();
    const stop = new AbortController();
    // The stop comes as the first update call leaves.
    const caller: ApiCaller = { request: (req) => (req.method === 'PATCH' && stop.abort(), client.request(req)) };
    const path = join(tempHome().home, 'data', 'audit.jsonl');
    const events: TriageEvent[] = [];
    await runTriageEffect(
      { kind: 'apply', run: 1, groups: [{ change: { tags: ['in-flight'] }, ids }] },
      { caller, enricher: new Enricher(caller), batchSize: 10, audit: { path, context: { profile: 'demo' } } },
      (e) => events.push(e),
      stop.signal,
    );
    const applied = events.find((e) => e.type === 'applied');
    expect(applied).toMatchObject({ results: [{ changed: ids.slice(0, 10), notSent: ids.slice(10), failed: [], unknown: [] }] });
    expect(ids.filter((id) => r.sim.tenant.alerts.get(id)!.tags.includes('in-flight'))).toEqual(ids.slice(0, 10));
    const lines = readAuditRecords(path).entries as unknown as { phase: string; changed?: string[]; notSent?: string[] }[];
    expect(lines.map((l) => l.phase)).toEqual(['intent', 'batch', 'result']);
    expect(lines[2]).toMatchObject({ changed: ids.slice(0, 10), notSent: ids.slice(10) });
  });
});
