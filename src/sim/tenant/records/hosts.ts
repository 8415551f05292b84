// Hosts of the simulated tenant, with their policies, the groups they are put
// in and the processes they ran, in the API's wire shape (snake_case). Fields
// whose names start with `_` are the simulator's own bookkeeping and are
// stripped before a record is sent.

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
