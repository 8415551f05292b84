// CrowdStrike's own npm SDK (crowdstrike-falcon 0.7.0, unmodified) against the
// simulator over real HTTP: every hand-modelled family, through the SDK's
// typed calls. Its generated models read required fields without null checks,
// so a record missing one throws here exactly as it would for an SDK user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlertsApi,
  Configuration,
  HostGroupApi,
  HostsApi,
  IncidentsApi,
  IocApi,
  IocsApi,
  Oauth2Api,
  ReportExecutionsApi,
  ScheduledReportsApi,
  SpotlightEvaluationLogicApi,
  SpotlightVulnerabilitiesApi,
  instanceOfDetectsExternalAlert,
  type DetectsapiAggregateAlertQueryRequest,
} from 'crowdstrike-falcon';
import { startSimulator, type RunningSimulator } from '../../src/sim/server.js';

let sim: RunningSimulator;
let config: Configuration;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: '127.0.0.1', seed: 1, hosts: 500 });
  // The SDK's own token call; its clients take a base URL through Configuration, as any generated client does.
  const oauth = new Oauth2Api(new Configuration({ basePath: sim.url }));
  const token = await oauth.oauth2AccessToken(sim.clients.demo.id, sim.clients.demo.secret);
  expect(token.accessToken).toBeTruthy();
  config = new Configuration({ basePath: sim.url, accessToken: async () => `Bearer ${token.accessToken}` });
});
afterAll(() => sim.close());

/** A full aggregation request as the SDK's type demands it (unused parts empty). */
function aggregation(part: Partial<DetectsapiAggregateAlertQueryRequest>): DetectsapiAggregateAlertQueryRequest {
  return {
    dateRanges: [], exclude: '', field: '', filter: '', from: 0, include: '', interval: '', missing: '', name: '',
    q: '', ranges: [], size: 10, sort: '', subAggregates: [], timeZone: '', type: 'terms', ...part,
  };
}

