// Runs `talon contain`: reads the targets, drives the containment wizard
// (review table, a typed confirmation on a terminal or --yes, batches, the
// watch) and prints per-host results. Exit 0 only when every host is in the
// asked state (without --wait: every host was accepted or already there).
import { readFileSync } from 'node:fs';
import { ask } from './confirm.js';
import type { ConnectionFlags } from './commonOptions.js';
import { parseTimeout } from '../core/connection.js';
import { fileError } from '../core/fileError.js';
import { openCliConnection } from './cliConnection.js';
import { ExitCode, UserError } from '../core/errors.js';
import { auditLogPath } from '../core/audit/auditLog.js';
import { describeSummary, interruptOpenJournals, NOT_SENT, summarize } from '../core/audit/auditJournal.js';
import { constants as osConstants } from 'node:os';
import { errorFromFailure } from '../core/wizards/stepFailure.js';
import { initialContainmentState } from '../core/wizards/containment/machine.js';
import { runContainment, type ContainmentIo } from '../core/wizards/containment/runContainment.js';
import { succeeded } from '../core/wizards/containment/results.js';
import { choiceLines, resultsJson, resultsTable, reviewTable, summaryLine } from '../core/wizards/containment/format.js';
import { TARGET_STATUS, type ContainAction, type ContainmentEvent, type ContainmentState } from '../core/wizards/containment/types.js';
import { readAll } from '../core/readAll.js';
import { safeJson } from '../core/text/safeJson.js';
import { terminalSafe } from '../core/text/terminalSafe.js';
import { writeText } from './terminalOutput.js';

export interface ContainFlags extends Omit<ConnectionFlags, 'timeout'> {
  file?: string;
  lift?: boolean;
  yes?: boolean;
  wait?: boolean;
  /** how long --wait watches, in seconds */
  timeout?: string;
  httpTimeout?: string;
  json?: boolean;
}

const DEFAULT_WATCH_S = 120;
/** Above this many hosts, the watch prints counts instead of a line per host. */
const PER_HOST_LINES = 20;


async function readTargetsFile(file: string): Promise<string> {
  if (file === '-') return readAll(process.stdin);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw fileError(e, `the targets file '${file}'`, 'read');
  }
}

const interactive = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);
// Progress quotes hostnames, statuses and API errors: shown, never obeyed.
const say = (line: string): void => void process.stderr.write(`talon: ${terminalSafe(line)}\n`);

/** "1,3" or "all" into device ids of the choice. */
function parsePick(answer: string, ids: string[]): string[] {
  const a = answer.trim().toLowerCase();
  if (!a) throw new UserError('Cancelled: nothing was sent.');
  if (a === 'all') return ids;
  return a.split(/[\s,]+/).map((n) => {
    const id = ids[Number(n) - 1];
    if (!/^\d+$/.test(n) || id === undefined) throw new UserError(`'${n}' is not one of the numbers 1 to ${ids.length}; nothing was sent.`);
    return id;
  });
}

/** Hosts the watch follows: those accepted, and those already pending. */
function watchedCount(state: ContainmentState): number {
  return state.submitted.filter((o) => o.kind === 'accepted').length + (state.review?.rows ?? []).filter((r) => r.plan === 'pending').length;
}

