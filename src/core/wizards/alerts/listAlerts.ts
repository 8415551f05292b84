// Finding alerts: the v2 query (ids, offset paging up to 10,000) then the
// entities call in batches of 1,000, or, when more than 10,000 are wanted,
// the combined call that pages with `after`. Every page is fetched once.
import { apiErrorOf } from '../../api/apiError.js';
import { UserError } from '../../errors.js';
import { envelopeOf, type ApiCaller } from '../../http/types.js';
import { paginate } from '../../paging/paginate.js';
import { chunks } from '../hostRecords.js';
import { toAlertRecord, type AlertRecord } from './alertRecord.js';

export const QUERY_PATH = '/alerts/queries/alerts/v2';
export const ENTITIES_PATH = '/alerts/entities/alerts/v2';
export const COMBINED_PATH = '/alerts/combined/alerts/v1';
/** the query call's largest page, and how far offsets reach */
const QUERY_MAX = 10_000;
/** composite ids per entities call, and the combined call's largest page */
export const ENTITIES_MAX = 1000;
export const NEWEST_FIRST = 'created_timestamp|desc';

export interface ListOptions {
  filter?: string;
  /** at most this many alerts (newest first) */
  limit: number;
  sort?: string;
  signal?: AbortSignal;
  /** after each page or batch: alerts fetched so far */
  onProgress?: (fetched: number, total: number | undefined) => void;
}

export interface AlertList {
  alerts: AlertRecord[];
  /** how many match the filter (may exceed alerts.length) */
  total: number;
  /** how the alerts were fetched */
  via: 'query' | 'combined';
}

function records(value: unknown): AlertRecord[] {
  const r = Array.isArray(value) ? value : [];
  return r.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null).map(toAlertRecord);
}

/** Full records of `ids`, in their order; ids the API no longer knows are left out. */
export async function fetchAlerts(caller: ApiCaller, ids: readonly string[], signal?: AbortSignal, onBatch?: (n: number) => void): Promise<AlertRecord[]> {
  const byId = new Map<string, AlertRecord>();
  for (const part of chunks([...new Set(ids)], ENTITIES_MAX)) {
    // Reading by body: safe to repeat after a 5xx.
    const res = await caller.request({ method: 'POST', path: ENTITIES_PATH, body: { json: { composite_ids: part } }, signal });
    if (res.status === 404) continue;
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'POST', ENTITIES_PATH);
    const env = envelopeOf(res);
    if (!env || !Array.isArray(env.resources)) throw new UserError(`The API answered ${ENTITIES_PATH} with something that is not a list of alerts; nothing was changed.`, 1);
    for (const a of records(env.resources)) byId.set(a.compositeId, a);
    onBatch?.(byId.size);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listAlerts(caller: ApiCaller, opts: ListOptions): Promise<AlertList> {
  const sort = opts.sort ?? NEWEST_FIRST;
  if (opts.limit > QUERY_MAX) return listCombined(caller, opts, sort);
  let total: number | undefined;
  const ids: string[] = [];
  const query: [string, string][] = [['sort', sort], ['limit', String(Math.min(opts.limit, QUERY_MAX))]];
  if (opts.filter) query.push(['filter', opts.filter]);
  const walk = paginate(caller, { method: 'GET', path: QUERY_PATH, query }, { maxItems: opts.limit, signal: opts.signal, onPage: (p) => (total = p.total) });
  for await (const id of walk) if (typeof id === 'string') ids.push(id);
  opts.onProgress?.(0, total);
  const alerts = await fetchAlerts(caller, ids, opts.signal, (n) => opts.onProgress?.(n, total));
  return { alerts, total: total ?? alerts.length, via: 'query' };
}

async function listCombined(caller: ApiCaller, opts: ListOptions, sort: string): Promise<AlertList> {
  let total: number | undefined;
  const alerts: AlertRecord[] = [];
  const body: Record<string, unknown> = { sort, limit: ENTITIES_MAX };
  if (opts.filter) body.filter = opts.filter;
  const walk = paginate(caller, { method: 'POST', path: COMBINED_PATH, body: { json: body } }, {
    maxItems: opts.limit,
    signal: opts.signal,
    onPage: (p) => {
      total = p.total;
      opts.onProgress?.(p.received, p.total);
    },
  });
  for await (const raw of walk) if (typeof raw === 'object' && raw !== null) alerts.push(toAlertRecord(raw as Record<string, unknown>));
  return { alerts, total: total ?? alerts.length, via: 'combined' };
}
