// Tickets as files: CSV that Jira's and ServiceNow's importers accept, and
// JSON. Every CSV field goes through csvLine (RFC 4180 quoting and the
// spreadsheet formula guard); JSON through safeJson.
//
// Jira (System → External system import → CSV): one row per issue; map
// Summary, Issue Type, Priority, Due Date (date format yyyy-MM-dd), Labels
// (repeated columns, one label each) and Description (wiki markup). The
// talon columns (Talon Key, Talon Action, CVE, Hostname, Device ID) can be
// mapped to custom fields or left out.
// ServiceNow (System Import Sets → Load Data, target incident): column names
// are the incident fields; coalesce on correlation_id in the transform map so
// an update row updates the incident created before.
import { csvLine } from '../../text/csvCell.js';
import { safeJson } from '../../text/safeJson.js';
import { toJiraWiki, toPlainText } from './document.js';
import type { Priority, Ticket } from './build.js';

export type TicketFormat = 'jira-csv' | 'servicenow-csv' | 'json';
export type TicketAction = 'create' | 'update';

export interface PlannedTicket {
  ticket: Ticket;
  action: TicketAction;
  /** the id the ticketing system gave it earlier (updates), when known */
  previousId?: string;
}

const JIRA_PRIORITY: Readonly<Record<Priority, string>> = { P1: 'Highest', P2: 'High', P3: 'Medium', P4: 'Low' };
/** ServiceNow computes priority from impact and urgency (1 high … 3 low): 1/1 → 1, 1/2 → 2, 2/2 → 3, 2/3 → 4. */
const SN_IMPACT_URGENCY: Readonly<Record<Priority, [string, string]>> = { P1: ['1', '1'], P2: ['1', '2'], P3: ['2', '2'], P4: ['2', '3'] };

export function jiraPriority(p: Priority): string {
  return JIRA_PRIORITY[p];
}

type Sink = (chunk: string) => void;

function writeJiraCsv(planned: readonly PlannedTicket[], write: Sink): void {
  const labelColumns = planned.reduce((n, p) => Math.max(n, p.ticket.fields.labels.length), 1);
  write(csvLine(['Summary', 'Issue Type', 'Priority', 'Due Date', ...Array.from({ length: labelColumns }, () => 'Labels'), 'Description', 'Talon Key', 'Talon Action', 'CVE', 'Hostname', 'Device ID']));
  for (const { ticket: t, action } of planned) {
    const labels = Array.from({ length: labelColumns }, (_, i) => t.fields.labels[i] ?? '');
    write(csvLine([t.title, 'Task', JIRA_PRIORITY[t.fields.priority], t.fields.due_date, ...labels, toJiraWiki(t.document), t.key, action, t.fields.cve, t.fields.hostname, t.fields.device_id]));
  }
}

export const SERVICENOW_COLUMNS = ['correlation_id', 'short_description', 'description', 'impact', 'urgency', 'category', 'subcategory', 'due_date', 'cmdb_ci', 'u_cve', 'u_talon_action'];

function writeServiceNowCsv(planned: readonly PlannedTicket[], write: Sink): void {
  write(csvLine(SERVICENOW_COLUMNS));
  for (const { ticket: t, action } of planned) {
    const [impact, urgency] = SN_IMPACT_URGENCY[t.fields.priority];
    write(csvLine([`talon:${t.key}`, t.title, toPlainText(t.document), impact, urgency, 'Security', 'Vulnerability', t.fields.due_date, t.fields.hostname, t.fields.cve, action]));
  }
}

export interface TicketsMeta {
  filter: string;
  groupBy: string;
  generated: string;
}

/** JSON written ticket by ticket, indented as JSON.stringify(…, 2) would. */
function writeTicketsJson(planned: readonly PlannedTicket[], meta: TicketsMeta, write: Sink): void {
  const head = safeJson({ ...meta, tickets: [] }, 2);
  write(`${head.slice(0, head.lastIndexOf('[]'))}[`);
  planned.forEach(({ ticket: t, action, previousId }, i) => {
    const item = safeJson({ key: t.key, action, ...(previousId ? { previousId } : {}), digest: t.digest, title: t.title, body: t.body, fields: t.fields }, 2);
    write(`${i ? ',' : ''}\n    ${item.replace(/\n/g, '\n    ')}`);
  });
  write(planned.length ? '\n  ]\n}\n' : ']\n}\n');
}

/** Renders the tickets chunk by chunk, so a large run never holds the whole file in memory. */
export function writeTickets(format: TicketFormat, planned: readonly PlannedTicket[], meta: TicketsMeta, write: Sink): void {
  if (format === 'jira-csv') writeJiraCsv(planned, write);
  else if (format === 'servicenow-csv') writeServiceNowCsv(planned, write);
  else writeTicketsJson(planned, meta, write);
}

export function renderTickets(format: TicketFormat, planned: readonly PlannedTicket[], meta: TicketsMeta): string {
  const parts: string[] = [];
  writeTickets(format, planned, meta, (c) => parts.push(c));
  return parts.join('');
}

export const FORMAT_EXTENSION: Readonly<Record<TicketFormat, string>> = { 'jira-csv': 'jira.csv', 'servicenow-csv': 'servicenow.csv', json: 'json' };
