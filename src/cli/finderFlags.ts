// The finder's flags (FQL, --preset, --status) as a search input, shared by
// `talon vulns` and `talon vulns tickets`.
import type { FindInput } from '../core/vulns/find.js';
import { parsePreset, parseStatuses } from '../core/vulns/presets.js';
import type { GroupBy } from '../core/vulns/grouping.js';
import type { ConnectionFlags } from './commonOptions.js';

export interface FinderFlags extends ConnectionFlags {
  preset?: string[];
  status?: string;
}

export function finderInput(fql: string | undefined, flags: FinderFlags, by: GroupBy, now = Date.now()): FindInput {
  const presets = (flags.preset ?? []).map(parsePreset);
  const statuses = parseStatuses(flags.status);
  const onPage = process.stderr.isTTY
    ? (p: { page: number; received: number; total?: number }) => {
        const of = p.total === undefined ? '' : ` of ${p.total.toLocaleString('en-US')}`;
        process.stderr.write(`\r\x1b[Ktalon: page ${p.page}, ${p.received.toLocaleString('en-US')}${of} vulnerabilities`);
      }
    : undefined;
  return { presets, fql, statuses, by, now, onPage };
}

/** Clears the progress line, if one was drawn. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
