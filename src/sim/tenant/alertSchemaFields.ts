// The alert fields the API's schema marks required beyond the core ones
// (the typed SDKs read them without null checks: the npm SDK maps
// `mitre_attack`, so an alert without it throws), and the optional ones
// integrations commonly read. All derived from the alert's own facts, so
// adding them draws nothing from the tenant's random streams.
import type { Alert } from './records/detections.js';
import type { HostMeta } from './meta.js';
import type { AlertTemplate } from './mitre.js';
import { SECOND, iso } from './util.js';

export type CoreAlert = Omit<Alert, keyof SchemaFields | 'device'>;
export type SchemaFields = Pick<
  Alert,
  | 'aggregation_rule_id' | 'aggregation_rule_name' | 'cms_rule_id' | 'cms_rule_instance_id' | 'cms_rule_instance_version'
  | 'crawled_timestamp' | 'data_domains' | 'email_sent' | 'external' | 'is_aggregated' | 'is_falcon_platform_ioa'
  | 'linked_behavioral_detections' | 'linked_case_ids' | 'mitre_attack' | 'origin_cid' | 'pattern_id' | 'platform'
  | 'resolution' | 'seconds_to_resolved' | 'seconds_to_triaged' | 'source_products' | 'source_vendors'
  | 'falcon_host_link' | 'pattern_disposition' | 'pattern_disposition_description'
>;

const VERDICTS = ['true_positive', 'false_positive'];

export function schemaFields(a: CoreAlert, m: HostMeta, t: AlertTemplate): SchemaFields {
  const created = Date.parse(a.created_timestamp);
  const updated = Date.parse(a.updated_timestamp);
  const handled = Math.max(0, Math.round((updated - created) / SECOND));
  const prevented = a.severity >= 90;
  return {
    // Endpoint detections are not built by aggregation or NG-SIEM correlation rules: those ids are empty.
    aggregation_rule_id: '',
    aggregation_rule_name: '',
    cms_rule_id: '',
    cms_rule_instance_id: '',
    cms_rule_instance_version: '',
    crawled_timestamp: iso(created + (1 + (a.severity % 7)) * SECOND),
    data_domains: ['Endpoint'],
    email_sent: a.severity >= 70,
    external: false,
    is_aggregated: false,
    is_falcon_platform_ioa: false,
    linked_behavioral_detections: [],
    linked_case_ids: [],
    mitre_attack: [{ pattern_id: t.patternId, tactic: a.tactic, tactic_id: a.tactic_id, technique: a.technique, technique_id: a.technique_id }],
    origin_cid: a.cid,
    pattern_id: t.patternId,
    platform: m.host.platform_name,
    resolution: a.status !== 'closed' ? '' : (a.tags.find((tag) => VERDICTS.includes(tag)) ?? 'ignored'),
    seconds_to_resolved: a.status === 'closed' ? handled : 0,
    seconds_to_triaged: a.status === 'new' ? 0 : handled,
    source_products: ['Falcon Insight'],
    source_vendors: ['CrowdStrike'],
    falcon_host_link: `https://falcon.crowdstrike.com/activity-v2/detections/${encodeURIComponent(a.composite_id)}`,
    pattern_disposition: prevented ? 16 : 0,
    pattern_disposition_description: prevented ? 'Prevention, process killed.' : 'Detection, standard detection.',
  };
}