/** Progress on stderr: batches, the watch's status changes and failed polls. */
function progress(action: ContainAction, state: ContainmentState, event: ContainmentEvent, previous: ContainmentState): void {
  const target = TARGET_STATUS[action];
  if (event.type === 'submitProgress') say(`sent ${event.sent} of ${event.total} host${event.total === 1 ? '' : 's'}.`);
  if (event.type === 'watchStarted') say(`watching ${watchedCount(state)} host(s) until ${target}, for at most ${Math.round((event.deadline - event.at) / 1000)} s...`);
  if (event.type !== 'watchUpdate') return;
  if (event.error) say(`a status check failed, still watching: ${event.error}`);
  const changed = Object.entries(event.statuses).filter(([id, s]) => previous.watch?.statuses[id] !== s);
  if (!changed.length) return;
  const watched = watchedCount(state);
  if (watched > PER_HOST_LINES) {
    say(`${Object.keys(state.watch?.reachedAfterMs ?? {}).length} of ${watched} hosts ${target}.`);
    return;
  }
  const names = new Map((state.review?.rows ?? []).map((r) => [r.host.deviceId, r.host.hostname || r.host.deviceId]));
  for (const [id, s] of changed) say(`${names.get(id) ?? id}: ${s}`);
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Closes the record of a run cut short by a signal, says what was sent, and exits as the signal would. */
function interruptRun(signal: NodeJS.Signals): never {
  const entries = interruptOpenJournals(`interrupted by ${signal}`);
  if (!entries.length) say(`interrupted by ${signal}: nothing was sent.`);
  for (const entry of entries) {
    say(`interrupted by ${signal}: ${describeSummary(summarize(entry))}; recorded in ${auditLogPath(process.env)}.`);
    const sent = entry.hosts.filter((h) => h.result !== NOT_SENT);
    if (sent.length <= PER_HOST_LINES) for (const h of sent) say(`  ${h.hostname || h.input}  ${h.deviceId ?? '-'}  ${h.result}`);
  }
  process.exit(128 + (osConstants.signals[signal] ?? 1));
}

export async function runContain(targets: string[], flags: ContainFlags): Promise<number> {
  const action: ContainAction = flags.lift ? 'lift' : 'contain';
  const text = [...targets, flags.file !== undefined ? await readTargetsFile(flags.file) : ''].join('\n');
  const timeoutMs = parseTimeout(flags.timeout) ?? DEFAULT_WATCH_S * 1000;
  const wait = Boolean(flags.wait) || flags.timeout !== undefined;
  const initial = initialContainmentState({ action, text, options: { wait, timeoutMs, pollIntervalMs: 1000 } });
  if (initial.step === 'input' && !initial.text.trim()) throw new UserError('Give at least one hostname or device id, or --file FILE.');
  const conn = openCliConnection(flags, { value: flags.httpTimeout, flag: '--http-timeout' });
  const verb = action === 'contain' ? 'containment' : 'lifting containment';
  // A read-only profile is refused by the connection's door (before the review: see the resolve step).
  const out = flags.json ? process.stderr : process.stdout;
  let watching = false;
  const io: ContainmentIo = {
    async choose(choice) {
      const lines = choiceLines(choice, Date.now());
      if (!interactive()) throw new UserError(`'${choice.input}' names ${choice.hosts.length} hosts: give the device id of the one you mean.`, ExitCode.usage, lines.slice(1));
      writeText(process.stderr, lines.map((l) => terminalSafe(l)).join('\n') + '\n');
      return parsePick(await ask('Which? (numbers separated by commas, or all; Enter cancels) '), choice.hosts.map((h) => h.deviceId));
    },
    review(state) {
      if (state.review) writeText(out, reviewTable(state.review));
      for (const p of state.review?.problems ?? []) say(p.message);
      return true;
    },
    async confirm(prompt) {
      if (flags.yes) return prompt.expected;
      if (!interactive()) throw new UserError(`Sending ${verb} to ${prompt.count} host${prompt.count === 1 ? '' : 's'} changes the tenant and needs confirmation: pass --yes to send it from a script.`);
      return ask(`${prompt.hint} `);
    },
    onChange: (state, event, previous) => {
      watching = state.step === 'watching';
      progress(action, state, event, previous);
    },
  };
  // SIGINT, SIGTERM or SIGHUP during the watch stops watching and still reports and records what was sent;
  // elsewhere (or a second one) the run ends at once, its record closed and what was sent printed.
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (watching && !abort.signal.aborted) return void abort.abort();
    interruptRun(signal);
  };
  for (const sig of STOP_SIGNALS) process.on(sig, onSignal);
  try {
    const { profile, clientId, memberCid } = conn.credentials;
    // A getter: with cloud autodiscovery the base URL is known only after the first token.
    const context = { profile: profile ?? null, clientId, memberCid, get baseUrl() { return conn.session.baseUrl; } };
    const audit = { path: auditLogPath(process.env), context };
    const final = await runContainment(initial, { caller: conn.client, audit }, io, { signal: abort.signal });
    if (final.audit.state === 'failed') say(final.audit.message);
    // Every batch failed after being sent: the results (and the audit) still say so, host by host.
    const sentButFailed = final.step === 'error' && final.failure?.step === 'submitting' && final.results.length > 0;
    if (final.step === 'error' && final.failure && !sentButFailed) throw errorFromFailure(final.failure);
    const ok = succeeded(final.results);
    if (flags.json) process.stdout.write(safeJson(resultsJson(action, wait, ok, final.results), process.stdout.isTTY ? 2 : undefined) + '\n');
    else writeText(process.stdout, `\n${resultsTable(final.results)}${summaryLine(action, final.results)}\n`);
    if (sentButFailed && final.failure) throw errorFromFailure(final.failure);
    return ok ? ExitCode.ok : ExitCode.apiError;
  } finally {
    for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
    await conn.close();
  }
}
