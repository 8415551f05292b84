// Spotlight vulnerabilities of the simulated tenant and their remediations,
// in the API's wire shape (snake_case).
import type { Platform } from './hosts.js';

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
