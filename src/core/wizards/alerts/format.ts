// The alerts workflow as text for the command line: the alert table, an
// alert's detail, the plan to review, and the results. Every API string goes
// through safe() (fitTable does it for table cells).
import { age, shortTime } from '../textTable.js';
import type { AlertRecord } from './alertRecord.js';
import type { AlertDetail } from './enrich.js';
import { fitTable, type FitColumn } from './fitTable.js';
import type { PlanGroup } from './matchRules.js';
import { safe } from './safeText.js';
import { csvLine } from '../../text/csvCell.js';
import type { GroupResult } from './types.js';
import { describeChange } from './update.js';

const SEVERITY_SHORT: Record<string, string> = { informational: 'Info', low: 'Low', medium: 'Med', high: 'High', critical: 'Crit' };

/** "05-01 08:09" */
function compactTime(iso: string): string {
  const m = /^\d{4}-(\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

const fileOrCommand = (a: AlertRecord): string => a.fileName || a.commandLine;

export const ALERT_COLUMNS: FitColumn<AlertRecord>[] = [
  { header: 'TIME', value: (a) => compactTime(a.created) },
  { header: 'SEV', value: (a) => `${SEVERITY_SHORT[a.severityName.toLowerCase()] ?? a.severityName} ${a.severity}` },
  { header: 'STATUS', value: (a) => a.status },
  // The technique id first, then the tactic: the id survives when the tactic's name is cut.
  { header: 'TECHNIQUE', value: (a) => `${a.techniqueId} ${a.tactic}`, min: 9 },
  { header: 'HOST', value: (a) => a.hostname || a.deviceId, min: 10 },
  { header: 'USER', value: (a) => a.userName, min: 7 },
  { header: 'FILE/CMD', value: fileOrCommand, min: 10 },
  { header: 'ASSIGNEE', value: (a) => a.assignedName || '-', min: 8 },
];

export function alertTable(alerts: readonly AlertRecord[], width = 80): string {
  return fitTable(ALERT_COLUMNS, alerts, width);
}

/** "Showing 100 of 2,345 alerts (newest first)." */
export function countLine(shown: number, total: number, what = 'alerts'): string {
  if (!total) return `No ${what} match.`;
  if (shown >= total) return `${total.toLocaleString('en-US')} ${what} (newest first).`;
  return `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${what} (newest first); raise --limit to see more.`;
}

function kv(rows: [string, string][]): string[] {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`);
}

export function detailText(d: AlertDetail, now: number): string {
  const a = d.alert;
  const out: string[] = [`${safe(a.displayName)}`, `  ${safe(a.compositeId)}`, ''];
  out.push(
    ...kv([
      ['severity', `${safe(a.severityName)} (${a.severity})`],
      ['status', safe(a.status)],
      ['created', `${shortTime(a.created)} (${age(a.created, now)})`],
      ['assigned to', safe(a.assignedName || a.assignedUid) || '-'],
      ['tags', a.tags.map(safe).join(', ') || '-'],
      ['tactic', `${safe(a.tactic)} (${safe(a.tacticId)})`],
      ['technique', `${safe(a.technique)} (${safe(a.techniqueId)})`],
    ]),
  );
  if (a.description) out.push('', `  ${safe(a.description)}`);
  out.push('', 'Host');
  if (d.host) {
    const h = d.host.record;
    out.push(
      ...kv([
        ['hostname', safe(h.hostname) || '-'],
        ['device id', safe(h.deviceId)],
        ['platform', `${safe(h.platform)}, ${safe(h.osVersion)}`],
        ['last seen', `${shortTime(h.lastSeen)} (${age(h.lastSeen, now)})`],
        ['containment', safe(h.status)],
        ['host groups', d.host.groups.map((g) => safe(g.name)).join(', ') || '-'],
      ]),
    );
  } else out.push(`  ${safe(a.hostname || a.deviceId)}: no details (the API does not know this host)`);
  out.push('', 'Process');
  const proc: [string, string][] = [['file', safe(a.filePath || a.fileName) || '-'], ['command line', safe(a.commandLine) || '-'], ['user', safe(a.userName) || '-']];
  if (a.parent) proc.push(['parent', safe(a.parent.filePath || a.parent.fileName)], ['parent command', safe(a.parent.commandLine) || '-']);
  out.push(...kv(proc));
  out.push('', 'File');
  const seen = d.hashDeviceCount === undefined ? 'unknown' : `seen on ${d.hashDeviceCount} host${d.hashDeviceCount === 1 ? '' : 's'}`;
  out.push(...kv([['sha256', a.sha256 ? `${safe(a.sha256)} (${seen})` : '-']]));
  out.push('', `Related alerts on this host in the last 24 h: ${d.related.length}`);
  if (d.related.length) out.push(...fitTable(ALERT_COLUMNS.filter((c) => c.header !== 'HOST' && c.header !== 'USER'), d.related, 78).trimEnd().split('\n').map((l) => `  ${l}`));
  if (a.comments.length) {
    out.push('', 'Comments');
    for (const c of a.comments) out.push(`  ${shortTime(c.timestamp)}  ${safe(c.author ?? '')}${c.author ? ': ' : ''}${safe(c.value)}`);
  }
  for (const p of d.problems) out.push('', `Note: ${safe(p)}`);
  return out.join('\n') + '\n';
}

const PLAN_COLUMNS: FitColumn<AlertRecord>[] = ALERT_COLUMNS.filter((c) => ['TIME', 'SEV', 'STATUS', 'TECHNIQUE', 'HOST', 'FILE/CMD'].includes(c.header));

/** The plan as the user reviews it: per rule, the alerts it matches and why. */
export function planText(plan: readonly PlanGroup[], width = 80): string {
  const out: string[] = [];
  for (const g of plan) {
    const kept = g.rows.filter((r) => r.keep);
    const head = g.rule !== undefined ? `Rule '${safe(g.rule)}': ${kept.length} alert${kept.length === 1 ? '' : 's'}` : `${kept.length} alert${kept.length === 1 ? '' : 's'}`;
    out.push(`${head} → ${safe(describeChange(g.change))}`);
    if (!g.rows.length) {
      out.push('  (matches no alert)', '');
      continue;
    }
    const lines = fitTable(PLAN_COLUMNS, g.rows.map((r) => r.alert), width - 2).trimEnd().split('\n');
    out.push(`  ${lines[0]}`);
    g.rows.forEach((r, i) => {
      out.push(`${r.keep ? ' ' : 'x'} ${lines[i + 1]}`);
      out.push(`      id: ${safe(r.alert.compositeId)}`);
      out.push(`      why: ${r.reasons.map(safe).join('; ')}`);
    });
    out.push('');
  }
  return out.join('\n');
}

export function resultsText(results: readonly GroupResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const label = r.rule !== undefined ? `Rule '${safe(r.rule)}'` : 'Update';
    const parts = [`${r.changed.length} changed`];
    if (r.failed.length) parts.push(`${r.failed.length} failed`);
    if (r.unknown.length) parts.push(`${r.unknown.length} unknown (cut off; check them)`);
    if (r.notSent.length) parts.push(`${r.notSent.length} not sent`);
    out.push(`${label}: ${parts.join(', ')}.`);
    for (const f of r.failed) out.push(`  failed  ${safe(f.id)}: ${safe(f.message)}`);
    for (const id of r.unknown) out.push(`  unknown ${safe(id)}`);
    for (const id of r.notSent) out.push(`  not sent ${safe(id)}`);
  }
  return out.join('\n') + '\n';
}

export function resultsOk(results: readonly GroupResult[]): boolean {
  return results.every((r) => !r.failed.length && !r.unknown.length && !r.notSent.length);
}

const CSV_HEADER = ['composite_id', 'created_timestamp', 'severity', 'severity_name', 'status', 'tactic', 'technique_id', 'technique', 'hostname', 'device_id', 'user_name', 'filename', 'cmdline', 'sha256', 'assigned_to_name', 'tags'];

/** RFC 4180, each cell terminal-safe and guarded against formula injection. */
export function alertsCsv(alerts: readonly AlertRecord[]): string {
  const rows = alerts.map((a) => [a.compositeId, a.created, String(a.severity), a.severityName, a.status, a.tactic, a.techniqueId, a.technique, a.hostname, a.deviceId, a.userName, a.fileName, a.commandLine, a.sha256, a.assignedName, a.tags.join(';')]);
  return [CSV_HEADER, ...rows].map((r) => csvLine(r.map(safe))).join('');
}
