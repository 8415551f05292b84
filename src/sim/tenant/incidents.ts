// CrowdScore incidents and their behaviors, built from the tenant's alerts:
// the alerts of one host that fall within a few hours of each other form an
// incident when one of them is Medium or worse, and each of those alerts is
// a behavior (same `ind:` id, the alert's process, command line and hash).
// CrowdScore is the tenant's hourly score from the incidents open then.
import type { Random } from '../random.js';
import type { Alert, Behavior, CrowdScore, Incident } from './records/detections.js';
import type { Host } from './records/hosts.js';
import { ANALYSTS } from './names.js';
import { DAY, HOUR, hex, iso } from './util.js';

const GAP_MS = 6 * HOUR;
const STATUS_OF: Record<Alert['status'], number> = { new: 20, reopened: 25, in_progress: 30, closed: 40 };

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function behaviorOf(a: Alert, incidentId: string): Behavior {
  return {
    behavior_id: a.id,
    aid: a.agent_id,
    cid: a.cid,
    incident_id: incidentId,
    incident_ids: [incidentId],
    alert_ids: [a.composite_id],
    alerts_details: [{ id: a.composite_id, severity: a.severity, severity_name: a.severity_name }],
    timestamp: a.timestamp,
    template_instance_id: a.pattern_id * 10 + 1,
    pattern_id: a.pattern_id,
    pattern_description: a.description,
    pattern_disposition: a.pattern_disposition,
    display_name: a.display_name,
    tactic: a.tactic,
    tactic_id: a.tactic_id,
    technique: a.technique,
    technique_id: a.technique_id,
    objective: a.objective,
    compound_tto: `${a.tactic}__${a.technique}__${a.objective}`,
    filepath: a.filepath,
    cmdline: a.cmdline,
    sha256: a.sha256,
    user_name: a.user_name,
    domain: a.device.machine_domain,
    ioc_type: 'hash_sha256',
    ioc_value: a.sha256,
    ioc_source: 'library_load',
    exclusion_type: '',
  };
}

function hostSummary(h: Host): Incident['hosts'][number] {
  return {
    device_id: h.device_id, cid: h.cid, hostname: h.hostname, platform_name: h.platform_name, platform_id: h.platform_id,
    os_version: h.os_version, agent_version: h.agent_version, local_ip: h.local_ip, external_ip: h.external_ip,
    mac_address: h.mac_address, machine_domain: h.machine_domain, site_name: h.site_name, ou: h.ou, tags: h.tags,
    groups: h.groups, product_type_desc: h.product_type_desc, first_seen: h.first_seen, last_seen: h.last_seen,
    last_login_user: h.last_login_user ?? '', modified_timestamp: h.modified_timestamp, status: h.status,
  };
}

export interface IncidentSet {
  incidents: Map<string, Incident>;
  behaviors: Map<string, Behavior>;
  crowdScores: CrowdScore[];
}

