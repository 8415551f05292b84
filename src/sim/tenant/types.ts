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
  device_policies: Record<string, DevicePolicy>;
  policies: DevicePolicy[];
  /** Online state for /devices/entities/online-state/v1. */
  _online: 'online' | 'offline' | 'unknown';
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
  device: {
    device_id: string;
    hostname: string;
    platform_name: Platform;
    os_version: string;
    local_ip: string;
    external_ip: string;
    machine_domain: string;
  };
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
  hostGroups: Map<string, HostGroup>;
  vulnerabilities: Map<string, Vulnerability>;
  remediations: Map<string, Remediation>;
  /** Values that appear in the seeded data, for the startup banner and docs. */
  samples: {
    hostnames: string[]; // 3
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
