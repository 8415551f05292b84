// One ticket per group: a title, a body document (what, where, how bad, how
// to fix, console links) and fields, plus a digest of what makes the ticket
// different from last time (the members and the facts, never timestamps
// that move by themselves), so a re-run can tell new from changed from same.
import { createHash } from 'node:crypto';
import { exploitLabel } from '../records.js';
import type { CveGroup, HostGroup, VulnGroup } from '../grouping.js';
import type { Remediation } from '../remediations.js';
import type { ConsoleLinks } from './consoleLinks.js';
import { toMarkdown, type Block, type Inline, type TicketDocument } from './document.js';

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface TicketFields {
  group_by: 'cve' | 'host';
  cve: string;
  hostname: string;
  device_id: string;
  severity: string;
  base_score: number | null;
  exploit_status: number | null;
  exploit: string;
  cisa_kev: boolean | null;
  priority: Priority;
  /** YYYY-MM-DD: the KEV due date, or first seen plus the priority's time to fix */
  due_date: string;
  /** hosts affected (by CVE) or vulnerabilities (by host) */
  count: number;
  remediation: string;
  labels: string[];
}

export interface Ticket {
  /** the group's stable key: "cve:CVE-…" or "host:<aid>" */
  key: string;
  title: string;
  /** built when read (not kept), so tens of thousands of tickets stay small until rendered */
  readonly document: TicketDocument;
  /** Markdown, built when read */
  readonly body: string;
  fields: TicketFields;
  /** sha256 of the ticket's substance */
  digest: string;
}

export interface TicketContext {
  remediations: ReadonlyMap<string, Remediation>;
  links: ConsoleLinks;
  /** how many hosts (or CVEs) a body lists before "and N more" */
  maxRows?: number;
}

const DAYS_TO_FIX: Readonly<Record<Priority, number>> = { P1: 7, P2: 30, P3: 90, P4: 180 };
const DAY_MS = 86_400_000;
const HIGH_EXPLOIT = 60;

/** P1: on CISA KEV, or critical and easily exploited; P2: critical, or high with a known exploit; P3: high or medium. */
export function priorityOf(severity: string, exploit: number | undefined, kev: boolean | undefined): Priority {
  const e = exploit ?? 0;
  if (kev || (severity === 'CRITICAL' && e >= HIGH_EXPLOIT)) return 'P1';
  if (severity === 'CRITICAL' || (severity === 'HIGH' && e > 0)) return 'P2';
  if (severity === 'HIGH' || severity === 'MEDIUM') return 'P3';
  return 'P4';
}

function dueDate(priority: Priority, kevDue: string, firstSeen: string): string {
  if (/^\d{4}-\d\d-\d\d/.test(kevDue)) return kevDue.slice(0, 10);
  const t = Date.parse(firstSeen);
  return Number.isNaN(t) ? '' : new Date(t + DAYS_TO_FIX[priority] * DAY_MS).toISOString().slice(0, 10);
}

const label = (s: string): string => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');

function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function fixBlocks(ids: readonly string[], ctx: TicketContext): Block[] {
  const rems = ids.flatMap((id) => ctx.remediations.get(id) ?? []);
  if (!rems.length) return [{ kind: 'para', parts: ['Spotlight names no remediation for this; check the vendor advisory.'] }];
  return [
    {
      kind: 'list',
      items: rems.map((r): Inline[] => [
        { bold: r.title },
        ...(r.reference ? [` (${r.reference})`] : []),
        ...(r.action && r.action !== r.title ? [`: ${r.action}`] : []),
        ...r.links.flatMap((l): Inline[] => [' ', { link: l, text: l }]),
      ]),
    },
  ];
}

const remediationNames = (ids: readonly string[], ctx: TicketContext): string => [...new Set(ids.flatMap((id) => ctx.remediations.get(id)?.title ?? []))].join('; ');
const kevText = (kev: boolean | undefined, due: string): string => (kev === undefined ? 'not stated' : kev ? `yes${due ? `, due ${due.slice(0, 10)}` : ''}` : 'no');

function cveTicket(g: CveGroup, ctx: TicketContext): Ticket {
  const max = ctx.maxRows ?? 50;
  const priority = priorityOf(g.severity, g.exploitStatus, g.kev);
  const n = g.hosts.length;
  const title = `${g.cveId} (${g.severity}${g.exploitStatus ? `, exploit ${exploitLabel(g.exploitStatus)}` : ''}${g.kev ? ', CISA KEV' : ''}) on ${n} host${n === 1 ? '' : 's'}`;
  const rows = () => g.hosts.slice(0, max).map((h) => [h.hostname || h.aid, h.platform, h.groups.join(', '), h.products.join(', '), h.createdTimestamp.slice(0, 10), h.status]);
  const document = (): TicketDocument => [
    { kind: 'heading', text: 'What' },
    { kind: 'para', parts: [{ bold: g.cveId }, g.description ? `: ${g.description}` : ''] },
    { kind: 'heading', text: 'Where' },
    { kind: 'para', parts: [`${n} host${n === 1 ? '' : 's'} affected:`] },
    { kind: 'table', header: ['Host', 'Platform', 'Host groups', 'Found in', 'Since', 'Status'], rows: rows() },
    ...(n > max ? [{ kind: 'para', parts: [`… and ${n - max} more; the full list is in the Falcon console (link below).`] } as Block] : []),
    { kind: 'heading', text: 'How bad' },
    {
      kind: 'list',
      items: [
        [`Severity: ${g.severity}${g.baseScore === undefined ? '' : ` (CVSS ${g.baseScore.toFixed(1)})`}`],
        [`Exploit status: ${exploitLabel(g.exploitStatus)}${g.exploitStatus === undefined ? '' : ` (${g.exploitStatus})`}`],
        [`CISA KEV: ${kevText(g.kev, g.kevDueDate)}`],
        ...(g.exprtRating ? [[`ExPRT rating: ${g.exprtRating}`]] : []),
        [`Priority: ${priority}`],
      ],
    },
    { kind: 'heading', text: 'How to fix' },
    ...fixBlocks(g.remediationIds, ctx),
    { kind: 'heading', text: 'Falcon console' },
    { kind: 'list', items: [[{ link: ctx.links.cve(g.cveId), text: `${g.cveId} in Spotlight` }]] },
  ];
  const fields: TicketFields = {
    group_by: 'cve',
    cve: g.cveId,
    hostname: '',
    device_id: '',
    severity: g.severity,
    base_score: g.baseScore ?? null,
    exploit_status: g.exploitStatus ?? null,
    exploit: exploitLabel(g.exploitStatus),
    cisa_kev: g.kev ?? null,
    priority,
    due_date: dueDate(priority, g.kevDueDate, g.firstSeen),
    count: n,
    remediation: remediationNames(g.remediationIds, ctx),
    labels: ['falcon-spotlight', label(g.cveId), `severity-${label(g.severity)}`, ...(g.kev ? ['cisa-kev'] : [])],
  };
  const substance = { fields, hosts: g.hosts.map((h) => [h.aid, h.status]), remediations: [...g.remediationIds].sort() };
  return lazyTicket(g.key, title, document, fields, digestOf(substance));
}