export function generateIncidents(rng: Random, alerts: Map<string, Alert>, hosts: Map<string, Host>, cid: string, anchor: number): IncidentSet {
  const byHost = new Map<string, Alert[]>();
  for (const a of alerts.values()) {
    const list = byHost.get(a.agent_id) ?? [];
    list.push(a);
    byHost.set(a.agent_id, list);
  }
  const incidents = new Map<string, Incident>();
  const behaviors = new Map<string, Behavior>();
  for (const [aid, list] of byHost) {
    const host = hosts.get(aid);
    if (!host) continue;
    list.sort((x, y) => (x.timestamp < y.timestamp ? -1 : x.timestamp > y.timestamp ? 1 : 0));
    let cluster: Alert[] = [];
    const flush = () => {
      if (cluster.length && Math.max(...cluster.map((a) => a.severity)) >= 40) addIncident(cluster, host);
      cluster = [];
    };
    for (const a of list) {
      const last = cluster[cluster.length - 1];
      if (last && Date.parse(a.timestamp) - Date.parse(last.timestamp) > GAP_MS) flush();
      cluster.push(a);
    }
    flush();
  }

  function addIncident(cluster: Alert[], host: Host): void {
    const id = `inc:${host.device_id}:${hex(rng, 32)}`;
    const times = cluster.map((a) => Date.parse(a.timestamp));
    const start = Math.min(...times);
    const end = Math.max(...times);
    const statuses = cluster.map((a) => STATUS_OF[a.status]);
    const status = statuses.every((s) => s === 40) ? 40 : statuses.includes(30) ? 30 : statuses.includes(25) ? 25 : 20;
    const top = Math.max(...cluster.map((a) => a.severity));
    const fineScore = Math.min(100, Math.round(top * 0.8 + cluster.length * 4 + rng.int(0, 6)));
    const assignee = status === 20 ? undefined : rng.pick(ANALYSTS);
    const modified = Math.max(...cluster.map((a) => Date.parse(a.updated_timestamp)));
    const hours = new Map<number, Incident['events_histogram'][number]>();
    cluster.forEach((a, i) => {
      const t = Math.floor((times[i] as number) / HOUR) * HOUR;
      const bin = hours.get(t) ?? { timestamp_min: t, timestamp_max: t + HOUR - 1, count: 0, has_detect: true, has_prevented: false, has_overwatch: false };
      bin.count++;
      if (a.pattern_disposition !== 0) bin.has_prevented = true;
      hours.set(t, bin);
    });
    const histogram = [...hours.values()].sort((x, y) => x.timestamp_min - y.timestamp_min);
    const incident: Incident = {
      incident_id: id,
      incident_type: 1,
      cid,
      host_ids: [host.device_id],
      hosts: [hostSummary(host)],
      created: iso(start),
      start: iso(start),
      end: iso(end),
      modified_timestamp: iso(Math.max(modified, end)),
      state: status === 40 ? 'closed' : 'open',
      status,
      name: `Incident on ${host.hostname} at ${iso(start)}`,
      description: `Objectives in this incident: ${unique(cluster.map((a) => a.objective)).join(', ')}. Techniques: ${unique(cluster.map((a) => a.technique)).join(', ')}. Involved hosts and end users: ${host.hostname}, ${cluster[0]?.user_name ?? ''}.`,
      fine_score: fineScore,
      tags: [],
      tactics: unique(cluster.map((a) => a.tactic)),
      techniques: unique(cluster.map((a) => a.technique)),
      objectives: unique(cluster.map((a) => a.objective)),
      users: unique(cluster.map((a) => (host.machine_domain ? `${host.machine_domain.split('.')[0]?.toUpperCase()}\\${a.user_name}` : a.user_name))),
      assigned_to: assignee ? hex(rng, 8) + '-' + hex(rng, 4) + '-4' + hex(rng, 3) + '-8' + hex(rng, 3) + '-' + hex(rng, 12) : '',
      assigned_to_name: assignee?.name ?? '',
      email_state: top >= 70 ? 'SENT' : 'NOT_SENT',
      events_histogram: histogram,
      lm_host_ids: [],
      lm_hosts_capped: false,
      lmra_host_ids: [],
      lmra_hosts_capped: false,
      lm_types: 0,
    };
    incidents.set(id, incident);
    for (const a of cluster) behaviors.set(a.id, behaviorOf(a, id));
  }

  return { incidents, behaviors, crowdScores: crowdScores(incidents, cid, anchor) };
}

/** Hourly scores over the 30 days before the anchor, from the fine scores of the incidents open then, on 0-100. */
function crowdScores(incidents: Map<string, Incident>, cid: string, anchor: number): CrowdScore[] {
  const spans = [...incidents.values()].map((i) => ({
    from: Date.parse(i.start),
    // An incident weighs on the score until a day after its last behavior, or until it was closed.
    to: i.status === 40 ? Date.parse(i.modified_timestamp) : Date.parse(i.end) + DAY,
    weight: i.fine_score,
  }));
  // A sweep over start and end events instead of every incident at every hour (big tenants have tens of thousands).
  const events = spans.flatMap((s) => [{ at: s.from, delta: s.weight }, { at: s.to, delta: -s.weight }]).sort((x, y) => x.at - y.at);
  const out: CrowdScore[] = [];
  let sum = 0;
  let next = 0;
  for (let t = anchor - 30 * DAY; t <= anchor; t += HOUR) {
    // Open at t: started at or before t and ending after t.
    while (next < events.length && (events[next] as { at: number }).at <= t) sum += (events[next++] as { delta: number }).delta;
    // Saturating: a handful of serious incidents push the score high, but only a flood reaches 100.
    const score = Math.round(100 * (1 - Math.exp(-sum / 800)));
    out.push({ id: `${cid}_${t / 1000}`, cid, timestamp: iso(t), score, adjusted_score: Math.min(100, Math.round(score * 0.9)) });
  }
  return out;
}
