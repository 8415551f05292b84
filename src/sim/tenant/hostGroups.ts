// Host groups: a few dynamic groups with FQL assignment rules, whose
// membership follows the rule exactly, plus static groups with hand-picked
// members. Each host ends up in 0-2 groups.
import type { Random } from '../random.js';
import type { HostGroup } from './records/hosts.js';
import type { HostMeta } from './meta.js';
import { DAY, between, hex, iso } from './util.js';

interface GroupSpec {
  name: string;
  description: string;
  group_type: HostGroup['group_type'];
  assignment_rule: string;
  match: (m: HostMeta) => boolean;
  /** chance a matching host is put in a static group (dynamic groups: 1) */
  chance: number;
}

const DYNAMIC: readonly GroupSpec[] = [
  {
    name: 'Finance Workstations',
    description: 'Windows workstations in the Finance OU',
    group_type: 'dynamic',
    assignment_rule: "platform_name:'Windows'+product_type_desc:'Workstation'+ou:'Finance'",
    match: (m) => m.host.platform_name === 'Windows' && m.role === 'workstation' && m.dept.code === 'FIN',
    chance: 1,
  },
  {
    name: 'Domain Controllers',
    description: 'All Active Directory domain controllers',
    group_type: 'dynamic',
    assignment_rule: "product_type_desc:'Domain Controller'",
    match: (m) => m.role === 'dc',
    chance: 1,
  },
  {
    name: 'Windows Servers',
    description: 'Member servers running Windows Server',
    group_type: 'dynamic',
    assignment_rule: "platform_name:'Windows'+product_type_desc:'Server'",
    match: (m) => m.host.platform_name === 'Windows' && m.role === 'server',
    chance: 1,
  },
  {
    name: 'Linux Servers',
    description: 'Linux servers in the data center and in AWS',
    group_type: 'dynamic',
    assignment_rule: "platform_name:'Linux'+product_type_desc:'Server'",
    match: (m) => m.host.platform_name === 'Linux' && m.role === 'server',
    chance: 1,
  },
  {
    name: 'macOS Fleet',
    description: 'All managed Macs',
    group_type: 'dynamic',
    assignment_rule: "platform_name:'Mac'",
    match: (m) => m.host.platform_name === 'Mac',
    chance: 1,
  },
];

const STATIC: readonly GroupSpec[] = [
  {
    name: 'Executive Devices',
    description: 'Devices of the executive team (VIP handling)',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.dept.code === 'EXEC' && m.role === 'workstation',
    chance: 1,
  },
  {
    name: 'PCI Scope',
    description: 'Systems in scope for PCI DSS',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.host.tags.includes('FalconGroupingTags/pci'),
    chance: 1,
  },
  {
    name: 'Engineering Laptops',
    description: 'Developer laptops with relaxed device control',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.dept.code === 'ENG' && m.role === 'workstation',
    chance: 0.8,
  },
  {
    name: 'HR Workstations',
    description: 'Human Resources workstations',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.dept.code === 'HR' && m.role === 'workstation',
    chance: 0.9,
  },
  {
    name: 'Remote Workers',
    description: 'Laptops that mostly connect from home networks',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.site.kind === 'remote',
    chance: 0.5,
  },
  {
    name: 'Sensor Update Canary',
    description: 'Early ring for sensor updates',
    group_type: 'staticByID',
    assignment_rule: '',
    match: () => true,
    chance: 0.04,
  },
  {
    name: 'IR Watchlist',
    description: 'Hosts under review by incident response',
    group_type: 'static',
    assignment_rule: '',
    match: (m) => m.role === 'workstation',
    chance: 0.01,
  },
];

const AUTHORS = ['admin@example.com', 'it-ops@example.com', 'soc-lead@example.com'] as const;

export interface GroupPlan {
  groups: HostGroup[];
  /** Picks the groups of one host (ids), at most two. */
  assign(meta: HostMeta, rng: Random): string[];
}

export function generateHostGroups(rng: Random, anchor: number): GroupPlan {
  const optional = rng.int(3, STATIC.length);
  const keep = new Set(rng.sample(STATIC.map((_, i) => i), optional));
  const specs = [...DYNAMIC, ...STATIC.filter((_, i) => keep.has(i))];
  const ids: string[] = [];
  const groups = specs.map((spec): HostGroup => {
    const created = anchor - between(rng, 90 * DAY, 720 * DAY);
    const modified = created + between(rng, 0, anchor - created);
    const id = hex(rng, 32);
    ids.push(id);
    const author = rng.pick(AUTHORS);
    return {
      id,
      name: spec.name,
      description: spec.description,
      group_type: spec.group_type,
      assignment_rule: spec.assignment_rule,
      created_by: author,
      created_timestamp: iso(created),
      modified_by: rng.chance(0.7) ? author : rng.pick(AUTHORS),
      modified_timestamp: iso(modified),
    };
  });
  const dynamicCount = DYNAMIC.length;
  return {
    groups,
    assign(meta, r) {
      const out: string[] = [];
      for (let i = 0; i < dynamicCount; i++) {
        if ((specs[i] as GroupSpec).match(meta)) {
          out.push(ids[i] as string);
          break;
        }
      }
      for (let i = dynamicCount; i < specs.length; i++) {
        const spec = specs[i] as GroupSpec;
        if (spec.match(meta) && r.chance(spec.chance)) {
          out.push(ids[i] as string);
          break;
        }
      }
      return out;
    },
  };
}
