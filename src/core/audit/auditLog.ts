// The audit log of containment actions: one JSON line per run in the data
// directory (audit.jsonl, 0600), appended, never rewritten. It records who
// acted (profile, client id, cloud), what, on which hosts, with what result
// and trace ids; never a secret or a token. A run also writes journal lines
// ahead of each batch (auditJournal.ts); reading rebuilds a run that has no
// closing entry from them, and skips (and counts) damaged lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { talonPaths } from '../config/paths.js';
import { fileError } from '../fileError.js';
import { appendPrivateLine } from '../config/privateAppend.js';
import { entryFromJournal, type JournalLine, type JournalOutcome } from './auditJournal.js';
import { isAlertAuditEntry, type AlertAuditEntry } from './alertAudit.js';

export interface AuditHost {
  deviceId: string | null;
  hostname: string | null;
  /** what the user named it by */
  input: string;
  /** the outcome: reached, already, submitted, timeout, rejected, forbidden, failed, ... */
  result: string;
  /** last known containment status */
  status?: string;
  message: string;
  traceIds: string[];
}

export interface AuditEntry {
  /** ISO 8601 */
  time: string;
  /** the profile used, or null when credentials came from flags or the environment */
  profile: string | null;
  clientId?: string;
  baseUrl?: string;
  memberCid?: string;
  /** the API action: contain or lift_containment */
  action: string;
  /** true when every host reached the asked state (or was accepted, without a watch) */
  ok: boolean;
  hosts: AuditHost[];
  /** the journal id of the run (entries written before the journal existed have none) */
  run?: string;
  /** why the run ended early (a signal, a crash), when it did */
  interrupted?: string;
}

/** Who is acting, for the entries of a session. */
export interface AuditContext {
  profile: string | null;
  clientId?: string;
  baseUrl?: string;
  memberCid?: string;
}

export const AUDIT_FILE = 'audit.jsonl';

export function auditLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(talonPaths(env).data, AUDIT_FILE);
}

/** Appends one entry as one line, synced; the file holds hostnames and ids, so it is private (0600). */
export function appendAuditEntry(path: string, entry: AuditEntry | AlertAuditEntry): void {
  appendPrivateLine(path, JSON.stringify(entry), { sync: true });
}

export interface AuditRead {
  /** oldest first */
  entries: AuditEntry[];
  /** lines that were not a readable entry (a torn write, a hand edit) */
  skipped: number;
}

function isEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.time === 'string' && typeof e.action === 'string' && Array.isArray(e.hosts);
}

function isJournalLine(v: unknown): v is JournalLine {
  if (typeof v !== 'object' || v === null) return false;
  const j = v as Record<string, unknown>;
  if (typeof j.run !== 'string') return false;
  if (j.journal === 'plan') return Array.isArray(j.hosts) && typeof j.action === 'string' && typeof j.context === 'object' && j.context !== null;
  if (j.journal === 'sending') return Array.isArray(j.ids);
  return j.journal === 'landed' && Array.isArray(j.outcomes);
}

interface OpenRun {
  plan: Extract<JournalLine, { journal: 'plan' }>;
  sending: string[];
  outcomes: JournalOutcome[];
  last: string;
  /** index in the entry list, where the run started */
  slot: number;
}

export const KILLED = 'no closing record: the run was killed (or the machine stopped) before it finished';

export type AuditRecord = AuditEntry | AlertAuditEntry;

/** Every entry of the log, containment (rebuilt from its journal when it has no closing entry) and alert changes, oldest first; `limit` keeps the most recent. */
export function readAuditRecords(path: string, opts: { limit?: number } = {}): { entries: AuditRecord[]; skipped: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
    throw fileError(e, `the audit log ${path}`, 'read');
  }
  const slots: (AuditRecord | OpenRun)[] = [];
  const runs = new Map<string, OpenRun>();
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    if (isJournalLine(value)) {
      if (value.journal === 'plan') {
        const run: OpenRun = { plan: value, sending: [], outcomes: [], last: value.time, slot: slots.length };
        runs.set(value.run, run);
        slots.push(run);
        continue;
      }
      const run = runs.get(value.run);
      if (!run) continue;
      run.last = value.time;
      if (value.journal === 'sending') run.sending.push(...value.ids.filter((id): id is string => typeof id === 'string'));
      else run.outcomes.push(...value.outcomes);
    } else if (isAlertAuditEntry(value)) slots.push(value);
    else if (isEntry(value)) {
      const run = value.run === undefined ? undefined : runs.get(value.run);
      // A run's closing entry takes the place of its journal.
      if (run) {
        slots[run.slot] = value;
        runs.delete(value.run as string);
      } else slots.push(value);
    } else skipped++;
  }
  const entries = slots.map((s) => ('plan' in s ? entryFromJournal(s.plan, s.sending, s.outcomes, s.last, KILLED) : s));
  const limit = opts.limit;
  return { entries: limit !== undefined && limit < entries.length ? entries.slice(entries.length - limit) : entries, skipped };
}

/** The containment entries of the log (no file: no entries); `limit` keeps the most recent entries. */
export function readAuditLog(path: string, opts: { limit?: number } = {}): AuditRead {
  const { entries, skipped } = readAuditRecords(path);
  const hosts = entries.filter((e): e is AuditEntry => !isAlertAuditEntry(e));
  const limit = opts.limit;
  return { entries: limit !== undefined && limit < hosts.length ? hosts.slice(hosts.length - limit) : hosts, skipped };
}
