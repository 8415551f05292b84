// The ticket state file: which groups were sent, with which digest, and the
// id the ticketing system answered. It is what makes a re-run create only
// new groups and update only changed ones. Written atomically with mode
// 0600 after every ticket that lands, so an interrupted run loses nothing.
// It never holds the webhook URL or a header: only keys, digests, titles, ids.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { issuePath } from '../../schema/issuePath.js';
import { UserError } from '../../errors.js';
import { fileError } from '../../fileError.js';
import { writeFileAtomic, SECRET_FILE_MODE } from '../../config/secureFile.js';
import type { Ticket } from './build.js';
import type { PlannedTicket } from './formats.js';

const Entry = v.object({
  digest: v.string(),
  title: v.string(),
  ticketId: v.optional(v.string()),
  firstSent: v.string(),
  lastSent: v.string(),
  sends: v.number(),
});
const StateFile = v.object({
  version: v.literal(1),
  kind: v.literal('talon-vuln-tickets'),
  tickets: v.record(v.string(), Entry),
});

export type StateEntry = v.InferOutput<typeof Entry>;
export type TicketState = v.InferOutput<typeof StateFile>;

export function emptyState(): TicketState {
  return { version: 1, kind: 'talon-vuln-tickets', tickets: {} };
}

/** The state in `path`; a missing file is an empty state, a damaged one a one-sentence error. */
export function loadState(path: string): TicketState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw fileError(e, `the ticket state file '${path}'`, 'read');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError(`The ticket state file ${path} is not valid JSON: fix or remove it (removing it makes every group new again).`);
  }
  const parsed = v.safeParse(StateFile, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issuePath(issue.path) ? ` at ${issuePath(issue.path)}` : '';
    throw new UserError(`The ticket state file ${path} is not a talon ticket state${where}: ${issue.message}.`);
  }
  return parsed.output;
}

export function saveState(path: string, state: TicketState): void {
  try {
    writeFileAtomic(path, JSON.stringify(state, null, 2) + '\n', { mode: SECRET_FILE_MODE });
  } catch (e) {
    throw fileError(e, `the ticket state file '${path}'`, 'write');
  }
}

export interface TicketPlan {
  send: PlannedTicket[];
  unchanged: Ticket[];
  /** keys in the state that no longer match the search (fixed, or filtered out) */
  gone: string[];
}

/** New groups are created, changed ones updated, the rest left alone. */
export function planTickets(tickets: readonly Ticket[], state: TicketState): TicketPlan {
  const send: PlannedTicket[] = [];
  const unchanged: Ticket[] = [];
  for (const ticket of tickets) {
    const entry = state.tickets[ticket.key];
    if (!entry) send.push({ ticket, action: 'create' });
    else if (entry.digest !== ticket.digest) send.push({ ticket, action: 'update', previousId: entry.ticketId });
    else unchanged.push(ticket);
  }
  const current = new Set(tickets.map((t) => t.key));
  return { send, unchanged, gone: Object.keys(state.tickets).filter((k) => !current.has(k)) };
}

/** Records a ticket that landed. The first id a receiver answered stays the ticket's id: updates refer to it. */
export function recordSent(state: TicketState, planned: PlannedTicket, now: string, ticketId?: string): void {
  const prev = state.tickets[planned.ticket.key];
  const id = prev?.ticketId ?? ticketId;
  state.tickets[planned.ticket.key] = {
    digest: planned.ticket.digest,
    title: planned.ticket.title,
    ...(id ? { ticketId: id } : {}),
    firstSent: prev?.firstSent ?? now,
    lastSent: now,
    sends: (prev?.sends ?? 0) + 1,
  };
}
