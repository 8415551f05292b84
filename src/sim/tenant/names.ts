// Word lists for the tenant generator: people, departments, sites, operating
// systems, sensor versions and hardware. All names and addresses are made up;
// IP addresses for the outside world use the documentation ranges.
import type { Platform } from './records/hosts.js';

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
  'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Priya', 'Emily',
  'Steven', 'Michelle', 'Andrew', 'Amanda', 'Kenji', 'Melissa', 'Joshua', 'Stephanie', 'Wei', 'Olivia',
  'Ahmed', 'Fatima', 'Lukas', 'Sofia', 'Mateo', 'Hannah', 'Ravi', 'Chloe', 'Oliver', 'Grace',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Patel', 'Kim', 'Chen', 'Mueller', 'Schmidt', 'Rossi', 'Tanaka', 'Singh', 'Okafor', 'Novak',
] as const;

export interface Department {
  code: string;
  name: string;
  tag: string;
  weight: number;
}

export const DEPARTMENTS: readonly Department[] = [
  { code: 'FIN', name: 'Finance', tag: 'finance', weight: 12 },
  { code: 'HR', name: 'Human Resources', tag: 'hr', weight: 6 },
  { code: 'ENG', name: 'Engineering', tag: 'engineering', weight: 24 },
  { code: 'MKT', name: 'Marketing', tag: 'marketing', weight: 8 },
  { code: 'SLS', name: 'Sales', tag: 'sales', weight: 14 },
  { code: 'IT', name: 'IT', tag: 'it', weight: 8 },
  { code: 'LGL', name: 'Legal', tag: 'legal', weight: 4 },
  { code: 'OPS', name: 'Operations', tag: 'operations', weight: 12 },
  { code: 'EXEC', name: 'Executive', tag: 'vip', weight: 3 },
  { code: 'SUP', name: 'Support', tag: 'support', weight: 9 },
];

export type SiteKind = 'office' | 'remote' | 'datacenter' | 'cloud';

export interface Site {
  name: string;
  code: string;
  kind: SiteKind;
  /** first two octets of the site's private range */
  net: string;
  /** NAT egress addresses; empty means a random home address */
  egress: string[];
  /** weight for workstations, for servers */
  weight: [number, number];
  domain?: string;
  region?: string;
}

export const SITES: readonly Site[] = [
  { name: 'NYC-HQ', code: 'NYC', kind: 'office', net: '10.10', egress: ['203.0.113.10', '203.0.113.11'], weight: [34, 8] },
  { name: 'LON-Office', code: 'LON', kind: 'office', net: '10.20', egress: ['203.0.113.40'], weight: [14, 2] },
  { name: 'AUS-Office', code: 'AUS', kind: 'office', net: '10.30', egress: ['203.0.113.70'], weight: [12, 2] },
  { name: 'FRA-Office', code: 'FRA', kind: 'office', net: '172.20', egress: ['203.0.113.100'], weight: [8, 1] },
  { name: 'SGP-Office', code: 'SGP', kind: 'office', net: '172.24', egress: ['203.0.113.130'], weight: [6, 1] },
  { name: 'Remote', code: 'RMT', kind: 'remote', net: '192.168', egress: [], weight: [26, 0] },
  { name: 'DC-Ashburn', code: 'ASH', kind: 'datacenter', net: '172.16', egress: ['203.0.113.180', '203.0.113.181'], weight: [0, 36] },
  {
    name: 'AWS-us-east-1', code: 'USE1', kind: 'cloud', net: '10.100', egress: ['203.0.113.200'],
    weight: [0, 34], domain: 'ec2.internal', region: 'us-east-1',
  },
  {
    name: 'AWS-eu-west-1', code: 'EUW1', kind: 'cloud', net: '10.110', egress: ['203.0.113.220'],
    weight: [0, 16], domain: 'eu-west-1.compute.internal', region: 'eu-west-1',
  },
];

export const HOME_THIRD_OCTETS = [0, 1, 1, 1, 0, 2, 10, 50, 68, 86, 100, 178] as const;

export const AD_DOMAINS = ['corp.example.com', 'ad.example.org', 'int.example.net', 'acme.example'] as const;

