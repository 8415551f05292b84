// The containment wizard as plain text for the command line: the review
// table, the choices for a reused hostname, the per-host results and a
// one-line summary.
import { age, formatTable, hostColumns, shortTime, type Column } from '../textTable.js';
import { summarize } from './results.js';
import type { ContainAction, ContainmentState, HostOutcome, HostResult, Review, ReviewRow, TargetResolution } from './types.js';
import { terminalSafe } from '../../text/terminalSafe.js';

/**
 * The review as a table. `wide` (the command line) lists the host columns
 * first; `screen` (the shell) puts what happens and the current status right
 * after the hostname, so they stay visible when a narrow terminal cuts lines.
 */
export function reviewTable(review: Review, layout: 'wide' | 'screen' = 'wide'): string {
  const plan: Column<ReviewRow> = { header: 'PLAN', value: (r) => (r.plan === 'act' && !r.selected ? 'deselected' : r.note) };
  const host = (keys: Parameters<typeof hostColumns>[0]): Column<ReviewRow>[] => hostColumns<ReviewRow>(keys, (r) => r.host);
  const columns =
    layout === 'wide'
      ? [...host(['hostname', 'deviceId', 'platform', 'os', 'lastSeen', 'localIp', 'externalIp', 'online', 'status']), plan]
      : [...host(['hostname']), plan, ...host(['status', 'online', 'lastSeen', 'platform', 'os', 'localIp', 'externalIp', 'deviceId'])];
  return review.rows.length ? formatTable(columns, review.rows) : '';
}

/** "1) NYC-LT-3605  3f2a…  Windows  last seen 2026-05-01 08:09Z (3 h ago)" for each host of a reused hostname. */
export function choiceLines(choice: TargetResolution, now: number): string[] {
  const table = formatTable<{ n: number; host: TargetResolution['hosts'][number] }>(
    [
      { header: '#', value: (r) => String(r.n) },
      ...hostColumns<{ n: number; host: TargetResolution['hosts'][number] }>(['deviceId', 'platform', 'os', 'localIp', 'status'], (r) => r.host),
      { header: 'LAST SEEN', value: (r) => `${shortTime(r.host.lastSeen)} (${age(r.host.lastSeen, now)})` },
    ],
    choice.hosts.map((host, i) => ({ n: i + 1, host })),
  );
  return [`'${terminalSafe(choice.input)}' names ${choice.hosts.length} hosts:`, ...table.trimEnd().split('\n')];
}

const LABEL: Readonly<Record<HostOutcome, string>> = {
  reached: 'reached',
  already: 'already',
  submitted: 'sent',
  timeout: 'timed out',
  stopped: 'stopped',
  rejected: 'rejected',
  forbidden: 'forbidden',
  failed: 'failed',
  conflict: 'skipped',
  'not-found': 'not found',
};

export function resultsTable(results: readonly HostResult[]): string {
  return formatTable<HostResult>(
    [
      { header: 'HOSTNAME', value: (r) => r.hostname || (r.deviceId ? '-' : r.input) },
      { header: 'DEVICE ID', value: (r) => r.deviceId ?? '-' },
      { header: 'RESULT', value: (r) => LABEL[r.outcome] },
      { header: 'STATUS', value: (r) => r.status ?? '-' },
      { header: 'DETAIL', value: (r) => r.message },
    ],
    results,
  );
}

/** The review's problems (inputs that named no host), terminal-safe: they quote what was typed or read from a file. */
export function problemLines(review: Review): string[] {
  return review.problems.map((p) => terminalSafe(p.message));
}

/** "NYC-LT-3605              contained" for the first `max` hosts the watch follows. */
export function watchLines(state: ContainmentState, max: number): string[] {
  const names = new Map((state.review?.rows ?? []).map((r) => [r.host.deviceId, r.host.hostname]));
  return Object.entries(state.watch?.statuses ?? {})
    .slice(0, max)
    .map(([id, status]) => `${terminalSafe(names.get(id) || id).padEnd(24)} ${terminalSafe(status)}`);
}

/** "last poll failed (2): … — still watching", or undefined when no poll failed. */
export function pollErrorLine(state: ContainmentState): string | undefined {
  const w = state.watch;
  return w?.lastPollError ? `last poll failed (${w.pollErrors}): ${terminalSafe(w.lastPollError)} — still watching` : undefined;
}

/** "3 hosts: 2 contained, 1 already contained." */
export function summaryLine(action: ContainAction, results: readonly HostResult[]): string {
  const counts = summarize(results);
  const done = action === 'contain' ? 'contained' : 'lifted';
  const words: [HostOutcome, string][] = [
    ['reached', done],
    ['already', action === 'contain' ? 'already contained' : 'not contained'],
    ['submitted', 'sent (not watched)'],
    ['timeout', 'timed out'],
    ['stopped', 'still pending'],
    ['rejected', 'rejected'],
    ['forbidden', 'forbidden'],
    ['failed', 'failed'],
    ['conflict', 'skipped'],
    ['not-found', 'not found'],
  ];
  const parts = words.filter(([k]) => counts[k]).map(([k, w]) => `${counts[k]} ${w}`);
  return `${results.length} host${results.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

/** The results as talon's JSON output. */
export function resultsJson(action: ContainAction, waited: boolean, ok: boolean, results: readonly HostResult[]): object {
  return {
    action: action === 'contain' ? 'contain' : 'lift_containment',
    waited,
    ok,
    hosts: results.map((r) => ({
      input: r.input,
      deviceId: r.deviceId ?? null,
      hostname: r.hostname ?? null,
      result: r.outcome,
      status: r.status ?? null,
      message: r.message,
      traceIds: r.traceIds,
    })),
  };
}
