// Records of the simulated tenant, in the API's wire shape (snake_case), as
// the real Falcon API returns them. Fields whose names start with `_` are the
// simulator's own bookkeeping and are stripped before a record is sent.

export type Platform = 'Windows' | 'Mac' | 'Linux';

export type ContainmentStatus =
  | 'normal'
  | 'containment_pending'
  | 'contained'
  | 'lift_containment_pending';

export interface DevicePolicy {
  policy_type: string;
  policy_id: string;
  applied: boolean;
  settings_hash?: string;
  assigned_date?: string;
  applied_date?: string;
}

export interface Host {
  device_id: string; // 32 lowercase hex
  cid: string; // 32 lowercase hex
  hostname: string;
  platform_name: Platform;
  platform_id: string; // "0" Windows, "1" Mac, "3" Linux
  os_version: string;
  os_product_name: string;
  os_build?: string;
  kernel_version?: string;
  major_version: string;
  minor_version: string;
  product_type_desc: 'Workstation' | 'Server' | 'Domain Controller';
  agent_version: string;
  agent_load_flags: string;
  status: ContainmentStatus;
  first_seen: string; // RFC 3339 UTC, seconds precision
  last_seen: string;
  modified_timestamp: string;
  local_ip: string;
  external_ip: string;
  connection_ip: string;
  default_gateway_ip: string;
  mac_address: string; // "00-11-22-33-44-55"
  connection_mac_address: string;
  machine_domain: string;
  ou: string[];
  site_name: string;
  serial_number: string;
  system_manufacturer: string;
  system_product_name: string;
  bios_manufacturer: string;
  bios_version: string;
  chassis_type: string;
  chassis_type_desc: string;
  tags: string[]; // "FalconGroupingTags/<name>"
  groups: string[]; // host group ids
  reduced_functionality_mode: 'yes' | 'no' | 'Unknown';
  filesystem_containment_status: 'normal' | 'contained';
  host_hidden_status: 'visible' | 'hidden';
  detection_suppression_status?: string;
  last_login_user?: string;
  last_reboot?: string;
  zone_group?: string;
  instance_id?: string;
  service_provider?: string;
  service_provider_account_id?: string;
  /** Undefined until the host is first read: see completeHost (tenant/index.ts), which fills both. */
  device_policies: Record<string, DevicePolicy> | undefined;
  policies: DevicePolicy[] | undefined;
  /** Online state for /devices/entities/online-state/v1. */
  _online: 'online' | 'offline' | 'unknown';
  /** The host's number in its tenant, for what is kept per host outside the record (its policies). */
  _ordinal: number;
  /** Epoch ms when a pending containment/lift completes (lazy state machine). */
  _transitionAt?: number;
}

export interface ProcessRecord {
  device_id: string;
  process_id: string; // "pid:<device_id>:<process_id_local>"
  process_id_local: string;
  file_name: string;
  command_line: string;
  start_timestamp: string;
  start_timestamp_raw: string;
  stop_timestamp: string;
  stop_timestamp_raw: string;
  /** Hashes of the image this process ran; the indicator lookups match these. */
  _sha256: string;
  _md5: string;
}

export type IndicatorType = 'sha256' | 'md5' | 'domain' | 'ipv4' | 'ipv6';

/** One observation of an indicator on a host (what the legacy IOC lookups search). */
export interface Sighting {
  type: IndicatorType;
  value: string; // hashes lowercase
  device_id: string;
  /** process ids on that host that involved the indicator */
  process_ids: string[];
  first_seen: string;
  last_seen: string;
}

export interface Ioc {
  id: string; // 64 hex
  type: IndicatorType;
  value: string;
  action: 'no_action' | 'allow' | 'detect' | 'prevent' | 'prevent_no_ui';
  mobile_action?: 'no_action' | 'allow' | 'detect' | 'prevent';
  severity: '' | 'informational' | 'low' | 'medium' | 'high' | 'critical';
  platforms: string[];
  applied_globally: boolean;
  host_groups: string[];
  tags: string[];
  source: string;
  description: string;
  expiration?: string;
  expired: boolean;
  deleted: boolean;
  created_on: string;
  created_by: string;
  modified_on: string;
  modified_by: string;
  from_parent: boolean;
  metadata: Record<string, string>;
}

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

export interface ReportParams {
  columns: string[];
  dashboard_id: string;
  dashboard_visibility: string;
  filter: string;
  filter_display: string;
  filter_ui: string;
  format: 'csv' | 'json';
  sort: string;
}

