// The seeded tenant generator: same options, same tenant. Each part draws
// from its own random stream (see streamRandom), and every timestamp is
// derived from options.anchor.
import type { Tenant, TenantOptions } from './types.js';
import type { HostMeta } from './meta.js';
import type { SamplePlan } from './processes.js';
import { generateHostGroups } from './hostGroups.js';
import { generateHosts } from './hosts.js';
import { ProcessFactory, generateProcesses } from './processes.js';
import { buildSightings } from './sightings.js';
import { generateAlerts } from './alerts.js';
import { generateIocs } from './iocs.js';
import { generateRemediations, generateVulnerabilities } from './vulnerabilities.js';
import { hex, streamRandom } from './util.js';
import { reuseHostname } from './reusedHostname.js';
import { generateIncidents } from './incidents.js';
import { generateReports } from './reports.js';

export type * from './types.js';

/**
 * Three hostnames for demos, one per platform where possible: hosts with
 * status normal that are online, preferring ones that ran a sample image.
 */
function sampleHostnames(metas: HostMeta[], plan: SamplePlan): string[] {
  const withSample = new Set(plan.sampleProcs.map((p) => p.meta.host.device_id));
  const usable = (m: HostMeta) => m.host.status === 'normal' && m.recent;
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

export function generateTenant(options: TenantOptions): Tenant {
  const seed = Math.floor(options.seed) >>> 0;
  const anchor = Math.floor(options.anchor);
  const cid = (options.cid ?? hex(streamRandom(seed, 'cid'), 32)).toLowerCase();

  const groupPlan = generateHostGroups(streamRandom(seed, 'groups'), anchor);
  const metas = generateHosts(streamRandom(seed, 'hosts'), options.hosts, cid, anchor, groupPlan);

  const factory = new ProcessFactory(streamRandom(seed, 'hashes'));
  const plan = generateProcesses(streamRandom(seed, 'processes'), factory, metas);
  // Before alerts and vulnerabilities copy hostnames into their records.
  const hostnames = sampleHostnames(metas, plan);
  const reusedHostname = reuseHostname(metas, new Set(hostnames));
  const alerts = generateAlerts(streamRandom(seed, 'alerts'), factory, metas, plan, cid, anchor);
  const sightings = buildSightings(metas, plan);
  const hosts = new Map(metas.map((m) => [m.host.device_id, m.host]));
  const { incidents, behaviors, crowdScores } = generateIncidents(streamRandom(seed, 'incidents'), alerts, hosts, cid, anchor);

  const { remediations, byProduct } = generateRemediations(streamRandom(seed, 'remediations'));
  const vulnerabilities = generateVulnerabilities(streamRandom(seed, 'vulns'), metas, groupPlan.groups, byProduct, cid, anchor);
  const reports = generateReports(streamRandom(seed, 'reports'), cid, anchor);
  const iocs = generateIocs(streamRandom(seed, 'iocs'), anchor, plan.sha256[0], groupPlan.groups);

  return {
    cid,
    anchor,
    hosts,
    processes: factory.processes,
    sightings,
    iocs,
    alerts,
    incidents,
    behaviors,
    crowdScores,
    scheduledReports: reports.reports,
    reportExecutions: reports.executions,
    hostGroups: new Map(groupPlan.groups.map((g) => [g.id, g])),
    vulnerabilities,
    remediations,
    samples: {
      hostnames,
      ...(reusedHostname ? { reusedHostname } : {}),
      sha256: plan.sha256,
      md5: plan.md5,
      domains: plan.domains,
    },
  };
}
