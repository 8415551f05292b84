// The seeded tenant generator: same options, same tenant. Each part draws
// from its own random stream (see streamRandom), and every timestamp is
// derived from options.anchor.
//
// Only the hosts (with their groups and policies), the sample placement, the
// IOCs and the reports are generated at start-up. The activity (processes and
// alerts; their process records; sightings; incidents, behaviors and
// CrowdScore) and the Spotlight data are each generated on the first read of
// one of their fields, or before the first write (materializeTenant), so what
// they copy from hosts and alerts is always those as generated: the tenant
// does not depend on which family is read first.
import type { Tenant, TenantOptions } from './types.js';
import type { Alert } from './records/detections.js';
import type { Host } from './records/hosts.js';
import type { Remediation, Vulnerability } from './records/vulnerabilities.js';
import type { HostMeta } from './meta.js';
import type { SamplePlacement, SamplePlan } from './processes.js';
import type { PolicyDraws } from './policies.js';
import { generateHostGroups } from './hostGroups.js';
import { generateHosts } from './hosts.js';
import { keepGeneratedInstants } from './generatedInstants.js';
import { ProcessFactory, generateProcesses, placeSamples, sampleHashes } from './processes.js';
import { SAMPLE_DOMAINS } from './images.js';
import { buildSightings } from './sightings.js';
import { generateAlerts } from './alerts.js';
import { generateIocs } from './iocs.js';
import { generateRemediations, generateVulnerabilities } from './vulnerabilities.js';
import { hex, streamRandom } from './util.js';
import { reuseHostname } from './reusedHostname.js';
import { generateIncidents } from './incidents.js';
import { generateReports } from './reports.js';

export type * from './types.js';
export { takeGeneratedInstants } from './generatedInstants.js';
export type * from './records/hosts.js';
export type * from './records/indicators.js';
export type * from './records/detections.js';
export type * from './records/reports.js';
export type * from './records/vulnerabilities.js';

/**
 * Three hostnames for demos, one per platform where possible: hosts with
 * status normal that are online and not domain controllers, preferring ones
 * that ran a sample image.
 */
function sampleHostnames(metas: HostMeta[], placement: SamplePlacement): string[] {
  const withSample = new Set(placement.runs.map((p) => p.meta.host.device_id));
  // Not a domain controller: the demos contain these hosts.
  const usable = (m: HostMeta) => m.host.status === 'normal' && m.recent && m.role !== 'dc';
  const chosen: HostMeta[] = [];
  const take = (test: (m: HostMeta) => boolean) => {
    const m = metas.find((x) => !chosen.includes(x) && test(x));
    if (m) chosen.push(m);
    return m !== undefined;
  };
  for (const platform of ['Windows', 'Mac', 'Linux'] as const) {
    const on = (m: HostMeta) => m.host.platform_name === platform;
    void (
      take((m) => on(m) && usable(m) && m.host._online === 'online' && withSample.has(m.host.device_id)) ||
      take((m) => on(m) && usable(m) && m.host._online === 'online') ||
      take((m) => on(m) && m.host.status === 'normal')
    );
  }
  while (chosen.length < 3 && take((m) => m.host.status === 'normal'));
  while (chosen.length < 3 && take(() => true));
  return chosen.map((m) => m.host.hostname);
}

/** What the alerts need: every process drawn (the alerts' detected processes are drawn with them), and the alerts. */
interface Detections {
  factory: ProcessFactory;
  plan: SamplePlan;
  alerts: Map<string, Alert>;
}

interface Spotlight {
  vulnerabilities: Map<string, Vulnerability>;
  remediations: Map<string, Remediation>;
}

/** A value computed on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const materializers = new WeakMap<Tenant, () => void>();

/**
 * Generates every family not generated yet. Called before anything changes
 * the tenant, so lazily generated records never see a changed host.
 */
export function materializeTenant(tenant: Tenant): void {
  materializers.get(tenant)?.();
}

const policyDraws = new WeakMap<Tenant, PolicyDraws>();