export interface ScheduledReport {
  id: string; // 32 hex
  name: string;
  description: string;
  /** the family the report reads */
  type: 'hosts' | 'alerts' | 'spotlight_vulnerabilities' | 'incidents';
  status: 'ACTIVE' | 'INACTIVE';
  customer_id: string;
  user_id: string;
  user_uuid: string;
  api_client_id: string;
  created_on: string;
  last_updated_on: string;
  expiration_on: string;
  schedule_type: string;
  schedule: { interval: number; start_timestamp: string; ignored_by_channelfile: boolean };
  report_params: ReportParams;
  shared_with: string[];
  notifications: unknown[];
}

export interface ReportExecution {
  id: string;
  scheduled_report_id: string;
  type: ScheduledReport['type'];
  customer_id: string;
  user_id: string;
  user_uuid: string;
  created_on: string;
  last_updated_on: string;
  expiration_on: string;
  status: 'PENDING' | 'DONE' | 'FAILED';
  status_display: string;
  status_msg: string;
  shared_with: string[];
  report_params: ReportParams;
  can_write: boolean;
  execution_metadata: Record<string, unknown>;
  result_metadata: Record<string, unknown> & { result_count: number; execution_finish: string };
  /** epoch ms when a PENDING run completes (lazy, like containment) */
  _readyAt?: number;
}

export interface HostGroup {
  id: string; // 32 hex
  name: string;
  description: string;
  group_type: 'static' | 'dynamic' | 'staticByID';
  assignment_rule: string;
  created_by: string;
  created_timestamp: string;
  modified_by: string;
  modified_timestamp: string;
}

export interface Vulnerability {
  id: string; // "<aid>_<hash>"
  aid: string;
  cid: string;
  status: 'open' | 'closed' | 'reopen' | 'expired';
  created_timestamp: string;
  updated_timestamp: string;
  closed_timestamp?: string;
  vulnerability_id: string; // CVE id
  data_providers: { provider: string }[];
  cve: {
    id: string;
    base_score: number;
    severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' | 'UNKNOWN';
    exploit_status: 0 | 30 | 60 | 90;
    exprt_rating: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
    cisa_info?: { is_cisa_kev: boolean; due_date?: string };
    description: string;
    published_date: string;
    vector: string;
    vendor_advisory: string[];
    references: string[];
  };
  host_info: {
    hostname: string;
    local_ip: string;
    machine_domain: string;
    os_version: string;
    ou: string;
    site_name: string;
    system_manufacturer: string;
    platform: Platform;
    product_type_desc: string;
    tags: string[];
    groups: { id: string; name: string }[];
    asset_criticality: string;
  };
  remediation: { ids: string[] };
  apps: { product_name_version: string; sub_status: string; remediation: { ids: string[] } }[];
}

export interface Remediation {
  id: string;
  title: string;
  action: string;
  link: string;
  reference: string;
  vendor_url: string;
}

/** The whole simulated tenant. Maps are keyed by each record's id. */
export interface Tenant {
  cid: string;
  /** Timestamps in the data are relative to this instant (epoch ms). */
  anchor: number;
  hosts: Map<string, Host>;
  processes: Map<string, ProcessRecord>;
  sightings: Sighting[];
  iocs: Map<string, Ioc>;
  alerts: Map<string, Alert>; // keyed by composite_id
  incidents: Map<string, Incident>;
  behaviors: Map<string, Behavior>; // keyed by behavior_id
  /** hourly, oldest first */
  crowdScores: CrowdScore[];
  scheduledReports: Map<string, ScheduledReport>;
  reportExecutions: Map<string, ReportExecution>;
  hostGroups: Map<string, HostGroup>;
  vulnerabilities: Map<string, Vulnerability>;
  remediations: Map<string, Remediation>;
  /** Values that appear in the seeded data, for the startup banner and docs. */
  samples: {
    hostnames: string[]; // 3
    /** a hostname several hosts share (a reimaged machine), when the fleet has one */
    reusedHostname?: string;
    sha256: string[]; // 3, each seen on several hosts
    md5: string[]; // 1, seen on several hosts
    domains: string[]; // 2, seen on several hosts
  };
}

export interface TenantOptions {
  seed: number;
  hosts: number;
  /** epoch ms the data is anchored to */
  anchor: number;
  /** the tenant's CID; derived from the seed when absent (MSSP children pass their own) */
  cid?: string;
}
