// Runs `talon vulns tickets`: the search, one ticket per group, and then
// files (Jira CSV, ServiceNow CSV, JSON), standard output, or a webhook.
// With --state only new and changed groups go out, and the state is saved
// as each lands; --dry-run shows the plan and sends and writes nothing.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openCliConnection } from './cliConnection.js';
import { ExitCode, UserError } from '../core/errors.js';
import { fileError } from '../core/fileError.js';
import { findVulnerabilities } from '../core/vulns/find.js';
import type { GroupBy } from '../core/vulns/grouping.js';
import { buildTicket, type Ticket } from '../core/vulns/tickets/build.js';
import { consoleBase, consoleLinks } from '../core/vulns/tickets/consoleLinks.js';
import { FORMAT_EXTENSION, writeTickets, type TicketFormat } from '../core/vulns/tickets/formats.js';
import { emptyState, loadState, planTickets, recordSent, saveState, type TicketPlan } from '../core/vulns/tickets/state.js';
import { parseTemplate } from '../core/vulns/tickets/template.js';
import { checkWebhookUrl, WebhookSender, type WebhookTarget } from '../core/vulns/tickets/webhook.js';
import { formatTable } from '../core/wizards/textTable.js';
import { HTTP_METHODS, type HttpMethod } from '../core/http/types.js';
import { parseTimeout } from '../core/connection.js';
import { safeJson } from '../core/text/safeJson.js';
import { terminalSafe } from '../core/text/terminalSafe.js';
import { writeExact, writeText } from './terminalOutput.js';
import { endProgress, finderInput, type FinderFlags } from './finderFlags.js';

export interface VulnTicketsFlags extends FinderFlags {
  groupBy: GroupBy;
  format?: TicketFormat;
  out?: string;
  webhook?: string;
  template?: string;
  updateUrl?: string;
  updateMethod?: string;
  header?: string[];
  state?: string;
  consoleUrl?: string;
  dryRun?: boolean;
}

const HEADER = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*)$/;

function webhookTarget(flags: VulnTicketsFlags, env: NodeJS.ProcessEnv): WebhookTarget | undefined {
  const url = flags.webhook ?? (env.TALON_WEBHOOK_URL || undefined);
  if (url === undefined) {
    if (flags.template) throw new UserError('--template is for a webhook: give --webhook URL (or TALON_WEBHOOK_URL) too.');
    if (flags.updateUrl) throw new UserError('--update-url is for a webhook: give --webhook URL (or TALON_WEBHOOK_URL) too.');
    return undefined;
  }
  if (flags.out) throw new UserError('Choose one destination: --out DIR (files) or --webhook URL, not both.');
  if (!flags.template) throw new UserError('A webhook needs --template FILE: the JSON body to send, e.g. {"fields":{"summary":"{{title}}","description":"{{body}}"}}.');
  checkWebhookUrl(url, '--webhook');
  if (flags.updateUrl) checkWebhookUrl(flags.updateUrl.replace(/\{\{[^}]*\}\}/g, 'x'), '--update-url');
  const method = (flags.updateMethod ?? 'PUT').toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) throw new UserError(`--update-method must be one of ${HTTP_METHODS.join(', ')}; got '${flags.updateMethod}'.`);
  let text: string;
  try {
    text = readFileSync(flags.template, 'utf8');
  } catch (e) {
    throw fileError(e, `the template file '${flags.template}'`, 'read');
  }
  const headers: Record<string, string> = {};
  if (env.TALON_WEBHOOK_AUTH) headers.authorization = env.TALON_WEBHOOK_AUTH;
  for (const h of flags.header ?? []) {
    const m = HEADER.exec(h);
    if (!m) throw new UserError(`--header takes "Name: value"; got one without a valid name.`);
    headers[(m[1] as string).toLowerCase()] = (m[2] as string).trim();
  }
  return { createUrl: url, updateUrl: flags.updateUrl, updateMethod: method as HttpMethod, headers, template: parseTemplate(text, `'${flags.template}'`) };
}

function planTable(plan: TicketPlan): string {
  const rows = [...plan.send.map((p) => ({ action: p.action, t: p.ticket })), ...plan.unchanged.map((t) => ({ action: 'unchanged', t }))];
  return formatTable<{ action: string; t: Ticket }>(
    [
      { header: 'ACTION', value: (r) => r.action },
      { header: 'PRIORITY', value: (r) => r.t.fields.priority },
      { header: 'KEY', value: (r) => r.t.key },
      { header: 'TITLE', value: (r) => r.t.title },
    ],
    rows,
  );
}

