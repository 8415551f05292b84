// Runs `talon alerts update` and `talon alerts triage`: builds the plan
// (named alerts, a filter, or a rule file's matches), prints it for review,
// asks for the typed count (or --yes), sends the change in batches with a
// write-ahead audit, and prints what changed. Exit 0 only when every alert
// of the plan was changed.
import { readFileSync } from 'node:fs';
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { ask } from './confirm.js';
import { integerFlag } from './integerFlag.js';
import { ExitCode, UserError } from '../core/errors.js';
import { fileError } from '../core/fileError.js';
import { auditLogPath } from '../core/audit/auditLog.js';
import type { Connection } from '../core/connection.js';
import { errorFromFailure } from '../core/wizards/stepFailure.js';
import { Enricher } from '../core/wizards/alerts/enrich.js';
import { planRows, triageStateForPlan } from '../core/wizards/alerts/machine.js';
import { runTriage, type TriageIo } from '../core/wizards/alerts/runTriage.js';
import { isEmptyChange, UPDATE_PATH, type AlertChange } from '../core/wizards/alerts/update.js';
import { NotSentError } from '../core/request/notSent.js';
import { planText, resultsOk, resultsText } from '../core/wizards/alerts/format.js';
import { safe, safeJson } from '../core/wizards/alerts/safeText.js';
import type { AlertStatus } from '../core/wizards/alerts/alertRecord.js';
import type { PlanRequest, TriageState } from '../core/wizards/alerts/types.js';

export interface AlertUpdateFlags extends ConnectionFlags {
  filter?: string;
  limit?: string;
  status?: AlertStatus;
  assign?: string;
  unassign?: boolean;
  tag: string[];
  comment?: string;
  contain?: boolean;
  yes?: boolean;
  json?: boolean;
}

export interface AlertTriageFlags extends ConnectionFlags {
  rules: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
}

const interactive = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);
const say = (line: string): void => void process.stderr.write(`talon: ${line}\n`);
const pretty = (): boolean => Boolean(process.stdout.isTTY);
const width = (): number => (process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : 80);

/** Asks the door in advance, so a profile that refuses the update says so before anything is fetched. */
async function refuseEarly(conn: Connection): Promise<void> {
  const plan = await conn.client.plan?.({ method: 'PATCH', path: UPDATE_PATH, body: { json: { composite_ids: [], action_parameters: [] } } });
  if (plan?.action === 'refuse') throw new NotSentError(plan.reason, 'refused');
}

