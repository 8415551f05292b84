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

export function toJiraCsv(planned: readonly PlannedTicket[]): string {
  const labelColumns = Math.max(1, ...planned.map((p) => p.ticket.fields.labels.length));
  let out = csvLine(['Summary', 'Issue Type', 'Priority', 'Due Date', ...Array.from({ length: labelColumns }, () => 'Labels'), 'Description', 'Talon Key', 'Talon Action', 'CVE', 'Hostname', 'Device ID']);
  for (const { ticket: t, action } of planned) {
    const labels = Array.from({ length: labelColumns }, (_, i) => t.fields.labels[i] ?? '');
    out += csvLine([t.title, 'Task', JIRA_PRIORITY[t.fields.priority], t.fields.due_date, ...labels, toJiraWiki(t.document), t.key, action, t.fields.cve, t.fields.hostname, t.fields.device_id]);
  }
  return out;
}

export const SERVICENOW_COLUMNS = ['correlation_id', 'short_description', 'description', 'impact', 'urgency', 'category', 'subcategory', 'due_date', 'cmdb_ci', 'u_cve', 'u_talon_action'];

export function toServiceNowCsv(planned: readonly PlannedTicket[]): string {
  let out = csvLine(SERVICENOW_COLUMNS);
  for (const { ticket: t, action } of planned) {
    const [impact, urgency] = SN_IMPACT_URGENCY[t.fields.priority];
    out += csvLine([`talon:${t.key}`, t.title, toPlainText(t.document), impact, urgency, 'Security', 'Vulnerability', t.fields.due_date, t.fields.hostname, t.fields.cve, action]);
  }
  return out;
}

export function toTicketsJson(planned: readonly PlannedTicket[], meta: { filter: string; groupBy: string; generated: string }, pretty: boolean): string {
  const tickets = planned.map(({ ticket: t, action, previousId }) => ({ key: t.key, action, ...(previousId ? { previousId } : {}), digest: t.digest, title: t.title, body: t.body, fields: t.fields }));
  return safeJson({ ...meta, tickets }, pretty ? 2 : undefined) + '\n';
}

export function renderTickets(format: TicketFormat, planned: readonly PlannedTicket[], meta: { filter: string; groupBy: string; generated: string }, pretty = true): string {
  if (format === 'jira-csv') return toJiraCsv(planned);
  if (format === 'servicenow-csv') return toServiceNowCsv(planned);
  return toTicketsJson(planned, meta, pretty);
}

export const FORMAT_EXTENSION: Readonly<Record<TicketFormat, string>> = { 'jira-csv': 'jira.csv', 'servicenow-csv': 'servicenow.csv', json: 'json' };
