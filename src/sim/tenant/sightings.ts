// Sightings: one per (indicator type, value, host), built from the processes
// (their image hashes) and from the domain lookups, with the process ids.
import type { IndicatorType, Sighting } from './types.js';
import type { ProcessFactory, SamplePlan } from './processes.js';
import { iso } from './util.js';

interface Acc {
  sighting: Sighting;
  first: number;
  last: number;
}

function note(acc: Map<string, Acc>, type: IndicatorType, value: string, aid: string, pid: string, first: number, last: number): void {
  const key = `${type}:${value}`;
  const a = acc.get(key);
  if (!a) {
    acc.set(key, { sighting: { type, value, device_id: aid, process_ids: [pid], first_seen: '', last_seen: '' }, first, last });
    return;
  }
  if (!a.sighting.process_ids.includes(pid)) a.sighting.process_ids.push(pid);
  if (first < a.first) a.first = first;
  if (last > a.last) a.last = last;
}

export function buildSightings(f: ProcessFactory, plan: SamplePlan): Sighting[] {
  const lookups = new Map<string, SamplePlan['resolutions']>();
  for (const r of plan.resolutions) {
    const aid = r.meta.host.device_id;
    const list = lookups.get(aid);
    if (list) list.push(r);
    else lookups.set(aid, [r]);
  }
  const out: Sighting[] = [];
  for (const [aid, entries] of f.byHost) {
    const acc = new Map<string, Acc>();
    for (const e of entries) {
      note(acc, 'sha256', e.rec._sha256, aid, e.rec.process_id, e.startMs, e.stopMs);
      note(acc, 'md5', e.rec._md5, aid, e.rec.process_id, e.startMs, e.stopMs);
    }
    for (const r of lookups.get(aid) ?? []) {
      note(acc, 'domain', r.domain.toLowerCase(), aid, r.entry.rec.process_id, r.atMs, r.atMs);
    }
    for (const a of acc.values()) {
      a.sighting.first_seen = iso(a.first);
      a.sighting.last_seen = iso(a.last);
      out.push(a.sighting);
    }
  }
  return out;
}
