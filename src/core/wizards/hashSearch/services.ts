// The hash search's calls to the API: which hosts observed an indicator, their
// details, and the processes on a host that involved it. "Seen nowhere" is a
// normal answer: the indicator lookups answer 404 for it, which means zero.
import { ApiError } from '../../api/apiError.js';
import { envelopeOf, type ApiCaller, type ApiRequest } from '../../http/types.js';
import { paginate } from '../../paging/paginate.js';
import { chunks, fetchHosts, type HostRecord } from '../hostRecords.js';
import { apiErrorOf } from '../../api/apiError.js';
import type { Indicator } from './indicator.js';
import { compareStrings } from '../../text/compareStrings.js';

const DEVICES_PATH = '/indicators/queries/devices/v1';
const PROCESS_IDS_PATH = '/indicators/queries/processes/v1';
const PROCESSES_PATH = '/processes/entities/processes/v1';
/** the indicator lookups page by 100 at most */
const PAGE = '100';
/** process details take ids in the query */
const PROCESS_CHUNK = 100;

export interface ProcessRow {
  processId: string;
  processIdLocal: string;
  fileName: string;
  commandLine: string;
  startTimestamp: string;
  stopTimestamp: string;
}

export interface HashSearchResult {
  indicator: Indicator;
  /** hosts that observed it, most recently seen first */
  hosts: HostRecord[];
  /** ids the lookup returned but the details call no longer knows */
  unknownDeviceIds: string[];
  /** per device id, when processes were fetched */
  processes?: Record<string, ProcessRow[]>;
}

export interface SearchOptions {
  signal?: AbortSignal;
}

/** Every item of a lookup; a 404 ("no results") means none, and a 403 names the scope. */
async function collectIds(caller: ApiCaller, req: ApiRequest, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const item of paginate(caller, req, { signal })) if (typeof item === 'string') out.push(item);
  } catch (e) {
    if (e instanceof ApiError && e.response.status === 404) return out;
    throw e;
  }
  return out;
}

function lookupQuery(indicator: Indicator): [string, string][] {
  return [
    ['type', indicator.type],
    ['value', indicator.value],
    ['limit', PAGE],
  ];
}

/** Device ids of the hosts that observed the indicator (none is an answer, not an error). */
export async function findDeviceIds(caller: ApiCaller, indicator: Indicator, opts: SearchOptions = {}): Promise<string[]> {
  const ids = await collectIds(caller, { method: 'GET', path: DEVICES_PATH, query: lookupQuery(indicator) }, opts.signal);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The processes on one host that involved the indicator, earliest first. */
export async function fetchProcesses(caller: ApiCaller, indicator: Indicator, deviceId: string, opts: SearchOptions = {}): Promise<ProcessRow[]> {
  const query = [...lookupQuery(indicator), ['device_id', deviceId] as [string, string]];
  const ids = [...new Set(await collectIds(caller, { method: 'GET', path: PROCESS_IDS_PATH, query }, opts.signal))];
  const rows: ProcessRow[] = [];
  for (const part of chunks(ids, PROCESS_CHUNK)) {
    const res = await caller.request({ method: 'GET', path: PROCESSES_PATH, query: part.map((id) => ['ids', id] as const), signal: opts.signal });
    if (res.status === 404) continue;
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'GET', PROCESSES_PATH);
    const found = envelopeOf(res)?.resources;
    for (const raw of Array.isArray(found) ? (found as Record<string, unknown>[]) : []) {
      rows.push({
        processId: text(raw.process_id),
        processIdLocal: text(raw.process_id_local),
        fileName: text(raw.file_name),
        commandLine: text(raw.command_line),
        startTimestamp: text(raw.start_timestamp),
        stopTimestamp: text(raw.stop_timestamp),
      });
    }
  }
  return rows.sort((a, b) => compareStrings(a.startTimestamp, b.startTimestamp));
}

export interface SearchIndicatorOptions extends SearchOptions {
  /** also fetch every host's processes (one or two calls per host) */
  processes?: boolean;
}

/** The whole search: the hosts that observed the indicator, with details, and optionally their processes. */
export async function searchIndicator(caller: ApiCaller, indicator: Indicator, opts: SearchIndicatorOptions = {}): Promise<HashSearchResult> {
  const ids = await findDeviceIds(caller, indicator, opts);
  const { hosts, unknown } = ids.length ? await fetchHosts(caller, ids, { signal: opts.signal }) : { hosts: [], unknown: [] };
  const sorted = [...hosts].sort((a, b) => compareStrings(b.lastSeen, a.lastSeen));
  const result: HashSearchResult = { indicator, hosts: sorted, unknownDeviceIds: unknown };
  if (opts.processes) {
    result.processes = {};
    for (const host of sorted) result.processes[host.deviceId] = await fetchProcesses(caller, indicator, host.deviceId, opts);
  }
  return result;
}
