// The audit log of containment actions: one JSON line per run in the data
// directory (audit.jsonl, 0600), appended, never rewritten. It records who
// acted (profile, client id, cloud), what, on which hosts, with what result
// and trace ids; never a secret or a token. Reading skips damaged lines.
import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { talonPaths } from '../config/paths.js';
import { ensurePrivateDir, SECRET_FILE_MODE } from '../config/secureFile.js';
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

/** Appends one entry as one line. The file holds hostnames and ids, so it is kept private (0600). */
export function appendAuditEntry(path: string, entry: AuditEntry | AlertAuditEntry): void {
  ensurePrivateDir(join(path, '..'));
  const fresh = !existsSync(path);
  appendFileSync(path, JSON.stringify(entry) + '\n', { mode: SECRET_FILE_MODE });
  if (fresh && process.platform !== 'win32') chmodSync(path, SECRET_FILE_MODE);
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

export type AuditRecord = AuditEntry | AlertAuditEntry;

/** Every entry of the log, containment and alert changes, oldest first; `limit` keeps the most recent. */
export function readAuditRecords(path: string, opts: { limit?: number } = {}): { entries: AuditRecord[]; skipped: number } {
  if (!existsSync(path)) return { entries: [], skipped: 0 };
  const entries: AuditRecord[] = [];
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value) || isAlertAuditEntry(value)) entries.push(value);
      else skipped++;
    } catch {
      skipped++;
    }
  }
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