describe('crowdstrike-falcon SDK against the simulator', () => {
  it('hosts: query, scroll, combined, details, online state, tags', async () => {
    const hosts = new HostsApi(config);
    const q = await hosts.queryDevicesByFilter(0, 50, 'hostname.asc', "platform_name:'Windows'");
    expect(q.resources).toHaveLength(50);
    expect(q.meta.pagination?.offset).toBe(50);
    const scroll = await hosts.queryDevicesByFilterScroll(undefined, 100);
    expect(scroll.resources).toHaveLength(100);
    const combined = await hosts.combinedDevicesByFilter(undefined, 5, 'device_id.asc' as never, undefined, 'hostname,status');
    expect(combined.resources?.[0]?.deviceId).toMatch(/^[0-9a-f]{32}$/);
    const details = await hosts.getDeviceDetailsV2(q.resources.slice(0, 3));
    expect(details.resources.map((d) => d.platformName)).toEqual(['Windows', 'Windows', 'Windows']);
    const posted = await hosts.postDeviceDetailsV2({ ids: q.resources.slice(0, 10) });
    expect(posted.resources).toHaveLength(10);
    const online = await hosts.getOnlineStateV1(q.resources.slice(0, 2));
    expect(online.resources.map((o) => o.state).every((s) => ['online', 'offline', 'unknown'].includes(s))).toBe(true);
    const tagged = await hosts.updateDeviceTags({ action: 'add', deviceIds: [q.resources[0] as string], tags: ['FalconGroupingTags/sdk'] });
    expect(tagged.errors ?? []).toEqual([]);
  });

  it('host actions: contain and lift with performActionV2', async () => {
    const hosts = new HostsApi(config);
    const aid = (await hosts.queryDevicesByFilter(0, 1, undefined, "status:'normal'")).resources[0] as string;
    const contained = await hosts.performActionV2('contain', { ids: [aid] });
    expect(contained.resources[0]?.id).toBe(aid);
    const state = await hosts.getDeviceDetailsV2([aid]);
    expect(state.resources[0]?.status).toBe('containment_pending');
  });

  it('IOCs: search, combined, get, create', async () => {
    const ioc = new IocApi(config);
    const ids = await ioc.indicatorSearchV1(undefined, 0, 10);
    expect(ids.resources.length).toBeGreaterThan(0);
    const got = await ioc.indicatorGetV1(ids.resources.slice(0, 2));
    expect(got.resources?.[0]?.type).toBeTruthy();
    const combined = await ioc.indicatorCombinedV1(undefined, 0, 5);
    expect(combined.resources?.length).toBeGreaterThan(0);
    const created = await ioc.indicatorCreateV1({
      comment: 'sdk test',
      indicators: [{ type: 'domain', value: 'sdk-test.example', action: 'detect', severity: 'high', platforms: ['windows'], appliedGlobally: true }],
    });
    expect(created.resources?.[0]?.value).toBe('sdk-test.example');
  });

  it('indicators: devices ran on, device count, processes, process entities', async () => {
    const iocs = new IocsApi(config);
    const sha = sim.samples.sha256[0] as string;
    const devices = await iocs.devicesRanOn('sha256', sha);
    expect(devices.resources.length).toBeGreaterThan(1);
    const count = await iocs.devicesCount('sha256', sha);
    expect(count.resources[0]?.deviceCount).toBe(devices.resources.length);
    const procs = await iocs.processesRanOn('sha256', sha, devices.resources[0] as string);
    const entities = await iocs.entitiesProcesses(procs.resources.slice(0, 1));
    expect(entities.resources[0]?.deviceId).toBe(devices.resources[0]);
  });

  it('alerts: query, getV2, combined walk, aggregates with sub-aggregates, update', async () => {
    const alerts = new AlertsApi(config);
    const ids = await alerts.queryV2(undefined, 0, 50, 'created_timestamp|desc');
    expect(ids.resources).toHaveLength(50);
    const got = await alerts.getV2({ compositeIds: ids.resources });
    expect(got.resources).toHaveLength(50);
    for (const a of got.resources) {
      expect(instanceOfDetectsExternalAlert(a)).toBe(true);
      expect(a.mitreAttack[0]?.techniqueId).toBe(a.techniqueId);
      expect(a.crawledTimestamp.getTime()).toBeGreaterThanOrEqual(a.createdTimestamp.getTime());
      expect(sim.tenant.hosts.get(a.agentId)?.platform_name).toBe(a.platform);
    }
    let after: string | undefined;
    let walked = 0;
    for (let page = 0; page < 10; page++) {
      const r = await alerts.postCombinedAlertsV1({ limit: 100, sort: 'created_timestamp|desc', after });
      walked += r.resources.length;
      after = r.meta.pagination?.after;
      if (!after) break;
    }
    expect(walked).toBe(sim.tenant.alerts.size);
    const agg = await alerts.getAggregateV2([
      aggregation({ name: 'by_severity', field: 'severity_name', subAggregates: [aggregation({ name: 'by_status', field: 'status' })] }),
      aggregation({ name: 'per_day', type: 'date_histogram', field: 'created_timestamp', interval: 'day', size: 0 }),
    ]);
    const bySeverity = agg.resources[0];
    expect(bySeverity?.buckets.reduce((n, b) => n + b.count, 0)).toBe(sim.tenant.alerts.size);
    for (const b of bySeverity?.buckets ?? []) {
      expect(b.subAggregates?.[0]?.buckets.reduce((n, s) => n + s.count, 0)).toBe(b.count);
    }
    expect(agg.resources[1]?.buckets.length).toBeGreaterThan(20);
    const updated = await alerts.updateV3({ compositeIds: ids.resources.slice(0, 1), actionParameters: [{ name: 'update_status', value: 'in_progress' }] });
    expect(updated.meta.writes?.resourcesAffected).toBe(1);
  });

  it('host groups: query, combined, get, members, group action', async () => {
    const groups = new HostGroupApi(config);
    const ids = await groups.queryHostGroups();
    const got = await groups.getHostGroups(ids.resources.slice(0, 2));
    expect(got.resources[0]?.name).toBeTruthy();
    const combined = await groups.queryCombinedHostGroups();
    expect(combined.resources.length).toBe(ids.resources.length);
    const members = await groups.queryGroupMembers(ids.resources[0]);
    expect(Array.isArray(members.resources)).toBe(true);
    const hosts = new HostsApi(config);
    const aid = (await hosts.queryDevicesByFilter(0, 1)).resources[0] as string;
    const staticGroup = combined.resources.find((g) => g.groupType === 'static');
    const acted = await groups.performGroupAction('add-hosts', {
      ids: [staticGroup?.id as string],
      actionParameters: [{ name: 'filter', value: `device_id:['${aid}']` }],
    });
    expect(acted.resources[0]?.id).toBe(staticGroup?.id);
  });

  it('Spotlight: vulnerabilities, combined with facets, remediations, evaluation logic', async () => {
    const spot = new SpotlightVulnerabilitiesApi(config);
    const ids = await spot.queryVulnerabilities("status:'open'", undefined, 20);
    expect(ids.resources).toHaveLength(20);
    const got = await spot.getVulnerabilities(ids.resources.slice(0, 5));
    expect(got.resources[0]?.cve?.id).toMatch(/^CVE-/);
    const combined = await spot.combinedQueryVulnerabilities("status:'open'", undefined, 5, undefined, ['cve', 'remediation', 'evaluation_logic']);
    expect(combined.resources.length).toBe(5);
    const remediationIds = got.resources.flatMap((v) => v.remediation?.ids ?? []);
    const remediations = await spot.getRemediationsV2(remediationIds.slice(0, 2));
    expect(remediations.resources.length).toBeGreaterThan(0);
    const logic = new SpotlightEvaluationLogicApi(config);
    const aid = got.resources[0]?.aid as string;
    const logicIds = await logic.queryEvaluationLogic(`aid:'${aid}'`);
    expect(logicIds.resources).toContain(got.resources[0]?.id);
    const entities = await logic.getEvaluationLogic(logicIds.resources);
    expect(entities.resources[0]?.logic?.[0]?.title).toContain('older than');
    const logicCombined = await logic.combinedQueryEvaluationLogic(`aid:'${aid}'`, undefined, 10);
    expect(logicCombined.resources.map((l) => l.id).sort()).toEqual([...logicIds.resources].sort());
  });

  it('incidents and behaviors: queries, entities, CrowdScore, incident action', async () => {
    const inc = new IncidentsApi(config);
    const ids = await inc.queryIncidents('fine_score.desc' as never, "state:'open'", 0, 20);
    expect(ids.resources.length).toBeGreaterThan(0);
    const incidents = await inc.getIncidents({ ids: ids.resources as unknown as string[] });
    const scores = incidents.resources.map((i) => i.fineScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = incidents.resources[0];
    expect(sim.tenant.hosts.has(first?.hostIds[0] as string)).toBe(true);
    const behaviorIds = await inc.queryBehaviors(`incident_id:'${first?.incidentId}'`);
    const behaviors = await inc.getBehaviors({ ids: behaviorIds.resources });
    expect(behaviors.resources.length).toBeGreaterThan(0);
    for (const b of behaviors.resources) {
      expect(b.aid).toBe(first?.hostIds[0]);
      // Each behavior is one of the tenant's alerts, on a process of that host.
      const alert = sim.tenant.alerts.get(b.alertIds?.[0] as string);
      expect(alert?.id).toBe(b.behaviorId);
      expect(sim.tenant.processes.get(alert?.process_id as string)?.device_id).toBe(b.aid);
    }
    const score = await inc.crowdScore(undefined, 0, 24, 'timestamp.desc' as never);
    expect(score.resources).toHaveLength(24);
    expect(score.resources[0]?.score).toBeGreaterThanOrEqual(0);
    const acted = await inc.performIncidentAction({ ids: [first?.incidentId as string], actionParameters: [{ name: 'update_status', value: '30' }] }, true);
    expect(acted.errors ?? []).toEqual([]);
    expect((await inc.getIncidents({ ids: [first?.incidentId as string] })).resources[0]?.status).toBe(30);
  });

  it('reports: scheduled reports, executions, run now, retry and download', async () => {
    const reports = new ScheduledReportsApi(config);
    const runs = new ReportExecutionsApi(config);
    const ids = await reports.query(undefined, undefined, undefined, undefined, 10);
    expect(ids.resources.length).toBeGreaterThan(3);
    const got = await reports.queryById(ids.resources);
    expect(got.resources[0]?.reportParams.columns.length).toBeGreaterThan(0);
    const done = await runs.reportExecutionsQuery(undefined, "status:'DONE'+type:'hosts'", undefined, undefined, 5);
    const executions = await runs.reportExecutionsGet(done.resources);
    expect(executions.resources.every((e) => e.status === 'DONE')).toBe(true);
    // The download is a file, not an envelope: the SDK hands back no body, so fetch it as a user would too.
    await runs.reportExecutionsDownloadGet(done.resources[0] as string);
    const launched = await reports.execute([{ id: ids.resources[0] as string }]);
    expect(launched.resources[0]?.status).toBe('PENDING');
    const failed = await runs.reportExecutionsQuery(undefined, "status:'FAILED'");
    if (failed.resources.length > 0) {
      const retried = await runs.reportExecutionsRetry([{ id: failed.resources[0] as string }]);
      expect(retried.resources[0]?.executionMetadata?.retryReportExecutionId).toBe(failed.resources[0]);
    }
  });
});