export interface OsInfo {
  os_version: string;
  os_product_name: string;
  os_build?: string;
  kernel_version: string;
  major_version: string;
  minor_version: string;
  weight: number;
  /** only for cloud hosts */
  cloudOnly?: boolean;
}

export const WINDOWS_WORKSTATION_OS: readonly OsInfo[] = [
  { os_version: 'Windows 11', os_product_name: 'Windows 11 Enterprise', os_build: '22631', kernel_version: '10.0.22631.4317', major_version: '10', minor_version: '0', weight: 32 },
  { os_version: 'Windows 11', os_product_name: 'Windows 11 Pro', os_build: '26100', kernel_version: '10.0.26100.2314', major_version: '10', minor_version: '0', weight: 18 },
  { os_version: 'Windows 10', os_product_name: 'Windows 10 Enterprise', os_build: '19045', kernel_version: '10.0.19045.5011', major_version: '10', minor_version: '0', weight: 32 },
  { os_version: 'Windows 10', os_product_name: 'Windows 10 Pro', os_build: '19045', kernel_version: '10.0.19045.4894', major_version: '10', minor_version: '0', weight: 18 },
];

export const WINDOWS_SERVER_OS: readonly OsInfo[] = [
  { os_version: 'Windows Server 2022', os_product_name: 'Windows Server 2022 Standard', os_build: '20348', kernel_version: '10.0.20348.2762', major_version: '10', minor_version: '0', weight: 35 },
  { os_version: 'Windows Server 2022', os_product_name: 'Windows Server 2022 Datacenter', os_build: '20348', kernel_version: '10.0.20348.2700', major_version: '10', minor_version: '0', weight: 20 },
  { os_version: 'Windows Server 2019', os_product_name: 'Windows Server 2019 Standard', os_build: '17763', kernel_version: '10.0.17763.6414', major_version: '10', minor_version: '0', weight: 30 },
  { os_version: 'Windows Server 2019', os_product_name: 'Windows Server 2019 Datacenter', os_build: '17763', kernel_version: '10.0.17763.6293', major_version: '10', minor_version: '0', weight: 15 },
];

export const MAC_OS: readonly OsInfo[] = [
  { os_version: 'Sequoia (15)', os_product_name: 'macOS', os_build: '24B91', kernel_version: '24.1.0', major_version: '24', minor_version: '1', weight: 34 },
  { os_version: 'Sequoia (15)', os_product_name: 'macOS', os_build: '24A348', kernel_version: '24.0.0', major_version: '24', minor_version: '0', weight: 24 },
  { os_version: 'Sonoma (14)', os_product_name: 'macOS', os_build: '23H222', kernel_version: '23.6.0', major_version: '23', minor_version: '6', weight: 28 },
  { os_version: 'Sonoma (14)', os_product_name: 'macOS', os_build: '23G93', kernel_version: '23.6.0', major_version: '23', minor_version: '6', weight: 14 },
];

export const LINUX_OS: readonly OsInfo[] = [
  { os_version: 'Ubuntu 22.04', os_product_name: 'Ubuntu', kernel_version: '5.15.0-122-generic', major_version: '5', minor_version: '15', weight: 28 },
  { os_version: 'Ubuntu 24.04', os_product_name: 'Ubuntu', kernel_version: '6.8.0-47-generic', major_version: '6', minor_version: '8', weight: 20 },
  { os_version: 'RHEL 9.4', os_product_name: 'Red Hat Enterprise Linux', kernel_version: '5.14.0-427.37.1.el9_4.x86_64', major_version: '5', minor_version: '14', weight: 16 },
  { os_version: 'RHEL 8.10', os_product_name: 'Red Hat Enterprise Linux', kernel_version: '4.18.0-553.22.1.el8_10.x86_64', major_version: '4', minor_version: '18', weight: 10 },
  { os_version: 'Amazon Linux 2023', os_product_name: 'Amazon Linux', kernel_version: '6.1.112-122.189.amzn2023.x86_64', major_version: '6', minor_version: '1', weight: 30, cloudOnly: true },
  { os_version: 'Amazon Linux 2', os_product_name: 'Amazon Linux', kernel_version: '5.10.226-214.880.amzn2.x86_64', major_version: '5', minor_version: '10', weight: 12, cloudOnly: true },
];

