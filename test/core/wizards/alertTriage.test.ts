// The triage machine and its driver against the simulator: a listing with
// a windowed view, a selection, the detail pane, a plan with a dropped row,
// and faults injected into the update batches, which must leave an audit
// naming exactly what changed (read back from the API's own state).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { initialTriageState, keptGroups, nextTriageEffect, reduceTriage, triageStateForPlan, visibleRows } from '../../../src/core/wizards/alerts/machine.js';
import { runTriageEffect, type TriageDeps } from '../../../src/core/wizards/alerts/effects.js';
import { runTriage, type TriageIo } from '../../../src/core/wizards/alerts/runTriage.js';
import { Enricher } from '../../../src/core/wizards/alerts/enrich.js';
import type { TriageEvent, TriageState } from '../../../src/core/wizards/alerts/types.js';
import { readAuditRecords } from '../../../src/core/audit/auditLog.js';
import type { AlertAuditEntry } from '../../../src/core/audit/alertAudit.js';
import type { ApiCaller } from '../../../src/core/http/types.js';
import { tempHome } from '../../helpers/tempHome.js';
import { recording, rig, type Rig } from './rig.js';
import { listAlerts } from '../../../src/core/wizards/alerts/listAlerts.js';

function deps(r: Rig, caller: ApiCaller = r.client(), batchSize?: number): TriageDeps & { path: string } {
  const path = join(tempHome().home, 'data', 'audit.jsonl');
  return { caller, enricher: new Enricher(caller), batchSize, path, audit: { path, context: { profile: 'demo', clientId: r.sim.clients.demo.id, baseUrl: r.sim.url } } };
}

/** Runs effects until the machine waits for a person (as the shell's effects hook does). */
async function settle(state: TriageState, d: TriageDeps): Promise<TriageState> {
  for (;;) {
    const effect = nextTriageEffect(state);
    if (!effect) return state;
    let next = state;
    await runTriageEffect(effect, d, (e: TriageEvent) => (next = reduceTriage(next, e)));
    if (next === state) return state;
    state = next;
  }
}

const yes: TriageIo = { review: () => true, confirm: async (p) => p.expected };

describe('the triage machine', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ hosts: 300 });
  });
  afterAll(() => r.close());

  it('lists, windows, selects, opens a detail, and applies a plan without the dropped row', async () => {
    const d = deps(r);
    let s = await settle(initialTriageState({ preset: 'new', limit: 50 }), d);
    expect(s.step).toBe('list');
    const open = [...r.sim.tenant.alerts.values()].filter((a) => a.status === 'new');
    expect(s.total).toBe(open.length);
    expect(s.alerts).toHaveLength(Math.min(50, open.length));
    // A 5-line window follows the cursor.
    s = reduceTriage(s, { type: 'move', delta: 7 });
    const win = visibleRows(s, 5);
    expect(win.rows).toHaveLength(5);
    expect(win.rows).toContain(s.alerts[7]);
    // Detail pane: loaded through the enricher, once.
    s = await settle(reduceTriage(s, { type: 'openDetail' }), d);
    const detail = s.details[s.alerts[7]!.compositeId];
    expect(detail?.state).toBe('loaded');
    expect(detail?.state === 'loaded' && detail.detail.host?.record.deviceId).toBe(s.alerts[7]!.deviceId);
    // Select three, plan a comment, drop one row, confirm with the typed count.
    for (const i of [0, 1, 2]) s = reduceTriage(s, { type: 'toggleSelect', id: s.alerts[i]!.compositeId });
    s = await settle(reduceTriage(s, { type: 'plan', request: { kind: 'update', change: { status: 'in_progress', comment: 'picked up' } } }), d);
    expect(s.step).toBe('review');
    expect(s.plan![0]!.rows.map((x) => x.alert.compositeId)).toEqual(s.selected);
    const dropped = s.selected[1]!;
    s = reduceTriage(s, { type: 'toggleRow', id: dropped });
    expect(keptGroups(s.plan)[0]!.ids).toEqual([s.selected[0], s.selected[2]]);
    s = reduceTriage(s, { type: 'proceed' });
    s = reduceTriage(s, { type: 'confirm', text: '3' });
    expect(s.confirmError).toBe('That does not match. Type 2 to change 2 alerts.');
    s = await settle(reduceTriage(s, { type: 'confirm', text: '2' }), d);
    expect(s.step).toBe('done');
    expect(s.results[0]!.changed).toEqual([s.selected[0], s.selected[2]]);
    expect(r.sim.tenant.alerts.get(dropped)!.status).toBe('new');
    for (const id of [s.selected[0]!, s.selected[2]!]) {
      const a = r.sim.tenant.alerts.get(id)!;
      expect(a.status).toBe('in_progress');
      expect(a.comments.at(-1)!.value).toBe('picked up');
    }
  });

  it('interrupted after the first batch: the audit names what was sent and what was not', async () => {
    const ids = [...r.sim.tenant.alerts.values()].filter((a) => a.status === 'new').slice(0, 25).map((a) => a.composite_id);
    const d = deps(r, r.client(), 10);
    const abort = new AbortController();
    const io: TriageIo = { ...yes, onChange: (_s, e) => void (e.type === 'progress' && abort.abort()) };
    const s = await runTriage(triageStateForPlan({ kind: 'update', change: { tags: ['interrupted'] }, ids }), d, io, { signal: abort.signal });
    expect(s.step).toBe('done');
    const result = readAuditRecords(d.path).entries.at(-1) as AlertAuditEntry;
    expect(result).toMatchObject({ phase: 'result', ok: false, changed: ids.slice(0, 10), notSent: ids.slice(10) });
    expect(ids.filter((id) => r.sim.tenant.alerts.get(id)!.tags.includes('interrupted'))).toEqual(ids.slice(0, 10));
    expect(s.results[0]).toMatchObject({ changed: ids.slice(0, 10), notSent: ids.slice(10) });
  });

  it('an audit log that cannot be written: nothing is sent, and the run says why', async () => {
    const ids = [...r.sim.tenant.alerts.values()].filter((a) => a.status === 'new').slice(-3).map((a) => a.composite_id);
    const d = deps(r);
    const home = tempHome().home;
    d.audit = { path: home, context: d.audit!.context };
    const s = await runTriage(triageStateForPlan({ kind: 'update', change: { tags: ['unrecorded'] }, ids }), d, yes);
    expect(s.step).toBe('done');
    expect(s.auditError).toMatch(new RegExp(`^The audit log ${home} could not be written: `));
    expect(s.results[0]).toMatchObject({ changed: [], notSent: ids });
    expect(ids.filter((id) => r.sim.tenant.alerts.get(id)!.tags.includes('unrecorded'))).toEqual([]);
  });

  it('unknown ids stop the plan with a sentence before anything is sent', async () => {
    const d = deps(r);
    const s = await runTriage(triageStateForPlan({ kind: 'update', change: { status: 'closed' }, ids: ['nope:ind:x'] }), d, yes);
    expect(s.step).toBe('error');
    expect(s.failure?.message).toBe('1 of the 1 alert ids are not alerts the API knows; nothing was changed. Check the ids (talon alerts lists them).');
    expect(readAuditRecords(d.path).entries).toEqual([]);
  });
});

