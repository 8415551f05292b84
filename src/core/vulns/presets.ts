// The finder's presets and how they become one Spotlight FQL filter. Pure:
// a host group named in a preset is resolved to its id by the caller first
// (see hostGroupIds.ts), since Spotlight filters groups by id only.
import { UserError } from '../errors.js';

export type Preset =
  | { kind: 'critical-exploited' }
  | { kind: 'cve'; id: string }
  | { kind: 'group'; name: string }
  | { kind: 'open-days'; days: number }
  | { kind: 'kev' };

export const PRESET_HELP = 'critical-exploited, cve:CVE-YYYY-NNNN, group:NAME, open-days:N or kev';
export const STATUSES = ['open', 'reopen', 'closed', 'expired'] as const;
export const DEFAULT_STATUSES: readonly string[] = ['open', 'reopen'];

const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
const DAY_MS = 86_400_000;

export function isCveId(text: string): boolean {
  return CVE_ID.test(text);
}

/** One `--preset` value, or one sentence saying what is accepted. */
export function parsePreset(text: string): Preset {
  const [head = '', ...rest] = text.split(':');
  const arg = rest.join(':').trim();
  switch (head.trim().toLowerCase()) {
    case 'critical-exploited':
      if (!arg) return { kind: 'critical-exploited' };
      break;
    case 'kev':
      if (!arg) return { kind: 'kev' };
      break;
    case 'cve':
      if (isCveId(arg)) return { kind: 'cve', id: arg.toUpperCase() };
      throw new UserError(`The preset '${text}' needs a CVE id such as cve:CVE-2024-3094.`);
    case 'group':
      if (arg) return { kind: 'group', name: arg };
      throw new UserError(`The preset '${text}' needs a host group name, as group:NAME.`);
    case 'open-days': {
      const days = Number(arg);
      if (/^\d+$/.test(arg) && days >= 1 && days <= 36_500) return { kind: 'open-days', days };
      throw new UserError(`The preset '${text}' needs a whole number of days from 1, as open-days:30.`);
    }
  }
  throw new UserError(`Unknown preset '${text}': use ${PRESET_HELP}.`);
}

/** `--status` as a list; `all` means no status condition. */
export function parseStatuses(text: string | undefined): readonly string[] {
  if (text === undefined) return DEFAULT_STATUSES;
  const items = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (items.length === 1 && items[0] === 'all') return [];
  const bad = items.find((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad !== undefined || items.length === 0) {
    throw new UserError(`--status takes a comma-separated list of ${STATUSES.join(', ')}, or all; got '${text}'.`);
  }
  return [...new Set(items)];
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (items: readonly string[]): string => `[${items.map(quote).join(',')}]`;

/** RFC 3339 at seconds precision. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The FQL of one preset; a group preset needs its resolved ids. */
export function presetFilter(p: Preset, ctx: { now: number; groupIds?: ReadonlyMap<string, string> }): string {
  switch (p.kind) {
    case 'critical-exploited':
      // "A known exploit": any exploit status above 0 (unproven).
      return "cve.severity:['CRITICAL','HIGH']+cve.exploit_status:['30','60','90']";
    case 'cve':
      return `cve.id:${list([p.id])}`;
    case 'kev':
      return 'cve.is_cisa_kev:true';
    case 'open-days':
      return `created_timestamp:<${quote(isoSeconds(ctx.now - p.days * DAY_MS))}`;
    case 'group': {
      const id = ctx.groupIds?.get(p.name);
      if (!id) throw new Error(`host group ${p.name} was not resolved`);
      return `host_info.groups:${list([id])}`;
    }
  }
}

export interface FilterInput {
  presets: readonly Preset[];
  /** the user's own Spotlight FQL, ANDed with the rest */
  fql?: string;
  statuses: readonly string[];
  now: number;
  groupIds?: ReadonlyMap<string, string>;
}

/** One filter: statuses, each preset and the user's FQL, ANDed. Spotlight requires a filter, so it is never empty. */
export function buildFilter(input: FilterInput): string {
  const parts: string[] = [];
  if (input.statuses.length) parts.push(input.statuses.length === 1 ? `status:${quote(input.statuses[0] as string)}` : `status:${list(input.statuses)}`);
  for (const p of input.presets) parts.push(presetFilter(p, input));
  const fql = input.fql?.trim();
  if (fql) parts.push(parts.length ? `(${fql})` : fql);
  // Every vulnerability has a created timestamp: the API's way of saying "all".
  return parts.length ? parts.join('+') : "created_timestamp:>'1970-01-01T00:00:00Z'";
}