/** Runs the plan to the end: review on stdout (stderr with --json), typed count or --yes, progress on stderr. */
async function runPlan(conn: Connection, request: PlanRequest, flags: { yes?: boolean; json?: boolean }, verb: string, stopAtReview = false): Promise<TriageState> {
  const out = flags.json ? process.stderr : process.stdout;
  const io: TriageIo = {
    review(state) {
      out.write(planText(state.plan ?? [], width()));
      return true;
    },
    async confirm(prompt) {
      if (flags.yes) return prompt.expected;
      if (!interactive()) throw new UserError(`${verb[0]?.toUpperCase()}${verb.slice(1)} ${prompt.count} alert${prompt.count === 1 ? '' : 's'} changes the tenant and needs confirmation: pass --yes to send it from a script.`);
      return ask(`${prompt.hint} `);
    },
    onChange(state, event) {
      applying = state.step === 'applying';
      if (event.type === 'progress') say(`sent ${event.sent} of ${event.total} alert${event.total === 1 ? '' : 's'}.`);
    },
  };
  let applying = false;
  // Ctrl+C while sending stops after the batch in flight, records it, and reports what was sent.
  const abort = new AbortController();
  const onSigint = (): void => {
    if (applying && !abort.signal.aborted) abort.abort();
    else process.exit(130);
  };
  process.on('SIGINT', onSigint);
  try {
    const { profile, clientId, memberCid } = conn.credentials;
    const context = { profile: profile ?? null, clientId, memberCid, get baseUrl() { return conn.session.baseUrl; } };
    const deps = { caller: conn.client, enricher: new Enricher(conn.client), audit: { path: auditLogPath(process.env), context } };
    const final = await runTriage(triageStateForPlan(request), deps, io, { signal: abort.signal, stopAtReview });
    if (final.step === 'error' && final.failure) throw errorFromFailure(final.failure);
    if (final.auditError) say(final.auditError);
    return final;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function report(final: TriageState, json: boolean | undefined): number {
  const ok = resultsOk(final.results) && !final.auditError;
  if (json) process.stdout.write(safeJson({ ok, results: final.results }, pretty()) + '\n');
  else if (final.results.length) process.stdout.write(`\n${resultsText(final.results)}`);
  else process.stdout.write('Nothing to change.\n');
  return ok ? ExitCode.ok : ExitCode.apiError;
}

function changeOf(flags: AlertUpdateFlags): AlertChange {
  const change: AlertChange = {};
  if (flags.status) change.status = flags.status;
  if (flags.assign !== undefined) change.assign = flags.assign.trim();
  if (flags.unassign) change.unassign = true;
  if (flags.tag.length) change.tags = flags.tag;
  if (flags.comment !== undefined) change.comment = flags.comment;
  if (flags.assign !== undefined && !change.assign) throw new UserError('--assign needs a user id or name.');
  if (flags.comment !== undefined && !flags.comment.trim()) throw new UserError('--comment needs some text.');
  if (change.assign && change.unassign) throw new UserError('Give --assign or --unassign, not both.');
  return change;
}

export async function runAlertUpdate(ids: string[], flags: AlertUpdateFlags): Promise<number> {
  const change = changeOf(flags);
  if (isEmptyChange(change) && !flags.contain) throw new UserError('Say what to change: --status, --assign, --unassign, --tag or --comment (or --contain to hand the hosts to talon contain).');
  if (ids.length && flags.filter !== undefined) throw new UserError('Give alert ids or --filter, not both.');
  if (!ids.length && flags.filter === undefined) throw new UserError('Give the composite ids of the alerts to change, or --filter FQL (talon alerts --ids lists ids).');
  const limit = flags.limit === undefined ? 1000 : integerFlag('--limit', flags.limit, 1);
  const conn = openCliConnection(flags);
  let code: number = ExitCode.ok;
  let deviceIds: string[] = [];
  try {
    const request: PlanRequest = { kind: 'update', change, ...(flags.filter !== undefined ? { filter: flags.filter, limit } : { ids: [...new Set(ids)] }) };
    if (!isEmptyChange(change)) {
      await refuseEarly(conn);
      const final = await runPlan(conn, request, flags, 'changing');
      code = report(final, flags.json);
      deviceIds = planRows(final.plan).filter((r) => r.row.keep).map((r) => r.row.alert.deviceId);
    } else {
      // Only the hand-off: find the alerts' hosts without changing anything.
      const final = await runPlan(conn, request, { json: true }, 'changing', true);
      deviceIds = planRows(final.plan).map((r) => r.row.alert.deviceId);
    }
  } finally {
    await conn.close();
  }
  if (flags.contain) {
    const hosts = [...new Set(deviceIds.filter(Boolean))];
    if (!hosts.length) throw new UserError('None of the alerts names a host to contain.');
    say(`handing ${hosts.length} host${hosts.length === 1 ? '' : 's'} to talon contain ${hosts.map(safe).join(' ')}`);
    const { runContain } = await import('./runContain.js');
    const contained = await runContain(hosts, { ...flags, json: flags.json, yes: flags.yes, httpTimeout: flags.timeout, timeout: undefined });
    return code || contained;
  }
  return code;
}

function readRuleFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw fileError(e, `the rule file '${file}'`, 'read');
  }
}

export async function runAlertTriage(flags: AlertTriageFlags): Promise<number> {
  // The YAML parser and the schema load only for a rule file.
  const { parseRules, RuleFileError } = await import('../core/wizards/alerts/rules.js');
  let rules;
  try {
    rules = parseRules(readRuleFile(flags.rules));
  } catch (e) {
    if (!(e instanceof RuleFileError)) throw e;
    const n = e.problems.length;
    throw new UserError(`The rule file '${flags.rules}' has ${n} mistake${n === 1 ? '' : 's'}; nothing was changed:`, ExitCode.usage, e.problems.map(safe));
  }
  const conn = openCliConnection(flags);
  try {
    if (!flags.dryRun) await refuseEarly(conn);
    const final = await runPlan(conn, { kind: 'rules', rules }, flags, 'closing', flags.dryRun);
    const matched = planRows(final.plan).length;
    if (flags.dryRun) {
      if (flags.json) process.stdout.write(safeJson({ plan: final.plan ?? [] }, pretty()) + '\n');
      else process.stdout.write(matched ? `Dry run: ${matched} alert${matched === 1 ? '' : 's'} would be closed; run without --dry-run to close them.\n` : 'Dry run: no rule matches an open alert.\n');
      return ExitCode.ok;
    }
    if (!matched) {
      if (flags.json) process.stdout.write(safeJson({ ok: true, results: [] }, pretty()) + '\n');
      else process.stdout.write('No rule matches an open alert; nothing to close.\n');
      return ExitCode.ok;
    }
    return report(final, flags.json);
  } finally {
    await conn.close();
  }
}
