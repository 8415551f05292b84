// Detections of the simulated tenant: alerts, the incidents and behaviors
// they make up, and the hourly CrowdScore, in the API's wire shape
// (snake_case).
import type { Platform } from './hosts.js';

export interface Alert {
  composite_id: string; // "<cid>:ind:<agent_id>:<n>-<m>"
  id: string; // "ind:<agent_id>:<n>-<m>"
  aggregate_id: string;
  cid: string;
  agent_id: string;
  status: 'new' | 'in_progress' | 'reopened' | 'closed';
  severity: number; // 1..100
  severity_name: 'Informational' | 'Low' | 'Medium' | 'High' | 'Critical';
  confidence: number;
  name: string;
  display_name: string;
  description: string;
  product: 'epp' | 'idp' | 'ngsiem' | 'xdr';
  type: string;
  tactic: string;
  tactic_id: string;
  technique: string;
  technique_id: string;
  objective: string;
  scenario: string;
  filename: string;
  filepath: string;
  sha256: string;
  md5: string;
  cmdline: string;
  /** the account the detected process ran as */
  user_name: string;
  /** "pid:<agent_id>:<local id>", the process record of the detection */
  process_id: string;
  local_process_id: string;
  /** the process that started the detected one */
  parent_details: { cmdline: string; filename: string; filepath: string; local_process_id: string; process_id: string; sha256: string; md5: string; user_name: string; timestamp: string };
  tags: string[];
  /** who wrote each comment (assigned analyst, or the API client that appended it) */
  comments: { value: string; timestamp: string; author?: string }[];
  show_in_ui: boolean;
  created_timestamp: string;
  updated_timestamp: string;
  timestamp: string;
  assigned_to_name: string;
  assigned_to_uid: string;
  assigned_to_uuid: string;
  // Required by the API's schema (the SDKs read them without null checks).
  aggregation_rule_id: string;
  aggregation_rule_name: string;
  cms_rule_id: string;
  cms_rule_instance_id: string;
  cms_rule_instance_version: string;
  crawled_timestamp: string;
  data_domains: string[];
  email_sent: boolean;
  external: boolean;
  is_aggregated: boolean;
  is_falcon_platform_ioa: boolean;
  linked_behavioral_detections: string[];
  linked_case_ids: string[];
  mitre_attack: { pattern_id: number; tactic: string; tactic_id: string; technique: string; technique_id: string }[];
  origin_cid: string;
  pattern_id: number;
  platform: Platform;
  /** '' until closed; then true_positive, false_positive or ignored */
  resolution: string;
  seconds_to_resolved: number;
  seconds_to_triaged: number;
  source_products: string[];
  source_vendors: string[];
  // Optional fields integrations commonly read.
  falcon_host_link: string;
  pattern_disposition: number;
  pattern_disposition_description: string;
  device: {
    device_id: string;
    hostname: string;
    platform_name: Platform;
    os_version: string;
    local_ip: string;
    external_ip: string;
    machine_domain: string;
    agent_version: string;
    first_seen: string;
    last_seen: string;
    mac_address: string;
    product_type_desc: string;
    status: string;
  };
}

/** A CrowdScore incident: behaviors on one host close together in time. */
export interface Incident {
  incident_id: string; // "inc:<aid>:<32 hex>"
  incident_type: number;
  cid: string;
  host_ids: string[];
  hosts: Record<string, unknown>[];
  created: string;
  start: string;
  end: string;
  modified_timestamp: string;
  state: 'open' | 'closed';
  /** 20 New, 25 Reopened, 30 In Progress, 40 Closed */
  status: number;
  name: string;
  description: string;
  /** the incident score times ten (38 = 3.8) */
  fine_score: number;
  tags: string[];
  tactics: string[];
  techniques: string[];
  objectives: string[];
  users: string[];
  assigned_to: string;
  assigned_to_name: string;
  email_state: string;
  events_histogram: { timestamp_min: number; timestamp_max: number; count: number; has_detect: boolean; has_prevented: boolean; has_overwatch: boolean }[];
  lm_host_ids: string[];
  lm_hosts_capped: boolean;
  lmra_host_ids: string[];
  lmra_hosts_capped: boolean;
  lm_types: number;
}

/** One behavior of an incident; its id is the id of the alert it stands for. */
export interface Behavior {
  behavior_id: string;
  aid: string;
  cid: string;
  incident_id: string;
  incident_ids: string[];
  alert_ids: string[];
  alerts_details: { id: string; severity: number; severity_name: string }[];
  timestamp: string;
  template_instance_id: number;
  pattern_id: number;
  pattern_description: string;
  pattern_disposition: number;
  display_name: string;
  tactic: string;
  tactic_id: string;
  technique: string;
  technique_id: string;
  objective: string;
  compound_tto: string;
  filepath: string;
  cmdline: string;
  sha256: string;
  user_name: string;
  domain: string;
  ioc_type: string;
  ioc_value: string;
  ioc_source: string;
  exclusion_type: string;
}

export interface CrowdScore {
  id: string;
  cid: string;
  timestamp: string;
  score: number;
  adjusted_score: number;
}
