// What the vulnerabilities view shows, as plain lines that fit a width:
// the window of table rows around the cursor (only those are formatted, so
// thousands of groups cost nothing to scroll), the detail of the row under
// the cursor, and the ticket preview. Every tenant string goes through
// terminalSafe here, so the view draws nothing a tenant wrote as control.
import { terminalSafe } from '../../text/terminalSafe.js';
import { exploitLabel } from '../records.js';
import type { GroupBy, VulnGroup } from '../grouping.js';
import type { Remediation } from '../remediations.js';
import type { Ticket } from '../tickets/build.js';
import { severityText } from '../view.js';
import { remediationIdsOf } from './state.js';

const safe = (s: string): string => terminalSafe(s);

/** Cuts to `width` columns with an ellipsis; pads when `pad`. */
export function fit(text: string, width: number, pad = false): string {
  if (width <= 0) return '';
  const chars = [...text];
  const cut = chars.length > width ? chars.slice(0, Math.max(0, width - 1)).join('') + '…' : text;
  return pad ? cut.padEnd(width) : cut;
}

/** The first row of a window of `rows` that keeps `cursor` in view, centred where it can be. */
export function windowStart(cursor: number, count: number, rows: number): number {
  if (count <= rows) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(rows / 2), count - rows));
}

interface Col {
  header: string;
  width: number;
  cell(g: VulnGroup): string;
}

const kev = (k: boolean | undefined): string => (k === undefined ? '-' : k ? 'yes' : 'no');

const CVE_COLS: readonly Col[] = [
  { header: 'CVE', width: 16, cell: (g) => (g.kind === 'cve' ? g.cveId : '') },
  { header: 'SEVERITY', width: 14, cell: (g) => (g.kind === 'cve' ? severityText(g) : '') },
  { header: 'EXPLOIT', width: 18, cell: (g) => (g.kind === 'cve' ? exploitLabel(g.exploitStatus) : '') },
  { header: 'KEV', width: 4, cell: (g) => (g.kind === 'cve' ? kev(g.kev) : '') },
  { header: 'HOSTS', width: 6, cell: (g) => (g.kind === 'cve' ? String(g.hosts.length) : '') },
  { header: 'FIRST SEEN', width: 11, cell: (g) => (g.kind === 'cve' ? g.firstSeen.slice(0, 10) : '') },
];

const HOST_COLS: readonly Col[] = [
  { header: 'HOSTNAME', width: 18, cell: (g) => (g.kind === 'host' ? g.hostname || '-' : '') },
  { header: 'PLATFORM', width: 9, cell: (g) => (g.kind === 'host' ? g.platform : '') },
  { header: 'VULNS', width: 6, cell: (g) => (g.kind === 'host' ? String(g.vulns.length) : '') },
  { header: 'HIGHEST', width: 9, cell: (g) => (g.kind === 'host' ? g.highestSeverity : '') },
  { header: 'EXPLOIT', width: 18, cell: (g) => (g.kind === 'host' ? exploitLabel(g.highestExploit) : '') },
  { header: 'KEV', width: 4, cell: (g) => (g.kind === 'host' ? String(g.kevCount) : '') },
  { header: 'DEVICE ID', width: 33, cell: (g) => (g.kind === 'host' ? g.aid : '') },
];

/** Columns that fit `width` (the first always does; later ones drop when there is no room). */
function columnsFor(by: GroupBy, width: number): Col[] {
  const all = by === 'cve' ? CVE_COLS : HOST_COLS;
  const out: Col[] = [];
  let used = 0;
  for (const c of all) {
    if (out.length && used + c.width > width) break;
    out.push(c);
    used += c.width;
  }
  return out;
}

function line(cols: readonly Col[], cells: readonly string[], width: number): string {
  return fit(cols.map((c, i) => fit(cells[i] ?? '', c.width - 1, true)).join(' '), width).trimEnd();
}

export function headerLine(by: GroupBy, width: number): string {
  const cols = columnsFor(by, width);
  return line(cols, cols.map((c) => c.header), width);
}

export function rowLine(g: VulnGroup, by: GroupBy, width: number): string {
  const cols = columnsFor(by, width);
  return line(cols, cols.map((c) => safe(c.cell(g))), width);
}

