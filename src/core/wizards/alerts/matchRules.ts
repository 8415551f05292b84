// Which alerts each triage rule matches, and why, as a plan the user reviews
// (and may drop rows from) before anything is closed. An alert matched by
// several rules belongs to the first, so each is changed once and the audit
// line of exactly one rule names it.
import type { ApiCaller } from '../../http/types.js';
import { severityBand, type AlertRecord } from './alertRecord.js';
import type { Enricher, HostContext } from './enrich.js';
import { listAlerts } from './listAlerts.js';
import type { TriageRule } from './rules.js';
import type { AlertChange } from './update.js';
import { age } from '../textTable.js';
import { compareStrings } from '../../text/compareStrings.js';

export interface PlanRow {
  alert: AlertRecord;
  /** why it matched, one phrase per condition */
  reasons: string[];
  /** false when the user dropped the row */
  keep: boolean;
}

export interface PlanGroup {
  /** the rule's name; undefined for a one-off update */
  rule?: string;
  change: AlertChange;
  rows: PlanRow[];
}

/** Candidates per rule: at most this many are considered (the combined call pages through them). */
const CANDIDATES_PER_RULE = 100_000;

const lower = (s: string): string => s.toLowerCase();

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

/** The change a rule makes: close, with its comment and tag. */
export function ruleChange(rule: TriageRule): AlertChange {
  return { status: 'closed', comment: rule.close.comment, tags: [rule.close.tag] };
}

/** FQL that narrows the candidates on the server (status, severity, age); every condition is checked again locally. */
export function ruleFilter(rule: TriageRule, now: number): string {
  const w = rule.when;
  const parts = [`status:[${w.statuses.map((s) => `'${s}'`).join(',')}]`];
  if (w.severityAtMost) parts.push(`severity:<=${w.severityAtMost.score}`);
  if (w.olderThan) parts.push(`created_timestamp:<='${new Date(now - w.olderThan.ms).toISOString().replace(/\.\d+Z$/, 'Z')}'`);
  if (w.sha256s) parts.push(`sha256:[${w.sha256s.map((s) => `'${s}'`).join(',')}]`);
  return parts.join('+');
}

/** The reasons `alert` matches `rule`, or undefined when a condition fails. */
export function matchRule(rule: TriageRule, alert: AlertRecord, host: HostContext | undefined, now: number): string[] | undefined {
  const w = rule.when;
  const reasons: string[] = [];
  if (!w.statuses.includes(alert.status as (typeof w.statuses)[number])) return undefined;
  reasons.push(`status ${alert.status}`);
  if (w.severityAtMost) {
    if (!(alert.severity <= w.severityAtMost.score)) return undefined;
    reasons.push(`severity ${alert.severity} (${severityBand(alert.severity)}) at or below ${w.severityAtMost.label}`);
  }
  if (w.tactics) {
    const hit = w.tactics.find((t) => lower(t) === lower(alert.tactic) || lower(t) === lower(alert.tacticId));
    if (!hit) return undefined;
    reasons.push(`tactic ${alert.tactic}`);
  }
  if (w.techniques) {
    const hit = w.techniques.find((t) => lower(t) === lower(alert.technique) || lower(t) === lower(alert.techniqueId));
    if (!hit) return undefined;
    reasons.push(`technique ${alert.techniqueId} ${alert.technique}`);
  }
  if (w.hostGroups) {
    const groups = host?.groups ?? [];
    const hit = groups.find((g) => w.hostGroups?.some((want) => lower(want) === lower(g.name) || lower(want) === lower(g.id)));
    if (!hit) return undefined;
    reasons.push(`host group ${hit.name}`);
  }
  if (w.fileNames) {
    if (!w.fileNames.some((p) => globMatch(p, alert.fileName))) return undefined;
    reasons.push(`file ${alert.fileName}`);
  }
  if (w.sha256s) {
    if (!w.sha256s.includes(alert.sha256)) return undefined;
    reasons.push(`sha256 ${alert.sha256.slice(0, 12)}…`);
  }
  if (w.olderThan) {
    const created = Date.parse(alert.created);
    if (!(now - created > w.olderThan.ms)) return undefined;
    reasons.push(`created ${age(alert.created, now)} (older than ${w.olderThan.label})`);
  }
  return reasons;
}

/** Matches rules against alerts already fetched; first rule wins. */
export function buildRulePlan(rules: readonly TriageRule[], alerts: readonly AlertRecord[], hosts: ReadonlyMap<string, HostContext | undefined>, now: number): PlanGroup[] {
  const taken = new Set<string>();
  return rules.map((rule): PlanGroup => {
    const rows: PlanRow[] = [];
    for (const alert of alerts) {
      if (taken.has(alert.compositeId)) continue;
      const reasons = matchRule(rule, alert, hosts.get(alert.deviceId), now);
      if (!reasons) continue;
      taken.add(alert.compositeId);
      rows.push({ alert, reasons, keep: true });
    }
    return { rule: rule.name, change: ruleChange(rule), rows };
  });
}

/** Fetches each rule's candidates (oldest first), the hosts' groups when a rule needs them, and builds the plan. */
export async function planRules(caller: ApiCaller, rules: readonly TriageRule[], enricher: Enricher, now: number, signal?: AbortSignal): Promise<PlanGroup[]> {
  const byId = new Map<string, AlertRecord>();
  for (const rule of rules) {
    const { alerts } = await listAlerts(caller, { filter: ruleFilter(rule, now), limit: CANDIDATES_PER_RULE, sort: 'created_timestamp|asc', signal });
    for (const a of alerts) byId.set(a.compositeId, a);
  }
  const alerts = [...byId.values()].sort((a, b) => compareStrings(a.created, b.created) || compareStrings(a.compositeId, b.compositeId));
  const needHosts = rules.some((r) => r.when.hostGroups);
  const hosts = needHosts ? await enricher.hostContexts(alerts) : new Map<string, HostContext | undefined>();
  return buildRulePlan(rules, alerts, hosts, now);
}