function summary(plan: TicketPlan, by: GroupBy, done: { created: number; updated: number }, verb: string): string {
  const total = plan.send.length + plan.unchanged.length;
  let s = `${total} ticket${total === 1 ? '' : 's'} (one per ${by}): ${done.created} ${verb === 'would' ? 'to create' : 'created'}, ${done.updated} ${verb === 'would' ? 'to update' : 'updated'}, ${plan.unchanged.length} unchanged`;
  if (plan.gone.length) s += `; ${plan.gone.length} group${plan.gone.length === 1 ? '' : 's'} from earlier runs no longer match (fixed or filtered out) and ${plan.gone.length === 1 ? 'was' : 'were'} left alone`;
  return s + '.';
}

/** A new file in `dir` (never overwriting one), filled chunk by chunk. */
function writeNewFile(dir: string, name: string, fill: (write: (chunk: string) => void) => void): string {
  const path = join(dir, name);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    throw fileError(e, `the ticket file '${path}'`, 'write');
  }
  try {
    fill((chunk) => {
      writeSync(fd, chunk);
    });
  } catch (e) {
    throw fileError(e, `the ticket file '${path}'`, 'write');
  } finally {
    closeSync(fd);
  }
  return path;
}

export async function runVulnTickets(fql: string | undefined, flags: VulnTicketsFlags, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const format = flags.format ?? 'json';
  if (flags.consoleUrl) checkWebhookUrl(flags.consoleUrl, '--console-url');
  const target = webhookTarget(flags, env);
  const input = finderInput(fql, flags, flags.groupBy);
  const state = flags.state ? loadState(flags.state) : emptyState();
  const conn = openCliConnection(flags);
  let result;
  try {
    result = await findVulnerabilities(conn.client, input).finally(endProgress);
  } finally {
    await conn.close();
  }
  const links = consoleLinks(consoleBase(conn.session.baseUrl, flags.consoleUrl));
  const tickets = result.groups.map((g) => buildTicket(g, { remediations: result.remediations, links }));
  const plan = planTickets(tickets, state);
  const counts = { created: plan.send.filter((p) => p.action === 'create').length, updated: plan.send.filter((p) => p.action === 'update').length };
  const now = () => new Date().toISOString();
  const meta = { filter: result.filter, groupBy: result.by, generated: now() };

  if (flags.dryRun) {
    let out = tickets.length ? planTable(plan) : `No vulnerability matches (filter: ${result.filter}).\n`;
    out += `Dry run: ${summary(plan, result.by, counts, 'would')} Nothing was sent or written.\n`;
    writeText(process.stdout, out);
    const first = plan.send[0];
    if (target && first) {
      const sender = new WebhookSender(target);
      const req = sender.request(first);
      writeText(process.stdout, `\nThe first request (${req.method} to the ${req.method === 'POST' ? 'webhook' : 'update'} URL), for ${first.ticket.key}:\n${safeJson(req.body, 2)}\n`);
    }
    return 0;
  }

  if (target) {
    const sender = new WebhookSender(target, {
      proxy: flags.proxy,
      insecure: flags.insecure,
      timeoutMs: parseTimeout(flags.timeout),
      onRetry: (r) => process.stderr.write(`talon: the webhook ${r.status ? `answered ${r.status}` : `failed (${terminalSafe(r.cause ?? 'no answer')})`}; retrying in ${(r.waitMs / 1000).toFixed(1)} s (attempt ${r.attempt}).\n`),
      env,
    });
    let sent = 0;
    try {
      for (const p of plan.send) {
        const res = await sender.send(p);
        recordSent(state, p, now(), res.ticketId);
        if (flags.state) saveState(flags.state, state);
        sent++;
        process.stderr.write(`talon: ${p.action === 'create' ? 'created' : 'updated'} ${terminalSafe(p.ticket.key)}${res.ticketId ? ` as ${terminalSafe(res.ticketId)}` : ''}\n`);
      }
    } catch (e) {
      if (e instanceof UserError && sent) {
        throw new UserError(e.message, e.exitCode, [...e.details, `${sent} ticket${sent === 1 ? ' was' : 's were'} sent before it${flags.state ? ' and recorded in the state file; a re-run goes on from there' : ''}.`]);
      }
      throw e;
    } finally {
      await sender.close();
    }
    process.stderr.write(`talon: ${summary(plan, result.by, counts, 'did')}\n`);
    return 0;
  }

  if (flags.out) {
    if (plan.send.length) {
      const stamp = meta.generated.replace(/[:.]/g, '').slice(0, 15);
      const path = writeNewFile(flags.out, `talon-tickets-${result.by}-${stamp}.${FORMAT_EXTENSION[format]}`, (write) => writeTickets(format, plan.send, meta, write));
      process.stdout.write(`${terminalSafe(path)}\n`);
    }
  } else {
    writeTickets(format, plan.send, meta, (chunk) => writeExact(process.stdout, chunk));
  }
  for (const p of plan.send) recordSent(state, p, meta.generated);
  if (flags.state && plan.send.length) saveState(flags.state, state);
  process.stderr.write(`talon: ${summary(plan, result.by, counts, 'did')}${flags.out && !plan.send.length ? ' No file written.' : ''}\n`);
  return ExitCode.ok;
}
