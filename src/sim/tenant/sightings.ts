// Sightings: one per (indicator type, value, host), built from the processes
// (their image hashes) and from the domain lookups, with the process ids.
import type { IndicatorType, Sighting } from './records/indicators.js';
import type { SamplePlan } from './processes.js';
import type { HostMeta } from './meta.js';
import { iso } from './util.js';

interface Acc {
  sighting: Sighting;
  first: number;
  last: number;
}

/** Adds one observation; `firstIso`/`lastIso` are the formatted first/last. */
function note(
  acc: Acc[],
  type: IndicatorType,
  value: string,
  aid: string,
  pid: string,
  first: number,
  last: number,
  firstIso: string,
  lastIso: string,
): void {
  // A host has a handful of images, so a linear scan beats a map here.
  let a: Acc | undefined;
  for (let i = 0; i < acc.length; i++) {
    if ((acc[i] as Acc).sighting.value === value) {
      a = acc[i];
      break;
    }
  }
  if (!a) {
    acc.push({ sighting: { type, value, device_id: aid, process_ids: [pid], first_seen: firstIso, last_seen: lastIso }, first, last });
    return;
  }
  if (!a.sighting.process_ids.includes(pid)) a.sighting.process_ids.push(pid);
  if (first < a.first) {
    a.first = first;
    a.sighting.first_seen = firstIso;
  }
  if (last > a.last) {
    a.last = last;
    a.sighting.last_seen = lastIso;
  }
}

export function buildSightings(metas: HostMeta[], plan: SamplePlan): Sighting[] {
  const lookups = new Map<string, SamplePlan['resolutions']>();
  for (const r of plan.resolutions) {
    const aid = r.meta.host.device_id;
    const list = lookups.get(aid);
    if (list) list.push(r);
    else lookups.set(aid, [r]);
  }
  const out: Sighting[] = [];
  for (const meta of metas) {
    const aid = meta.host.device_id;
    const entries = meta.procs;
    // Matched by value alone: sha256, md5 and domain values never collide.
    const acc: Acc[] = [];
    for (const e of entries) {
      const r = e.rec;
      note(acc, 'sha256', r._sha256, aid, r.process_id, e.startMs, e.stopMs, r.start_timestamp, r.stop_timestamp);
      note(acc, 'md5', r._md5, aid, r.process_id, e.startMs, e.stopMs, r.start_timestamp, r.stop_timestamp);
    }
    for (const r of lookups.get(aid) ?? []) {
      const at = iso(r.atMs);
      note(acc, 'domain', r.domain.toLowerCase(), aid, r.entry.rec.process_id, r.atMs, r.atMs, at, at);
    }
    for (const a of acc) out.push(a.sighting);
  }
  return out;
}
