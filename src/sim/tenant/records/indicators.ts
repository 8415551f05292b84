// Indicators of the simulated tenant: where each was seen (the legacy IOC
// lookups) and the custom IOCs, in the API's wire shape (snake_case).

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
