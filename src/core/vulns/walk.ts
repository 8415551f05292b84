// Walks every page of a Spotlight search exactly once with `after` tokens,
// and refuses to pass off a broken walk as a result: a page that is not an
// envelope, a token sent back twice, a record seen on an earlier page, or a
// walk that ends before the total it announced each stop it with a
// sentence and exit 1 (the records read so far are not shown as an answer).
import { ExitCode, UserError } from '../errors.js';
import { apiErrorOf } from '../api/apiError.js';
import { envelopeOf, type ApiCaller, type ApiResponse } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';
import { toVulnRecord, type VulnRecord } from './records.js';

export const COMBINED_PATH = '/spotlight/combined/vulnerabilities/v1';
/** the combined call's documented maximum */
export const DEFAULT_PAGE_SIZE = 5000;
const FACETS = ['cve', 'host_info', 'remediation'] as const;

export class BrokenWalkError extends UserError {
  constructor(message: string, response?: ApiResponse) {
    super(message, ExitCode.apiError, response?.traceId ? [`trace id: ${terminalSafe(response.traceId)}`] : []);
    this.name = 'BrokenWalkError';
  }
}

export interface WalkProgress {
  page: number;
  received: number;
  total?: number;
}

export interface WalkOptions {
  filter: string;
  pageSize?: number;
  signal?: AbortSignal;
  onPage?: (p: WalkProgress) => void;
}

/** Yields each page's records, in order; throws BrokenWalkError when the pages do not add up. */
export async function* walkVulnerabilities(caller: ApiCaller, opts: WalkOptions): AsyncGenerator<VulnRecord[], WalkProgress, undefined> {
  const seen = new Set<string>();
  const sentTokens = new Set<string>();
  let after: string | undefined;
  let received = 0;
  let total: number | undefined;
  for (let page = 1; ; page++) {
    opts.signal?.throwIfAborted();
    const query: [string, string][] = [
      ['filter', opts.filter],
      ['limit', String(opts.pageSize ?? DEFAULT_PAGE_SIZE)],
      ...FACETS.map((f): [string, string] => ['facet', f]),
    ];
    if (after !== undefined) query.push(['after', after]);
    const res = await caller.request({ method: 'GET', path: COMBINED_PATH, query, signal: opts.signal });
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'GET', COMBINED_PATH);
    const where = `page ${page} of the Spotlight search (after ${received} records)`;
    const env = envelopeOf(res);
    if (!env || !Array.isArray(env.resources)) {
      throw new BrokenWalkError(`The API's answer to ${where} is not a Falcon envelope with a resources list, so the walk stopped; try again, and narrow the filter if it persists.`, res);
    }
    const pagination = env.meta?.pagination ?? {};
    if (typeof pagination.total === 'number') total = pagination.total;
    const records: VulnRecord[] = [];
    for (const raw of env.resources) {
      const v = toVulnRecord(raw);
      if (!v) throw new BrokenWalkError(`The API's answer to ${where} holds a record without an id or a CVE id, so the walk stopped.`, res);
      if (seen.has(v.id)) {
        throw new BrokenWalkError(`The API repeated vulnerability ${v.id} on ${where}: a page came back twice, so the result would count it twice. Try again; if it persists, narrow the filter.`, res);
      }
      seen.add(v.id);
      records.push(v);
    }
    received += records.length;
    opts.onPage?.({ page, received, total });
    if (records.length) yield records;
    const next = typeof pagination.after === 'string' && pagination.after !== '' ? pagination.after : undefined;
    if (next === undefined) {
      if (total !== undefined && received < total) {
        throw new BrokenWalkError(`The Spotlight search ended early: the API announced ${total} records but its last page came after ${received}, with no token for the rest. Try again; if it persists, narrow the filter.`, res);
      }
      return { page, received, total };
    }
    if (records.length === 0) {
      throw new BrokenWalkError(`The API answered ${where} with no records but a token for a next page, so the walk stopped rather than loop.`, res);
    }
    if (sentTokens.has(next)) {
      throw new BrokenWalkError(`The API returned an \`after\` token it had already given on ${where}: paging stopped advancing. Try again; if it persists, narrow the filter.`, res);
    }
    sentTokens.add(next);
    after = next;
  }
}