/**
 * The host with its policies (device_policies and policies), built on its first read: every route that shows a
 * host passes it through here (routes/hostModel.ts hostRecord).
 */
export function completeHost(tenant: Tenant, host: Host): Host {
  if (host.device_policies === undefined) {
    const draws = policyDraws.get(tenant);
    if (!draws) throw new Error(`host ${host.device_id} is not one of the tenant's`);
    const policies = draws.build(host._ordinal, host);
    host.device_policies = policies;
    // Like the real API, `policies` lists the prevention policy only.
    host.policies = policies.prevention ? [policies.prevention] : [];
  }
  return host;
}

export function generateTenant(options: TenantOptions): Tenant {
  const seed = Math.floor(options.seed) >>> 0;
  const anchor = Math.floor(options.anchor);
  const cid = (options.cid ?? hex(streamRandom(seed, 'cid'), 32)).toLowerCase();

  const groupPlan = generateHostGroups(streamRandom(seed, 'groups'), anchor);
  const { metas, traits, policies, instants } = generateHosts(streamRandom(seed, 'hosts'), options.hosts, cid, anchor, groupPlan);
  const placement = placeSamples(streamRandom(seed, 'samples'), metas, traits);
  // Before alerts and vulnerabilities copy hostnames into their records.
  const hostnames = sampleHostnames(metas, placement);
  const reusedHostname = reuseHostname(metas, new Set(hostnames));
  const hosts = new Map<string, Host>();
  for (const m of metas) hosts.set(m.host.device_id, m.host);
  if (hosts.size !== metas.length) throw new Error('two generated hosts have the same device id');
  const hashes = sampleHashes(seed);

  // Activity comes in stages, each built from the ones before on first use: a client asking
  // for alerts does not wait for the sightings, the process records or the incidents.
  const detections = once((): Detections => {
    const factory = new ProcessFactory(seed, streamRandom(seed, 'pids'));
    const plan = generateProcesses(streamRandom(seed, 'processes'), factory, metas, placement);
    const alerts = generateAlerts(streamRandom(seed, 'alerts'), factory, metas, plan, cid, anchor);
    return { factory, plan, alerts };
  });
  const processes = once(() => detections().factory.records());
  const sightings = once(() => buildSightings(metas, detections().plan));
  const incidents = once(() => generateIncidents(streamRandom(seed, 'incidents'), detections().alerts, hosts, cid, anchor));
  const spotlight = once((): Spotlight => {
    const { remediations, byProduct } = generateRemediations(streamRandom(seed, 'remediations'));
    const vulnerabilities = generateVulnerabilities(streamRandom(seed, 'vulns'), metas, groupPlan.groups, byProduct, cid, anchor);
    return { vulnerabilities, remediations };
  });
  const reports = generateReports(streamRandom(seed, 'reports'), cid, anchor);
  const iocs = generateIocs(streamRandom(seed, 'iocs'), anchor, hashes.sha256[0], groupPlan.groups);

  const tenant: Tenant = {
    cid,
    anchor,
    hosts,
    get processes() { return processes(); },
    get sightings() { return sightings(); },
    iocs,
    get alerts() { return detections().alerts; },
    get incidents() { return incidents().incidents; },
    get behaviors() { return incidents().behaviors; },
    get crowdScores() { return incidents().crowdScores; },
    scheduledReports: reports.reports,
    reportExecutions: reports.executions,
    hostGroups: new Map(groupPlan.groups.map((g) => [g.id, g])),
    get vulnerabilities() { return spotlight().vulnerabilities; },
    get remediations() { return spotlight().remediations; },
    samples: {
      hostnames,
      ...(reusedHostname ? { reusedHostname } : {}),
      sha256: hashes.sha256,
      md5: hashes.md5,
      domains: [...SAMPLE_DOMAINS],
    },
  };
  policyDraws.set(tenant, policies);
  keepGeneratedInstants(tenant, instants);
  materializers.set(tenant, () => {
    processes();
    sightings();
    incidents();
    spotlight();
  });
  return tenant;
}