export const AGENT_VERSIONS: Record<Platform, { versions: string[]; weights: number[] }> = {
  Windows: { versions: ['7.20.19103.0', '7.19.18913.0', '7.18.18808.0', '7.16.18613.0', '7.14.18408.0'], weights: [34, 28, 18, 12, 8] },
  Mac: { versions: ['7.20.19102.0', '7.19.18906.0', '7.18.18805.0', '7.15.18511.0'], weights: [36, 30, 22, 12] },
  Linux: { versions: ['7.20.18004.0', '7.19.17908.0', '7.17.17704.0', '7.14.17405.0'], weights: [30, 30, 26, 14] },
};

export type SerialStyle = 'dell' | 'lenovo' | 'hp' | 'surface' | 'apple' | 'vmware' | 'hyperv' | 'ec2';

export interface Hardware {
  manufacturer: string;
  products: string[];
  bios_manufacturer: string;
  bios_versions: string[];
  chassis: [string, string];
  serial: SerialStyle;
  weight: number;
}

const NOTEBOOK: [string, string] = ['10', 'Notebook'];
const DESKTOP: [string, string] = ['3', 'Desktop'];
const RACK: [string, string] = ['23', 'Rack Mount Chassis'];
const OTHER: [string, string] = ['1', 'Other'];

export const WORKSTATION_HARDWARE: readonly Hardware[] = [
  { manufacturer: 'Dell Inc.', products: ['Latitude 7440', 'Latitude 5440', 'Latitude 7430', 'Precision 5680'], bios_manufacturer: 'Dell Inc.', bios_versions: ['1.17.0', '1.21.1', '1.9.2'], chassis: NOTEBOOK, serial: 'dell', weight: 30 },
  { manufacturer: 'Dell Inc.', products: ['OptiPlex 7010', 'OptiPlex 7000', 'Precision 3660'], bios_manufacturer: 'Dell Inc.', bios_versions: ['1.14.0', '1.20.0'], chassis: DESKTOP, serial: 'dell', weight: 12 },
  { manufacturer: 'LENOVO', products: ['21HM003JUS', '21CB00B7US', '20XW00GWUS', '21DD0051US'], bios_manufacturer: 'LENOVO', bios_versions: ['N3XET60W (1.35 )', 'N3AET79W (1.44 )', 'R23ET74W (1.48 )'], chassis: NOTEBOOK, serial: 'lenovo', weight: 24 },
  { manufacturer: 'HP', products: ['HP EliteBook 840 G10', 'HP EliteBook 860 G9', 'HP ProBook 450 G10'], bios_manufacturer: 'HP', bios_versions: ['V70 Ver. 01.05.02', 'U70 Ver. 01.16.00'], chassis: NOTEBOOK, serial: 'hp', weight: 18 },
  { manufacturer: 'HP', products: ['HP EliteDesk 800 G9 Desktop Mini PC'], bios_manufacturer: 'HP', bios_versions: ['U21 Ver. 02.14.00'], chassis: DESKTOP, serial: 'hp', weight: 6 },
  { manufacturer: 'Microsoft Corporation', products: ['Surface Laptop 5', 'Surface Pro 9'], bios_manufacturer: 'Microsoft Corporation', bios_versions: ['20.100.143', '18.100.143'], chassis: ['9', 'Laptop'], serial: 'surface', weight: 10 },
];

export const MAC_HARDWARE: readonly Hardware[] = [
  { manufacturer: 'Apple Inc.', products: ['MacBookPro18,3', 'Mac14,5', 'Mac15,3', 'Mac15,7'], bios_manufacturer: 'Apple Inc.', bios_versions: ['11881.41.5', '10151.140.19'], chassis: NOTEBOOK, serial: 'apple', weight: 62 },
  { manufacturer: 'Apple Inc.', products: ['Mac14,2', 'Mac15,12', 'MacBookAir10,1'], bios_manufacturer: 'Apple Inc.', bios_versions: ['11881.41.5', '10151.140.19'], chassis: ['9', 'Laptop'], serial: 'apple', weight: 30 },
  { manufacturer: 'Apple Inc.', products: ['Mac14,13', 'Macmini9,1'], bios_manufacturer: 'Apple Inc.', bios_versions: ['11881.41.5'], chassis: DESKTOP, serial: 'apple', weight: 8 },
];

