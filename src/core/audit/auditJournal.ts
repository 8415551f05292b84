// The write-ahead side of the audit log: before the first batch goes out a
// `plan` line names every host about to be sent to, each batch writes a
// `sending` line before its request and a `landed` line with the API's
// answer, each synced to disk. A run that ends normally closes with its full
// entry; one cut short (signal, crash, exit) closes with an entry built from
// what the journal knows, and one killed outright (SIGKILL) is rebuilt from
// its lines when the log is read. Any exit leaves a true record.
import { randomBytes } from 'node:crypto';
import { appendPrivateLine } from '../config/privateAppend.js';
import type { AuditContext, AuditEntry, AuditHost } from './auditLog.js';

export interface JournalHost {
  deviceId: string;
  hostname: string | null;
  input: string;
}

/** How the API answered for one host of a landed batch. */
export interface JournalOutcome {
  deviceId: string;
  /** accepted, rejected, forbidden, failed */
  kind: string;
  message: string;
  traceId?: string;
}

/** The lines of a journal, as written to audit.jsonl next to full entries. */
export type JournalLine =
  | { journal: 'plan'; run: string; time: string; action: string; context: AuditContext; hosts: JournalHost[] }
  | { journal: 'sending'; run: string; time: string; batch: number; ids: string[] }
  | { journal: 'landed'; run: string; time: string; batch: number; outcomes: JournalOutcome[] };

/** Results of hosts the journal cannot give an answer for. */
export const SENT_NO_ANSWER = 'sent-no-answer';
export const NOT_SENT = 'not-sent';

/** What an interrupted run had done, for the record and the terminal. */
export interface JournalSummary {
  total: number;
  /** hosts whose batch went out (answered or not) */
  sent: number;
  answered: number;
  accepted: number;
}

const open = new Set<AuditJournal>();
let exitHookInstalled = false;

/** Any journal still open when the process exits (crash, process.exit, Ctrl+C in the shell) is closed truthfully. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => interruptOpenJournals(EXITED));
}

export const EXITED = 'the process exited before the run finished';

/** Closes every open journal with what it knows (the shell quitting mid-watch, a crash, a signal). */
export function interruptOpenJournals(reason: string): AuditEntry[] {
  return [...open].map((j) => j.interrupt(reason));
}

/** Journals not yet closed (a signal handler closes them and says what was sent). */
export function openJournals(): AuditJournal[] {
  return [...open];
}

const UNANSWERED: Readonly<Record<string, string>> = {
  [SENT_NO_ANSWER]: 'sent; the run ended before the API answered, so the host may be changing',
  [NOT_SENT]: 'not sent: the run ended first',
};

/** Builds the entry for a run from its journal lines (used for an interrupted or a killed run). */
export function entryFromJournal(plan: Extract<JournalLine, { journal: 'plan' }>, sending: readonly string[], outcomes: readonly JournalOutcome[], time: string, interrupted: string): AuditEntry {
  const sent = new Set(sending.map((id) => id.toLowerCase()));
  const answer = new Map(outcomes.map((o) => [o.deviceId.toLowerCase(), o]));
  const hosts = plan.hosts.map((h): AuditHost => {
    const o = answer.get(h.deviceId.toLowerCase());
    const base = { deviceId: h.deviceId, hostname: h.hostname, input: h.input };
    if (o?.kind === NOT_SENT) return { ...base, result: NOT_SENT, message: o.message, traceIds: [] };
    if (o) return { ...base, result: o.kind === 'accepted' ? 'submitted' : o.kind, message: o.kind === 'accepted' ? 'accepted by the API' : o.message, traceIds: o.traceId ? [o.traceId] : [] };
    const result = sent.has(h.deviceId.toLowerCase()) ? SENT_NO_ANSWER : NOT_SENT;
    return { ...base, result, message: UNANSWERED[result] as string, traceIds: [] };
  });
  return { time, ...plan.context, action: plan.action, ok: false, hosts, run: plan.run, interrupted };
}

