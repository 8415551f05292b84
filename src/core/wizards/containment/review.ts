// The review before acting: one row per host with what will happen to it
// (hosts already contained or pending are skipped), the inputs that named no
// host, and what the user must type to confirm.
import type { HostRecord } from '../hostRecords.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import { PENDING_STATUS, TARGET_STATUS, type ConfirmPrompt, type ContainAction, type HostPlan, type Review, type ReviewRow, type TargetResolution } from './types.js';

const VERB: Readonly<Record<ContainAction, { it: string; them: (n: number) => string; done: string }>> = {
  contain: { it: 'to contain it', them: (n) => `to contain these ${n} hosts`, done: 'contained' },
  lift: { it: 'to lift its containment', them: (n) => `to lift the containment of these ${n} hosts`, done: 'lifted' },
};

/** What to do with a host in `status`, and why, for `action`. */
export function planFor(action: ContainAction, status: string): { plan: HostPlan; note: string } {
  const target = TARGET_STATUS[action];
  const pending = PENDING_STATUS[action];
  const opposite = PENDING_STATUS[action === 'contain' ? 'lift' : 'contain'];
  if (status === target) return { plan: 'already', note: action === 'contain' ? 'already contained: skipped' : 'not contained: skipped' };
  if (status === pending) return { plan: 'pending', note: `already ${pending}: not sent again` };
  if (status === opposite) {
    return { plan: 'conflict', note: action === 'contain' ? 'a lift is in progress: skipped, try again later' : 'a containment is in progress: skipped, try again later' };
  }
  return { plan: 'act', note: action === 'contain' ? 'will be contained' : 'containment will be lifted' };
}

/** Resolutions that need the user to pick: a hostname several hosts share. */
export function ambiguousResolutions(resolutions: readonly TargetResolution[]): TargetResolution[] {
  return resolutions.filter((r) => r.hosts.length > 1);
}

/**
 * Rows for every host the inputs resolved to (for an ambiguous hostname,
 * only the picked ones), each host once; inputs that found nothing become problems.
 */
export function buildReview(
  action: ContainAction,
  resolutions: readonly TargetResolution[],
  picks: Readonly<Record<string, readonly string[]>>,
  preselect?: readonly string[],
): Review {
  const rows: ReviewRow[] = [];
  const problems: Review['problems'] = [];
  const seen = new Set<string>();
  const wanted = preselect ? new Set(preselect.map((id) => id.toLowerCase())) : undefined;
  const add = (host: HostRecord, input: string): void => {
    if (seen.has(host.deviceId)) return;
    seen.add(host.deviceId);
    const { plan, note } = planFor(action, host.status);
    rows.push({ host, input, plan, note, selected: plan === 'act' && (wanted?.has(host.deviceId) ?? true) });
  };
  for (const r of resolutions) {
    if (r.hosts.length === 0) {
      problems.push(
        r.kind === 'deviceId'
          ? { input: r.input, kind: 'unknown-id', message: `No host has the device id ${r.input}.` }
          : { input: r.input, kind: 'no-match', message: `No host is named '${r.input}' (hostnames match exactly, case included).` },
      );
      continue;
    }
    const chosen = r.hosts.length > 1 ? new Set(picks[r.input] ?? []) : undefined;
    for (const host of r.hosts) if (!chosen || chosen.has(host.deviceId)) add(host, r.input);
  }
  return { rows, problems };
}

/** Rows the action will be sent to. */
export function rowsToSend(review: Review | undefined): ReviewRow[] {
  return (review?.rows ?? []).filter((r) => r.plan === 'act' && r.selected);
}

/** Rows to watch besides the ones sent: hosts already on their way. */
export function rowsAlreadyPending(review: Review | undefined): ReviewRow[] {
  return (review?.rows ?? []).filter((r) => r.plan === 'pending');
}

/** One host: type its hostname (its device id if it has none); several: type how many. */
export function confirmPromptFor(action: ContainAction, rows: readonly ReviewRow[]): ConfirmPrompt {
  const verb = VERB[action];
  if (rows.length === 1) {
    const host = (rows[0] as ReviewRow).host;
    const expected = host.hostname || host.deviceId;
    // The hint is printed (CLI prompt, shell): the hostname is the tenant's text, so it is shown terminal-safe.
    const what = host.hostname ? `the hostname ${terminalSafe(expected)}` : `the device id ${expected}`;
    return { expected, hint: `Type ${what} ${verb.it}.`, count: 1 };
  }
  return { expected: String(rows.length), hint: `Type ${rows.length} ${verb.them(rows.length)}.`, count: rows.length };
}

/** Hostnames are compared without regard to case or surrounding spaces. */
export function confirmationMatches(prompt: ConfirmPrompt, typed: string): boolean {
  return typed.trim().toLowerCase() === prompt.expected.toLowerCase();
}
