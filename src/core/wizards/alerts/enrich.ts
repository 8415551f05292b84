// Context for alerts: the host (platform, OS, last seen, containment status,
// host groups), the file hash with how many hosts saw it, and the other
// alerts on the same host in the last 24 hours. Each kind is fetched in
// batches for every alert asked about at once, and kept for the run, so
// opening alert after alert calls the API only for what is new.
import { apiErrorOf } from '../../api/apiError.js';
import { envelopeOf, type ApiCaller } from '../../http/types.js';
import { systemClock, type Clock } from '../clock.js';
import { chunks, fetchHosts, type HostRecord } from '../hostRecords.js';
import type { AlertRecord } from './alertRecord.js';
import { listAlerts, NEWEST_FIRST } from './listAlerts.js';

const GROUPS_PATH = '/devices/entities/host-groups/v1';
const COUNT_PATH = '/indicators/aggregates/devices-count/v1';
/** host group ids per entities call (ids travel in the query) */
const GROUP_CHUNK = 100;
/** hosts per related-alerts query: keeps the filter and URL short */
const RELATED_HOSTS_PER_QUERY = 50;
/** related alerts kept per batch of hosts */
const RELATED_LIMIT = 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface HostGroupRef {
  id: string;
  /** the id again when the group's name could not be read */
  name: string;
}

export interface HostContext {
  record: HostRecord;
  groups: HostGroupRef[];
}

export interface AlertDetail {
  alert: AlertRecord;
  /** undefined: the host is unknown to the API (or could not be read; see problems) */
  host?: HostContext;
  /** hosts that observed the alert's sha256; undefined when unknown */
  hashDeviceCount?: number;
  /** other alerts on the same host created in the 24 hours before the run started, newest first */
  related: AlertRecord[];
  /** parts that could not be fetched, one sentence each; the rest is shown */
  problems: string[];
}

export interface EnricherOptions {
  clock?: Clock;
  signal?: AbortSignal;
}

type Cached<T> = { ok: true; value: T } | { ok: false; problem: string };

const problemOf = (what: string, e: unknown): string => `${what} could not be read: ${e instanceof Error ? e.message : String(e)}`;

/** The enrichment of one run: caches every answer, so each host, group, hash and host's related alerts is fetched once. */
export class Enricher {
  private readonly hosts = new Map<string, Cached<HostRecord | undefined>>();
  private readonly groupNames = new Map<string, Cached<string>>();
  private readonly counts = new Map<string, Cached<number>>();
  private readonly related = new Map<string, Cached<AlertRecord[]>>();
  private readonly since: string;

  constructor(private readonly caller: ApiCaller, private readonly opts: EnricherOptions = {}) {
    this.since = new Date((opts.clock ?? systemClock).now() - DAY_MS).toISOString().replace(/\.\d+Z$/, 'Z');
  }

  /** The hosts of `alerts` with their groups (for rules on host groups); only hosts and groups are fetched. */
  async hostContexts(alerts: readonly AlertRecord[]): Promise<Map<string, HostContext | undefined>> {
    const deviceIds = await this.loadHostsAndGroups(alerts);
    const out = new Map<string, HostContext | undefined>();
    for (const id of deviceIds) {
      const h = this.hosts.get(id);
      if (h && !h.ok) throw new Error(h.problem);
      const record = h?.ok ? h.value : undefined;
      out.set(id, record ? { record, groups: (record.groups ?? []).map((g) => ({ id: g, name: this.groupName(g) })) } : undefined);
    }
    return out;
  }

  private groupName(id: string): string {
    const n = this.groupNames.get(id);
    if (n && !n.ok) throw new Error(n.problem);
    return n?.value ?? id;
  }

  private async loadHostsAndGroups(alerts: readonly AlertRecord[]): Promise<string[]> {
    const deviceIds = [...new Set(alerts.map((a) => a.deviceId).filter(Boolean))];
    await this.loadHosts(deviceIds.filter((id) => !this.hosts.has(id)));
    const groupIds = new Set<string>();
    for (const id of deviceIds) {
      const h = this.hosts.get(id);
      if (h?.ok) for (const g of h.value?.groups ?? []) if (!this.groupNames.has(g)) groupIds.add(g);
    }
    await this.loadGroups([...groupIds]);
    return deviceIds;
  }

  /** Details of `alerts`, fetching only what the cache does not hold yet. */
  async enrich(alerts: readonly AlertRecord[]): Promise<AlertDetail[]> {
    const deviceIds = await this.loadHostsAndGroups(alerts);
    for (const sha of new Set(alerts.map((a) => a.sha256).filter(Boolean))) if (!this.counts.has(sha)) await this.loadCount(sha);
    await this.loadRelated(deviceIds.filter((id) => !this.related.has(id)));
    return alerts.map((a) => this.detailOf(a));
  }

