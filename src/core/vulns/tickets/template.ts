// The webhook's JSON template: any JSON, whose strings may hold {{name}}
// placeholders. The template is parsed first and filled value by value, so
// every value is JSON-escaped by construction (a description with quotes or
// newlines cannot break out of its string). A string that is exactly one
// placeholder takes the value's own type (a number, a list of labels, an
// object); inside other text a value is written as text.
import { UserError } from '../../errors.js';
import { toJiraWiki, toPlainText } from './document.js';
import { jiraPriority, type PlannedTicket } from './formats.js';

export const TEMPLATE_VARIABLES = [
  'title', 'body', 'body_jira', 'body_text', 'key', 'digest', 'action', 'ticket_id', 'group_by', 'cve', 'hostname', 'device_id',
  'severity', 'base_score', 'exploit_status', 'exploit', 'cisa_kev', 'priority', 'jira_priority', 'due_date', 'count', 'remediation', 'labels', 'fields',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

function placeholders(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') for (const m of value.matchAll(PLACEHOLDER)) out.add(m[1] as string);
  else if (Array.isArray(value)) for (const v of value) placeholders(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) placeholders(v, out);
}

/** The template in `text`, checked: valid JSON, and only known placeholders (one sentence naming the others). */
export function parseTemplate(text: string, source: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`The webhook template ${source} is not valid JSON (${(e as Error).message}); placeholders go inside strings, as "{{title}}".`);
  }
  const used = new Set<string>();
  placeholders(value, used);
  const unknown = [...used].filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n));
  if (unknown.length) {
    throw new UserError(`The webhook template ${source} uses unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')}; known: ${TEMPLATE_VARIABLES.join(', ')}.`);
  }
  if (!used.size) throw new UserError(`The webhook template ${source} has no placeholder: put {{title}} and {{body}} where the ticket's summary and description go.`);
  return value;
}

export function templateVariables(p: PlannedTicket): Record<TemplateVariable, unknown> {
  const t = p.ticket;
  const f = t.fields;
  return {
    title: t.title,
    body: t.body,
    body_jira: toJiraWiki(t.document),
    body_text: toPlainText(t.document),
    key: t.key,
    digest: t.digest,
    action: p.action,
    ticket_id: p.previousId ?? '',
    group_by: f.group_by,
    cve: f.cve,
    hostname: f.hostname,
    device_id: f.device_id,
    severity: f.severity,
    base_score: f.base_score,
    exploit_status: f.exploit_status,
    exploit: f.exploit,
    cisa_kev: f.cisa_kev,
    priority: f.priority,
    jira_priority: jiraPriority(f.priority),
    due_date: f.due_date,
    count: f.count,
    remediation: f.remediation,
    labels: f.labels,
    fields: f,
  };
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asText).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The template filled with a ticket's values. */
export function renderTemplate(template: unknown, vars: Readonly<Record<string, unknown>>): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return vars[whole[1] as string] ?? null;
    return template.replace(PLACEHOLDER, (_, name: string) => asText(vars[name]));
  }
  if (Array.isArray(template)) return template.map((v) => renderTemplate(v, vars));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderTemplate(v, vars)]));
  }
  return template;
}

/** A URL with {{ticket_id}}, {{key}} and the like filled in, each value URL-encoded. */
export function renderUrl(url: string, vars: Readonly<Record<string, unknown>>): string {
  return url.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(asText(vars[name])));
}
