// The containment wizard's data: steps, state, actions and effects. The
// reducer (machine.ts) is pure; effects (effects.ts) call the services and
// dispatch their results back, so a command line and the shell drive the
// same machine.
import type { JournalHost } from '../../audit/auditJournal.js';
import type { HostRecord } from '../hostRecords.js';
import type { StepFailure } from '../stepFailure.js';

/** What the wizard does: contain hosts, or lift their containment. */
export type ContainAction = 'contain' | 'lift';

/** `action_name` of POST /devices/entities/devices-actions/v2. */
export const API_ACTION_NAME: Readonly<Record<ContainAction, 'contain' | 'lift_containment'>> = { contain: 'contain', lift: 'lift_containment' };
/** The status each action ends in. */
export const TARGET_STATUS: Readonly<Record<ContainAction, string>> = { contain: 'contained', lift: 'normal' };
/** The status on the way there. */
export const PENDING_STATUS: Readonly<Record<ContainAction, string>> = { contain: 'containment_pending', lift: 'lift_containment_pending' };

export type ContainmentStep = 'input' | 'resolving' | 'choose' | 'review' | 'confirm' | 'submitting' | 'watching' | 'done' | 'error';
/** Steps that call the API; a failure in one of them can be retried. */
export type WorkingStep = 'resolving' | 'submitting' | 'watching';

/** What one input (hostname or device id) resolved to: 0 hosts, 1, or several sharing a hostname. */
export interface TargetResolution {
  input: string;
  kind: 'hostname' | 'deviceId';
  hosts: HostRecord[];
}

/**
 * What the wizard will do with a host, from its current status:
 * - act: send the action
 * - already: already in the asked state; skipped, and counts as reached
 * - pending: already on its way there; not sent again, but watched
 * - conflict: the opposite change is in progress; skipped and reported
 */
export type HostPlan = 'act' | 'already' | 'pending' | 'conflict';

export interface ReviewRow {
  host: HostRecord;
  /** the input that named this host */
  input: string;
  plan: HostPlan;
  /** what happens to it, in a few words ("already contained: skipped") */
  note: string;
  /** only `act` rows can be deselected */
  selected: boolean;
}

export interface TargetProblem {
  input: string;
  kind: 'no-match' | 'unknown-id';
  message: string;
}

export interface Review {
  rows: ReviewRow[];
  problems: TargetProblem[];
}

/** What the user must type to send the action: the hostname, or the number of hosts. */
export interface ConfirmPrompt {
  expected: string;
  /** e.g. "Type the hostname NYC-LT-3605 to contain it." */
  hint: string;
  /** hosts the action goes to */
  count: number;
}

/** How the API answered for one host. */
export type SubmitKind = 'accepted' | 'rejected' | 'forbidden' | 'failed';

export interface SubmitOutcome {
  deviceId: string;
  kind: SubmitKind;
  /** for anything but accepted: why, in one sentence (a 403 names the scope) */
  message: string;
  /** the API's error code for this id (404, 409) or the call's status; none when the network failed */
  code?: number;
  traceId?: string;
}

export interface WatchState {
  /** last known status per device id */
  statuses: Record<string, string>;
  /** ms from the start of the watch until the host reached the asked state */
  reachedAfterMs: Record<string, number>;
  startedAt?: number;
  deadline?: number;
  polls: number;
  /** stopped by the user: one last look at each host, then the results say its true state */
  stopping?: boolean;
  /** polls that failed (after the core's retries); the watch goes on */
  pollErrors: number;
  lastPollError?: string;
}

/**
 * The end result for one host:
 * reached/already (in the asked state), submitted (accepted, not watched),
 * timeout/stopped (accepted, not there when the watch ended),
 * rejected/forbidden/failed (the API refused or the call failed),
 * conflict (skipped), not-found (no such host).
 */
export type HostOutcome = 'reached' | 'already' | 'submitted' | 'timeout' | 'stopped' | 'rejected' | 'forbidden' | 'failed' | 'conflict' | 'not-found';