describe('faults during the update batches', () => {
  let r: Rig;
  beforeAll(async () => {
    // Seed 2 fails the 1st and 6th batch with a 5xx and drops the 5th and 8th connection: every kind of outcome.
    r = await rig({ hosts: 300, faults: { errorRate: 0.35, dropRate: 0.15, paths: ['/alerts/entities/alerts/v3'], seed: 2 } });
  });
  afterAll(() => r.close());

  it('leave an audit whose changed ids are exactly the alerts that changed', async () => {
    const before = new Map([...r.sim.tenant.alerts.values()].map((a) => [a.composite_id, a.status]));
    const ids = [...r.sim.tenant.alerts.values()].filter((a) => a.status !== 'closed').slice(0, 80).map((a) => a.composite_id);
    const d = deps(r, r.client('demo', { maxRetries: 0 }), 10);
    const s = await runTriage(triageStateForPlan({ kind: 'update', change: { status: 'closed', comment: 'fault test' }, ids }), d, yes);
    expect(s.step).toBe('done');
    const entries = readAuditRecords(d.path).entries as AlertAuditEntry[];
    expect(entries[0]).toMatchObject({ phase: 'intent', ids });
    const batches = entries.filter((e) => e.phase === 'batch');
    expect(batches).toHaveLength(8);
    const result = entries.at(-1)!;
    expect(result.phase).toBe('result');
    if (result.phase !== 'result') return;
    // The run met every kind of outcome, so the test means something.
    expect(result.changed.length).toBeGreaterThan(0);
    expect(result.failed.length).toBeGreaterThan(0);
    expect(result.unknown.length).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    expect([...result.changed, ...result.failed.map((f) => f.id), ...result.unknown].sort()).toEqual([...ids].sort());
    // Read back: what the audit calls changed is closed with the comment; nothing else moved.
    const nowClosed = ids.filter((id) => r.sim.tenant.alerts.get(id)!.status === 'closed' && before.get(id) !== 'closed');
    expect(nowClosed.sort()).toEqual([...result.changed].sort());
    for (const id of result.changed) expect(r.sim.tenant.alerts.get(id)!.comments.at(-1)!.value).toBe('fault test');
    for (const f of result.failed) expect(f.message).toMatch(/Falcon API failed \(5\d\d\)/);
    expect(s.results[0]!.changed.sort()).toEqual([...result.changed].sort());
  });
});

describe('listing a large set', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ hosts: 3500 });
  });
  afterAll(() => r.close());

  it('fetches every page once, by query and entities up to 10,000, by the combined call above', async () => {
    const all = [...r.sim.tenant.alerts.values()].map((a) => a.composite_id).sort();
    expect(all.length).toBeGreaterThan(1000);

    const q = recording(r.client());
    const byQuery = await listAlerts(q.caller, { limit: 10_000 });
    expect(byQuery.via).toBe('query');
    expect(byQuery.alerts.map((a) => a.compositeId).sort()).toEqual(all);
    expect(q.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /alerts/queries/alerts/v2', 'POST /alerts/entities/alerts/v2', 'POST /alerts/entities/alerts/v2']);

    const c = recording(r.client());
    const byCombined = await listAlerts(c.caller, { limit: 50_000 });
    expect(byCombined.via).toBe('combined');
    expect(byCombined.total).toBe(all.length);
    expect(byCombined.alerts.map((a) => a.compositeId).sort()).toEqual(all);
    const afters = c.calls.map((x) => (x.body && 'json' in x.body ? (x.body.json as { after?: string }).after : undefined));
    expect(c.calls.every((x) => x.path === '/alerts/combined/alerts/v1')).toBe(true);
    expect(afters).toHaveLength(Math.ceil(all.length / 1000));
    expect(new Set(afters).size).toBe(afters.length);
  });
});