export function summarize(entry: AuditEntry): JournalSummary {
  const notSent = entry.hosts.filter((h) => h.result === NOT_SENT).length;
  const noAnswer = entry.hosts.filter((h) => h.result === SENT_NO_ANSWER).length;
  return {
    total: entry.hosts.length,
    sent: entry.hosts.length - notSent,
    answered: entry.hosts.length - notSent - noAnswer,
    accepted: entry.hosts.filter((h) => h.result === 'submitted').length,
  };
}

/** "sent to 1000 of 1500 hosts (500 accepted, 500 with no answer yet); 500 not sent" */
export function describeSummary(s: JournalSummary): string {
  const plural = (n: number): string => `${n} host${n === 1 ? '' : 's'}`;
  if (!s.sent) return `nothing was sent (${plural(s.total)} planned)`;
  const parts = [`${s.accepted} accepted`];
  if (s.answered > s.accepted) parts.push(`${s.answered - s.accepted} refused or failed`);
  if (s.sent > s.answered) parts.push(`${s.sent - s.answered} with no answer yet`);
  return `sent to ${s.sent} of ${plural(s.total)} (${parts.join(', ')}); ${s.total - s.sent} not sent`;
}

export class AuditJournal {
  readonly id = randomBytes(8).toString('hex');
  private readonly sending: string[] = [];
  private readonly outcomes: JournalOutcome[] = [];
  private batches = 0;
  private closed = false;
  private readonly plan: Extract<JournalLine, { journal: 'plan' }>;

  /** Writes the plan; throws when it cannot (then nothing must be sent). */
  constructor(
    private readonly path: string,
    context: AuditContext,
    action: string,
    hosts: readonly JournalHost[],
    private readonly now: () => number = Date.now,
  ) {
    // The context's base URL may be a getter (known after the first token): freeze it now.
    this.plan = { journal: 'plan', run: this.id, time: this.time(), action, context: { ...context, baseUrl: context.baseUrl }, hosts: [...hosts] };
    this.write(this.plan);
    open.add(this);
    installExitHook();
  }

  /** Before a batch's request: from here on its hosts may have been changed. */
  batchSending(ids: readonly string[]): void {
    this.sending.push(...ids);
    this.write({ journal: 'sending', run: this.id, time: this.time(), batch: ++this.batches, ids: [...ids] });
  }

  /** The batch's answer, as it lands. */
  batchLanded(outcomes: readonly JournalOutcome[]): void {
    this.outcomes.push(...outcomes);
    this.write({ journal: 'landed', run: this.id, time: this.time(), batch: this.batches, outcomes: [...outcomes] });
  }

  /** The run's full entry (results per host, watch included); ends the journal. */
  close(entry: AuditEntry): void {
    if (this.closed) return;
    this.finish({ ...entry, run: this.id });
  }

  /** Ends the journal with what it knows; returns the entry written (or that could not be). */
  interrupt(reason: string): AuditEntry {
    const entry = entryFromJournal(this.plan, this.sending, this.outcomes, this.time(), reason);
    if (!this.closed) {
      try {
        this.finish(entry);
      } catch {
        // The plan and batch lines are on disk: a reader rebuilds the run from them.
      }
    }
    return entry;
  }

  private finish(entry: AuditEntry): void {
    this.closed = true;
    open.delete(this);
    this.write(entry);
  }

  private time(): string {
    return new Date(this.now()).toISOString();
  }

  private write(line: JournalLine | AuditEntry): void {
    appendPrivateLine(this.path, JSON.stringify(line), { sync: true });
  }
}

/** The open journal with this id, if any (the audit step closes the journal its submit opened). */
export function journalById(id: string | undefined): AuditJournal | undefined {
  return id === undefined ? undefined : [...open].find((j) => j.id === id);
}