export interface HostResult {
  input: string;
  deviceId?: string;
  hostname?: string;
  outcome: HostOutcome;
  /** last known containment status */
  status?: string;
  message: string;
  traceIds: string[];
}

export type AuditStatus = { state: 'none' } | { state: 'pending' } | { state: 'written'; path: string } | { state: 'failed'; message: string };

export interface ContainmentOptions {
  /** watch the hosts until they reach the asked state */
  wait: boolean;
  timeoutMs: number;
  /** first poll interval; it grows while hosts stay pending */
  pollIntervalMs: number;
}

export interface ContainmentState {
  step: ContainmentStep;
  action: ContainAction;
  options: ContainmentOptions;
  /** the input step's text: hostnames and device ids, separated by spaces, commas or lines */
  text: string;
  inputError?: string;
  /** parsed from `text` when the input is submitted */
  targets: string[];
  resolutions: TargetResolution[];
  /** index among the ambiguous resolutions (choose step) */
  chooseIndex: number;
  /** device ids picked per ambiguous input */
  picks: Record<string, string[]>;
  chooseError?: string;
  /** device ids to select in the review (a hand-off); others start deselected */
  preselect?: string[];
  review?: Review;
  confirmText: string;
  confirmError?: string;
  submitProgress?: { sent: number; total: number };
  submitted: SubmitOutcome[];
  watch?: WatchState;
  results: HostResult[];
  audit: AuditStatus;
  /** the write-ahead journal of the current submission (its id), closed by the audit step */
  journal?: string;
  failure?: StepFailure<WorkingStep>;
  /** bumped whenever a step with an effect starts; results of older runs are ignored */
  run: number;
}

export type ContainmentEvent =
  | { type: 'setAction'; action: ContainAction }
  | { type: 'setText'; text: string }
  | { type: 'submitInput' }
  | { type: 'resolved'; run: number; resolutions: TargetResolution[] }
  | { type: 'togglePick'; deviceId: string }
  /** sets the picks of the current ambiguous input and moves on */
  | { type: 'pick'; deviceIds: string[] }
  | { type: 'confirmPicks' }
  | { type: 'toggleRow'; deviceId: string }
  | { type: 'proceed' }
  | { type: 'setConfirmText'; text: string }
  /** with `text`, checks that text (a driver passing --yes gives the expected one) */
  | { type: 'confirm'; text?: string }
  /** the plan is on disk: batches may go out */
  | { type: 'journalOpened'; run: number; id: string }
  | { type: 'submitProgress'; run: number; sent: number; total: number }
  | { type: 'submitted'; run: number; outcomes: SubmitOutcome[] }
  | { type: 'watchStarted'; run: number; at: number; deadline: number }
  | { type: 'watchUpdate'; run: number; at: number; statuses: Record<string, string>; error?: string }
  | { type: 'watchFinished'; run: number; at: number; timedOut: boolean }
  | { type: 'finalChecked'; run: number; statuses: Record<string, string>; error?: string }
  | { type: 'failed'; run: number; failure: StepFailure<WorkingStep> }
  | { type: 'audited'; run: number; path?: string; error?: string }
  | { type: 'retry' }
  /** Esc */
  | { type: 'back' }
  | { type: 'restart' };

/** Work the current state asks for; run it with runEffect (effects.ts). */
export type ContainmentEffect =
  | { kind: 'resolve'; run: number; action: ContainAction; targets: string[] }
  /** `hosts` names them for the write-ahead audit (default: the device ids alone) */
  | { kind: 'submit'; run: number; action: ContainAction; deviceIds: string[]; hosts?: JournalHost[] }
  | { kind: 'watch'; run: number; action: ContainAction; deviceIds: string[]; timeoutMs: number; pollIntervalMs: number }
  /** after a stopped watch: each host's status once, so the results are true */
  | { kind: 'finalCheck'; run: number; deviceIds: string[] }
  | { kind: 'audit'; run: number; action: ContainAction; results: HostResult[]; journal?: string };
