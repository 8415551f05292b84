// Host details as both wizards show them (one flat row per device), fetched
// with the details call the API prefers (POST, up to 5000 ids) plus the
// online state, which lives on a separate endpoint.
import { apiErrorOf } from '../api/apiError.js';
import { envelopeOf, type ApiCaller, type ApiResponse } from '../http/types.js';

export type OnlineState = 'online' | 'offline' | 'unknown';

export interface HostRecord {
  deviceId: string;
  hostname: string;
  platform: string;
  osVersion: string;
  /** RFC 3339, as the API sends it */
  lastSeen: string;
  localIp: string;
  externalIp: string;
  /** containment status: normal, containment_pending, contained, lift_containment_pending */
  status: string;
  /** undefined when the online-state call was not made or failed */
  online?: OnlineState;
  /** host group ids; only when fetched with `groups: true` */
  groups?: string[];
}

const DEVICE_ID = /^[0-9a-fA-F]{32}$/;
const DETAILS_PATH = '/devices/entities/devices/v2';
const ONLINE_PATH = '/devices/entities/online-state/v1';
/** the documented maximum of the POST details call */
export const DETAILS_CHUNK = 5000;
/** the online-state call takes ids in the query; the SDKs send at most 100 */
const ONLINE_CHUNK = 100;

/** A device id (AID) is 32 hexadecimal characters. */
export function isDeviceId(value: string): boolean {
  return DEVICE_ID.test(value);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The row for one device record of the details call. */
export function toHostRecord(raw: Record<string, unknown>): HostRecord {
  return {
    deviceId: text(raw.device_id).toLowerCase(),
    hostname: text(raw.hostname),
    platform: text(raw.platform_name),
    osVersion: text(raw.os_version) || text(raw.os_product_name),
    lastSeen: text(raw.last_seen),
    localIp: text(raw.local_ip),
    externalIp: text(raw.external_ip),
    status: text(raw.status) || 'normal',
  };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function resources(res: ApiResponse): Record<string, unknown>[] {
  const r = envelopeOf(res)?.resources;
  return Array.isArray(r) ? r.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
}

export interface FetchHostsOptions {
  /** also ask for the online state (one more call per 100 hosts); default true */
  online?: boolean;
  /** keep each host's group ids (HostRecord.groups) */
  groups?: boolean;
  signal?: AbortSignal;
}

export interface FetchedHosts {
  /** in the order of the ids asked for */
  hosts: HostRecord[];
  /** ids the API does not know */
  unknown: string[];
}

/**
 * Details of `ids`. Unknown ids are returned as such, not as a failure (the
 * API answers 404 only when it knows none of them); any other error throws.
 */
export async function fetchHosts(caller: ApiCaller, ids: readonly string[], opts: FetchHostsOptions = {}): Promise<FetchedHosts> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = new Map<string, HostRecord>();
  // The online states do not depend on the details: asked for beside them, one round trip less.
  // Awaited below; marked handled now, so a details call that fails first leaves no unhandled rejection.
  const online = opts.online === false || wanted.length === 0 ? undefined : fetchOnlineStates(caller, wanted, opts.signal);
  online?.catch(() => undefined);
  for (const part of chunks(wanted, DETAILS_CHUNK)) {
    // A details POST only reads (devices:read): the send policy lets the core repeat it after a 5xx.
    const res = await caller.request({ method: 'POST', path: DETAILS_PATH, body: { json: { ids: part } }, signal: opts.signal });
    if (res.status === 404) continue;
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'POST', DETAILS_PATH);
    for (const raw of resources(res)) {
      const host = toHostRecord(raw);
      if (opts.groups) host.groups = Array.isArray(raw.groups) ? raw.groups.filter((g): g is string => typeof g === 'string') : [];
      if (host.deviceId) found.set(host.deviceId, host);
    }
  }
  if (online) {
    const states = await online;
    for (const [id, state] of states) {
      const host = found.get(id);
      if (host) host.online = state;
    }
  }
  return {
    hosts: wanted.flatMap((id) => found.get(id) ?? []),
    unknown: wanted.filter((id) => !found.has(id)),
  };
}

/**
 * Online states by device id. Best effort: the state is shown for context
 * only, so a failed call leaves hosts without one rather than failing the step.
 */
export async function fetchOnlineStates(caller: ApiCaller, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, OnlineState>> {
  const out = new Map<string, OnlineState>();
  for (const part of chunks(ids, ONLINE_CHUNK)) {
    let res: ApiResponse;
    try {
      res = await caller.request({ method: 'GET', path: ONLINE_PATH, query: part.map((id) => ['ids', id] as const), signal });
    } catch (e) {
      if (signal?.aborted) throw e;
      continue;
    }
    // An answer that is not a 2xx may still carry the states it found (unknown ids are per-id errors): keep them.
    for (const raw of resources(res)) {
      const state = raw.state;
      if (typeof raw.id === 'string' && (state === 'online' || state === 'offline' || state === 'unknown')) out.set(raw.id.toLowerCase(), state);
    }
  }
  return out;
}