export const SERVER_HARDWARE: readonly Hardware[] = [
  { manufacturer: 'VMware, Inc.', products: ['VMware7,1', 'VMware20,1'], bios_manufacturer: 'VMware, Inc.', bios_versions: ['VMW71.00V.21100432.B64.2301110304', 'VMW201.00V.20192059.B64.2207280713'], chassis: OTHER, serial: 'vmware', weight: 50 },
  { manufacturer: 'Dell Inc.', products: ['PowerEdge R650', 'PowerEdge R750', 'PowerEdge R640'], bios_manufacturer: 'Dell Inc.', bios_versions: ['1.12.1', '2.19.1'], chassis: RACK, serial: 'dell', weight: 22 },
  { manufacturer: 'HPE', products: ['ProLiant DL380 Gen10 Plus', 'ProLiant DL360 Gen10'], bios_manufacturer: 'HPE', bios_versions: ['U46 v1.90 (02/08/2024)', 'U32 v2.90 (07/20/2023)'], chassis: RACK, serial: 'hp', weight: 12 },
  { manufacturer: 'Microsoft Corporation', products: ['Virtual Machine'], bios_manufacturer: 'Microsoft Corporation', bios_versions: ['Hyper-V UEFI Release v4.1'], chassis: DESKTOP, serial: 'hyperv', weight: 16 },
];

export const EC2_HARDWARE: Hardware = {
  manufacturer: 'Amazon EC2', products: ['m5.large', 't3.medium', 'c6i.xlarge', 'm6i.2xlarge', 'r6i.large'],
  bios_manufacturer: 'Amazon EC2', bios_versions: ['1.0'], chassis: OTHER, serial: 'ec2', weight: 1,
};

export interface ServerRole {
  key: string;
  /** hostname code for Windows ("SRV-DB-PROD-03"), word for Linux ("db-prod-02") */
  code: string;
  name: string;
  weight: number;
}

export const WINDOWS_SERVER_ROLES: readonly ServerRole[] = [
  { key: 'db', code: 'DB', name: 'Database', weight: 20 },
  { key: 'app', code: 'APP', name: 'Application', weight: 26 },
  { key: 'web', code: 'WEB', name: 'Web', weight: 18 },
  { key: 'file', code: 'FS', name: 'File', weight: 12 },
  { key: 'print', code: 'PRT', name: 'Print', weight: 6 },
  { key: 'rds', code: 'RDS', name: 'Remote Desktop', weight: 8 },
  { key: 'backup', code: 'BKP', name: 'Backup', weight: 10 },
];

export const LINUX_SERVER_ROLES: readonly ServerRole[] = [
  { key: 'web', code: 'web', name: 'Web', weight: 22 },
  { key: 'api', code: 'api', name: 'API', weight: 18 },
  { key: 'db', code: 'db', name: 'Database', weight: 12 },
  { key: 'k8s', code: 'k8s-worker', name: 'Kubernetes', weight: 20 },
  { key: 'ci', code: 'jenkins-agent', name: 'CI', weight: 8 },
  { key: 'kafka', code: 'kafka', name: 'Messaging', weight: 6 },
  { key: 'cache', code: 'redis', name: 'Cache', weight: 6 },
  { key: 'bastion', code: 'bastion', name: 'Bastion', weight: 3 },
  { key: 'log', code: 'elk', name: 'Logging', weight: 5 },
];

export const ENVIRONMENTS = [
  { key: 'prod', upper: 'PROD', weight: 60 },
  { key: 'staging', upper: 'STG', weight: 25 },
  { key: 'dev', upper: 'DEV', weight: 15 },
] as const;

export const ANALYSTS = [
  { name: 'Dana Whitfield', uid: 'dana.whitfield@example.com' },
  { name: 'Marcus Oyelaran', uid: 'marcus.oyelaran@example.com' },
  { name: 'Ingrid Solberg', uid: 'ingrid.solberg@example.com' },
  { name: 'Tomás Reyes', uid: 'tomas.reyes@example.com' },
  { name: 'Aiko Morimoto', uid: 'aiko.morimoto@example.com' },
] as const;

export const IOC_AUTHORS = ['analyst@example.com', 'soc-lead@example.com', 'threat-intel@example.com', 'ir-team@example.com'] as const;