  private detailOf(alert: AlertRecord): AlertDetail {
    const problems: string[] = [];
    const detail: AlertDetail = { alert, related: [], problems };
    const host = this.hosts.get(alert.deviceId);
    if (host && !host.ok) problems.push(host.problem);
    if (host?.ok && host.value) {
      const groups = (host.value.groups ?? []).map((id): HostGroupRef => {
        const name = this.groupNames.get(id);
        if (name && !name.ok && !problems.includes(name.problem)) problems.push(name.problem);
        return { id, name: name?.ok ? name.value : id };
      });
      detail.host = { record: host.value, groups };
    }
    const count = alert.sha256 ? this.counts.get(alert.sha256) : undefined;
    if (count?.ok) detail.hashDeviceCount = count.value;
    else if (count) problems.push(count.problem);
    const related = this.related.get(alert.deviceId);
    if (related?.ok) detail.related = related.value.filter((r) => r.compositeId !== alert.compositeId);
    else if (related) problems.push(related.problem);
    return detail;
  }

  private async loadHosts(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const { hosts } = await fetchHosts(this.caller, ids, { groups: true, signal: this.opts.signal });
      const byId = new Map(hosts.map((h) => [h.deviceId, h]));
      for (const id of ids) this.hosts.set(id, { ok: true, value: byId.get(id) });
    } catch (e) {
      this.rethrowAbort(e);
      for (const id of ids) this.hosts.set(id, { ok: false, problem: problemOf('The host details', e) });
    }
  }

  private async loadGroups(ids: string[]): Promise<void> {
    for (const part of chunks(ids, GROUP_CHUNK)) {
      try {
        const res = await this.caller.request({ method: 'GET', path: GROUPS_PATH, query: part.map((id) => ['ids', id] as const), signal: this.opts.signal });
        if (res.status !== 404 && (res.status < 200 || res.status >= 300)) throw await apiErrorOf(res, 'GET', GROUPS_PATH);
        const found = envelopeOf(res)?.resources;
        for (const raw of Array.isArray(found) ? (found as Record<string, unknown>[]) : []) {
          if (typeof raw?.id === 'string' && typeof raw.name === 'string') this.groupNames.set(raw.id, { ok: true, value: raw.name });
        }
        for (const id of part) if (!this.groupNames.has(id)) this.groupNames.set(id, { ok: true, value: id });
      } catch (e) {
        this.rethrowAbort(e);
        for (const id of part) this.groupNames.set(id, { ok: false, problem: problemOf('The host group names', e) });
      }
    }
  }

  private async loadCount(sha256: string): Promise<void> {
    try {
      const res = await this.caller.request({ method: 'GET', path: COUNT_PATH, query: [['type', 'sha256'], ['value', sha256]], signal: this.opts.signal });
      // "No results" (404) means no host saw it.
      if (res.status === 404) return void this.counts.set(sha256, { ok: true, value: 0 });
      if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'GET', COUNT_PATH);
      const first = envelopeOf(res)?.resources?.[0] as { device_count?: unknown } | undefined;
      const n = first?.device_count;
      this.counts.set(sha256, typeof n === 'number' ? { ok: true, value: n } : { ok: false, problem: `The API gave no device count for ${sha256}.` });
    } catch (e) {
      this.rethrowAbort(e);
      this.counts.set(sha256, { ok: false, problem: problemOf('The count of hosts that saw the file', e) });
    }
  }

  private async loadRelated(deviceIds: string[]): Promise<void> {
    for (const part of chunks(deviceIds, RELATED_HOSTS_PER_QUERY)) {
      const filter = `device.device_id:[${part.map((id) => `'${id}'`).join(',')}]+created_timestamp:>='${this.since}'`;
      try {
        const { alerts } = await listAlerts(this.caller, { filter, limit: RELATED_LIMIT, sort: NEWEST_FIRST, signal: this.opts.signal });
        for (const id of part) this.related.set(id, { ok: true, value: alerts.filter((a) => a.deviceId === id) });
      } catch (e) {
        this.rethrowAbort(e);
        for (const id of part) this.related.set(id, { ok: false, problem: problemOf('Related alerts on the host', e) });
      }
    }
  }

  /** A cancelled run is not a part that failed: it stops the enrichment. */
  private rethrowAbort(e: unknown): void {
    if (this.opts.signal?.aborted) throw e;
  }
}