function remediationLines(ids: readonly string[], rems: Readonly<Record<string, Remediation>>, unknown: Readonly<Record<string, true>>, width: number, max: number): string[] {
  if (!ids.length) return ['Remediation: none listed'];
  const known = ids.flatMap((id) => rems[id] ?? []);
  const waiting = ids.filter((id) => !rems[id] && !unknown[id]).length;
  const out: string[] = [];
  for (const r of known) {
    out.push(fit(`Fix: ${safe(r.title)}${r.reference ? ` (${safe(r.reference)})` : ''}`, width));
    if (r.action && r.action !== r.title) out.push(fit(`  ${safe(r.action)}`, width));
    for (const l of r.links) out.push(fit(`  ${safe(l)}`, width));
  }
  if (waiting) out.push('Remediation: fetching…');
  else if (!known.length) out.push('Remediation: the API has no detail for it');
  return out.slice(0, max);
}

/** The detail pane for the group under the cursor, in at most `max` lines. */
export function detailLines(g: VulnGroup, rems: Readonly<Record<string, Remediation>>, unknown: Readonly<Record<string, true>>, width: number, max: number): string[] {
  const head: string[] = [];
  if (g.kind === 'cve') {
    head.push(fit(`${g.cveId}  ${severityText(g)}  exploit: ${exploitLabel(g.exploitStatus)}  KEV: ${kev(g.kev)}${g.kevDueDate ? `, due ${safe(g.kevDueDate).slice(0, 10)}` : ''}`, width));
    if (g.description) head.push(fit(safe(g.description), width));
    const names = g.hosts.slice(0, 6).map((h) => safe(h.hostname || h.aid));
    head.push(fit(`${g.hosts.length} host${g.hosts.length === 1 ? '' : 's'}: ${names.join(', ')}${g.hosts.length > names.length ? ', …' : ''}`, width));
  } else {
    head.push(fit(`${safe(g.hostname || '-')}  ${safe(g.aid)}  ${safe(g.platform)}${g.groups.length ? `  groups: ${g.groups.map(safe).join(', ')}` : ''}`, width));
    const cves = g.vulns.slice(0, 5).map((v) => `${v.cveId} ${v.severity}`);
    head.push(fit(`${g.vulns.length} vulnerabilit${g.vulns.length === 1 ? 'y' : 'ies'}: ${cves.join(', ')}${g.vulns.length > cves.length ? ', …' : ''}`, width));
  }
  const room = Math.max(1, max - head.length);
  return [...head, ...remediationLines(remediationIdsOf(g), rems, unknown, width, room)].slice(0, max);
}

/** One line wrapped at spaces to `width` (a word longer than that is cut into pieces); continuation lines indented by `indent`. */
export function wrapLine(text: string, width: number, indent = ''): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  let rest = text;
  let lead = '';
  while ([...lead + rest].length > w) {
    const chars = [...lead + rest];
    const room = chars.slice(0, w).join('');
    const space = room.lastIndexOf(' ');
    const cut = space > lead.length ? space : w;
    out.push(chars.slice(0, cut).join('').trimEnd());
    rest = chars.slice(cut).join('').trimStart();
    lead = indent.length < w ? indent : '';
  }
  out.push(lead + rest);
  return out;
}

/** The ticket preview: title, fields, then the Markdown body, wrapped to `width`. */
export function ticketLines(t: Ticket, width: number): string[] {
  const f = t.fields;
  const head = [
    `Title: ${safe(t.title)}`,
    `Priority ${f.priority} · due ${f.due_date || '-'} · severity ${f.severity}${f.base_score === null ? '' : ` ${f.base_score}`} · exploit ${f.exploit || '-'} · KEV ${f.cisa_kev === null ? '-' : f.cisa_kev ? 'yes' : 'no'} · count ${f.count}`,
    `Labels: ${f.labels.map(safe).join(', ')}`,
    `Remediation: ${safe(f.remediation) || '-'}`,
  ];
  const out = head.flatMap((l) => wrapLine(l, width, '  '));
  out.push('─'.repeat(Math.max(1, Math.min(width, 40))));
  for (const l of terminalSafe(t.body, { multiline: true }).split('\n')) out.push(...wrapLine(l.replace(/\t/g, '  '), width, '  '));
  return out;
}