function hostTicket(g: HostGroup, ctx: TicketContext): Ticket {
  const max = ctx.maxRows ?? 50;
  const worst = g.vulns[0];
  const priority = priorityOf(g.highestSeverity, g.highestExploit, g.kevCount > 0);
  const n = g.vulns.length;
  const name = g.hostname || g.aid;
  const title = `${name}: ${n} vulnerabilit${n === 1 ? 'y' : 'ies'}, highest ${g.highestSeverity}${g.kevCount ? `, ${g.kevCount} on CISA KEV` : ''}`;
  const rows = () => g.vulns.slice(0, max).map((v) => [v.cveId, v.severity + (v.baseScore === undefined ? '' : ` ${v.baseScore.toFixed(1)}`), exploitLabel(v.exploitStatus), v.kev ? 'yes' : 'no', v.products.join(', '), v.createdTimestamp.slice(0, 10)]);
  const remIds = [...new Set(g.vulns.flatMap((v) => v.remediationIds))];
  const document = (): TicketDocument => [
    { kind: 'heading', text: 'What' },
    { kind: 'para', parts: [`${n} vulnerabilit${n === 1 ? 'y' : 'ies'} on `, { bold: name }, ` (${g.platform}${g.groups.length ? `, host groups: ${g.groups.join(', ')}` : ''}).`] },
    { kind: 'table', header: ['CVE', 'Severity', 'Exploit', 'KEV', 'Found in', 'Since'], rows: rows() },
    ...(n > max ? [{ kind: 'para', parts: [`… and ${n - max} more; the full list is in the Falcon console (link below).`] } as Block] : []),
    { kind: 'heading', text: 'Where' },
    { kind: 'list', items: [[`Host: ${name}`], [{ code: g.aid }], [`Platform: ${g.platform}`], ...(g.assetCriticality ? [[`Asset criticality: ${g.assetCriticality}`]] : [])] },
    { kind: 'heading', text: 'How bad' },
    {
      kind: 'list',
      items: [
        [`Highest severity: ${g.highestSeverity}${worst ? ` (${worst.cveId})` : ''}`],
        [`Highest exploit status: ${exploitLabel(g.highestExploit)}`],
        [`On CISA KEV: ${g.kevCount}`],
        [`Priority: ${priority}`],
      ],
    },
    { kind: 'heading', text: 'How to fix' },
    ...fixBlocks(remIds, ctx),
    { kind: 'heading', text: 'Falcon console' },
    { kind: 'list', items: [[{ link: ctx.links.host(g.aid), text: `${name} in Host management` }], [{ link: ctx.links.hostVulns(g.aid), text: `${name}'s vulnerabilities in Spotlight` }]] },
  ];
  const firstSeen = g.vulns.map((v) => v.createdTimestamp).filter(Boolean).sort()[0] ?? '';
  const fields: TicketFields = {
    group_by: 'host',
    cve: '',
    hostname: g.hostname,
    device_id: g.aid,
    severity: g.highestSeverity,
    base_score: worst?.baseScore ?? null,
    exploit_status: g.highestExploit ?? null,
    exploit: exploitLabel(g.highestExploit),
    cisa_kev: g.kevCount > 0,
    priority,
    due_date: dueDate(priority, '', firstSeen),
    count: n,
    remediation: remediationNames(remIds, ctx),
    labels: ['falcon-spotlight', `host-${label(name)}`, `severity-${label(g.highestSeverity)}`, ...(g.kevCount ? ['cisa-kev'] : [])],
  };
  const substance = { fields, vulns: g.vulns.map((v) => [v.cveId, v.status, v.severity, v.exploitStatus ?? null, v.kev ?? null]), remediations: remIds.sort() };
  return lazyTicket(g.key, title, document, fields, digestOf(substance));
}

function lazyTicket(key: string, title: string, document: () => TicketDocument, fields: TicketFields, digest: string): Ticket {
  return {
    key,
    title,
    get document() {
      return document();
    },
    get body() {
      return toMarkdown(document());
    },
    fields,
    digest,
  };
}

export function buildTicket(g: VulnGroup, ctx: TicketContext): Ticket {
  return g.kind === 'cve' ? cveTicket(g, ctx) : hostTicket(g, ctx);
}
