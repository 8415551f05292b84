import { describe, expect, it } from 'vitest';
import { compileFilter, compileSort, FqlError, parseFql, sortOrder, toInstant, type SortColumns } from '../../src/sim/fql/index.js';
import type { FieldSchema } from '../../src/sim/fql/index.js';

// A handful of host-like records covering every field type.
const hosts = [
  {
    device_id: 'd1',
    hostname: 'PC-ALPHA-01',
    platform_name: 'Windows',
    status: 'normal',
    local_ip: '10.1.2.3',
    cpu_count: 8,
    ram_gb: 15.5,
    rfm: false,
    last_seen: '2026-01-20T10:00:00Z',
    tags: ['FalconGroupingTags/Prod', 'SensorGroupingTags/Finance'],
    device: { policy: { name: 'Default (Windows)' } },
    machine_domain: 'corp.example.com',
    notes: "O'Brien's laptop",
    policies: [{ policy_id: 'p-prev' }, { policy_id: 'p-fw' }],
  },
  {
    device_id: 'd2',
    hostname: 'pc-beta-02',
    platform_name: 'Linux',
    status: 'contained',
    local_ip: '10.1.9.9',
    cpu_count: 4,
    ram_gb: 7.75,
    rfm: true,
    last_seen: '2026-01-19T12:00:00Z',
    tags: ['FalconGroupingTags/Dev'],
    device: { policy: { name: 'Linux Servers' } },
    machine_domain: 'lab.example.org',
    notes: 'back\\slash',
    policies: [{ policy_id: 'p-prev' }],
  },
  {
    device_id: 'd3',
    hostname: 'SRV-GAMMA-01',
    platform_name: 'Linux',
    status: 'containment_pending',
    local_ip: '192.168.0.5',
    cpu_count: 16,
    ram_gb: 64,
    rfm: false,
    last_seen: '2026-01-10T00:00:00Z',
    tags: [],
    device: { policy: { name: 'Linux Servers' } },
    machine_domain: 'corp.example.com',
    notes: 'rack 4, "top" shelf',
    policies: [],
  },
  {
    device_id: 'd4',
    hostname: 'MAC-DELTA',
    platform_name: 'Mac',
    status: 'normal',
    local_ip: '10.2.0.1',
    cpu_count: 10,
    ram_gb: 32,
    rfm: false,
    last_seen: '2025-12-01T00:00:00Z',
    tags: ['FalconGroupingTags/Prod'],
    device: {},
    // no machine_domain, no notes, no policies
  },
  {
    device_id: 'd5',
    hostname: 'pc-epsilon-01',
    platform_name: 'Windows',
    status: 'lift_containment_pending',
    local_ip: '172.16.0.4',
    cpu_count: 2,
    ram_gb: 3.9,
    rfm: true,
    last_seen: '2026-01-20T11:30:00Z',
    tags: ['SensorGroupingTags/Finance'],
    device: { policy: { name: 'Default (Windows)' } },
    machine_domain: 'Corp.Example.com',
    notes: null,
    policies: [{ policy_id: 'p-fw' }],
  },
];

const fields: FieldSchema = {
  device_id: 'string',
  hostname: 'string',
  platform_name: 'string',
  status: 'string',
  local_ip: 'string',
  'local_ip.raw': { type: 'string', path: 'local_ip' },
  cpu_count: 'number',
  ram_gb: 'number',
  reduced_functionality_mode: { type: 'boolean', path: 'rfm' },
  last_seen: 'timestamp',
  tags: 'string[]',
  'device.policy.name': 'string',
  machine_domain: 'string',
  notes: 'string',
  'policies.policy_id': 'string[]',
};

const NOW = Date.parse('2026-01-20T12:00:00Z');

function ids(filter: string): string[] {
  return hosts.filter(compileFilter(filter, fields, { now: NOW })).map((h) => h.device_id);
}

/** Compiles the filter expecting an FqlError and returns its message. */
function errorOf(filter: string): string {
  try {
    compileFilter(filter, fields, { now: NOW });
  } catch (err) {
    expect(err).toBeInstanceOf(FqlError);
    return (err as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(filter)} to throw`);
}

function sorted(sort: string): string[] {
  return [...hosts].sort(compileSort(sort, fields)).map((h) => h.device_id);
}

describe('equality and negation', () => {
  it('matches a quoted string exactly and case-sensitively', () => {
    expect(ids("hostname:'PC-ALPHA-01'")).toEqual(['d1']);
    expect(ids("hostname:'pc-alpha-01'")).toEqual([]);
    expect(ids("platform_name:'Linux'")).toEqual(['d2', 'd3']);
  });

  it('accepts double quotes and bare words', () => {
    expect(ids('platform_name:"Mac"')).toEqual(['d4']);
    expect(ids('status:normal')).toEqual(['d1', 'd4']);
  });

  it('negates with !', () => {
    expect(ids("status:!'normal'")).toEqual(['d2', 'd3', 'd5']);
  });

  it('missing values never match positive operators and always match negated ones', () => {
    expect(ids("machine_domain:'corp.example.com'")).toEqual(['d1', 'd3']);
    expect(ids("machine_domain:!'corp.example.com'")).toEqual(['d2', 'd4', 'd5']);
    expect(ids("machine_domain:~'example'")).toEqual(['d1', 'd2', 'd3', 'd5']);
    expect(ids("machine_domain:!~'example'")).toEqual(['d4']);
  });

  it('null matches missing or null values', () => {
    expect(ids('notes:null')).toEqual(['d4', 'd5']);
    expect(ids('notes:!null')).toEqual(['d1', 'd2', 'd3']);
    expect(ids('machine_domain:null')).toEqual(['d4']);
    expect(ids('tags:null')).toEqual(['d3']); // empty array = no values
  });

  it('resolves dotted paths through nested objects and schema paths', () => {
    expect(ids("device.policy.name:'Linux Servers'")).toEqual(['d2', 'd3']);
    expect(ids("device.policy.name:!'Linux Servers'")).toEqual(['d1', 'd4', 'd5']);
    expect(ids("local_ip.raw:'10.2.0.1'")).toEqual(['d4']);
  });

  it('flattens arrays met on a dotted path', () => {
    expect(ids("policies.policy_id:'p-fw'")).toEqual(['d1', 'd5']);
    expect(ids("policies.policy_id:!'p-fw'")).toEqual(['d2', 'd3', 'd4']);
  });
});

describe('lists', () => {
  it('means any of', () => {
    expect(ids("status:['contained','containment_pending']")).toEqual(['d2', 'd3']);
    expect(ids("hostname:['MAC-DELTA', 'nope', \"pc-beta-02\"]")).toEqual(['d2', 'd4']);
  });

  it('with ! means none of', () => {
    expect(ids("status:!['contained','containment_pending']")).toEqual(['d1', 'd4', 'd5']);
  });

  it('mixes numbers and wildcards', () => {
    expect(ids('cpu_count:[2,16]')).toEqual(['d3', 'd5']);
    expect(ids("hostname:['PC*','*DELTA']")).toEqual(['d1', 'd2', 'd4', 'd5']);
  });

  it('can include null', () => {
    expect(ids("machine_domain:[null,'lab.example.org']")).toEqual(['d2', 'd4']);
  });
});

describe('wildcards', () => {
  it('prefix and suffix inside a quoted equality value, case-insensitively', () => {
    expect(ids("hostname:'PC*'")).toEqual(['d1', 'd2', 'd5']);
    expect(ids("hostname:'*-01'")).toEqual(['d1', 'd3', 'd5']);
    expect(ids("hostname:'pc-*-0?'")).toEqual([]); // '?' is literal
    expect(ids("hostname:!'PC*'")).toEqual(['d3', 'd4']);
  });

  it('the * operator', () => {
    expect(ids("local_ip.raw:*'10.1.*'")).toEqual(['d1', 'd2']);
    expect(ids("hostname:*'*alpha*'")).toEqual(['d1']);
    expect(ids("hostname:*'*a*'")).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ids("hostname:*'*ta*'")).toEqual(['d2', 'd4']);
    expect(ids("local_ip:!*'10.*'")).toEqual(['d3', 'd5']);
  });

  it('the * operator without a * in the pattern means contains', () => {
    expect(ids("machine_domain:*'EXAMPLE'")).toEqual(['d1', 'd2', 'd3', 'd5']);
  });

  it('a bare wildcard word works too', () => {
    expect(ids('hostname:SRV*')).toEqual(['d3']);
  });

  it('regex metacharacters are literal', () => {
    expect(ids("device.policy.name:'Default (Windows)*'")).toEqual(['d1', 'd5']);
    expect(ids("local_ip:'10.1.2.*'")).toEqual(['d1']);
    expect(ids("local_ip:'10x1*'")).toEqual([]);
  });
});

describe('text match ~', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(ids("hostname:~'pc alpha'")).toEqual(['d1']);
    expect(ids("hostname:~'PC_'")).toEqual(['d1', 'd2', 'd5']);
    expect(ids("machine_domain:~'CORPEXAMPLE'")).toEqual(['d1', 'd3', 'd5']);
    expect(ids("notes:~'obriens'")).toEqual(['d1']);
  });

  it('negated', () => {
    expect(ids("hostname:!~'pc'")).toEqual(['d3', 'd4']);
  });

  it('works on tags', () => {
    expect(ids("tags:~'finance'")).toEqual(['d1', 'd5']);
  });
});

describe('AND, OR, grouping', () => {
  it('+ is AND', () => {
    expect(ids("platform_name:'Windows'+status:'normal'")).toEqual(['d1']);
  });

  it(', is OR', () => {
    expect(ids("platform_name:'Mac',status:'contained'")).toEqual(['d2', 'd4']);
  });

  it('AND binds tighter than OR', () => {
    // Mac OR (Linux AND contained)
    expect(ids("platform_name:'Mac',platform_name:'Linux'+status:'contained'")).toEqual(['d2', 'd4']);
    // (Linux AND contained) OR Mac
    expect(ids("platform_name:'Linux'+status:'contained',platform_name:'Mac'")).toEqual(['d2', 'd4']);
  });

  it('parentheses group', () => {
    expect(ids("(platform_name:'Windows',platform_name:'Linux')+status:'normal'")).toEqual(['d1']);
    expect(ids("(platform_name:'Mac',platform_name:'Linux')+(status:'normal',cpu_count:>10)")).toEqual(['d3', 'd4']);
    expect(ids("((hostname:'PC*'))")).toEqual(['d1', 'd2', 'd5']);
  });

  it('allows whitespace around tokens', () => {
    expect(ids("  platform_name : 'Windows'  +  status : 'normal' ")).toEqual(['d1']);
    expect(ids("( platform_name:'Mac' , platform_name:'Linux' ) + cpu_count:>= 10")).toEqual(['d3', 'd4']);
  });

  it('treats whitespace between statements as AND (URL-decoded +)', () => {
    expect(ids("platform_name:'Windows' status:'normal'")).toEqual(['d1']);
    expect(ids("platform_name:'Linux' cpu_count:>4,platform_name:'Mac'")).toEqual(['d3', 'd4']);
    expect(ids("status:'normal' (platform_name:'Mac',cpu_count:8)")).toEqual(['d1', 'd4']);
  });
});

describe('quoted strings', () => {
  it('unescape \\\' and \\\\', () => {
    expect(ids("notes:'O\\'Brien\\'s laptop'")).toEqual(['d1']);
    expect(ids("notes:'back\\\\slash'")).toEqual(['d2']);
  });

  it('keep other characters, including FQL punctuation, literally', () => {
    expect(ids("notes:'rack 4, \"top\" shelf'")).toEqual(['d3']);
    expect(ids('notes:"rack 4, \\"top\\" shelf"')).toEqual(['d3']);
    expect(ids("notes:'O\\'Brien\\'s laptop'+status:'normal'")).toEqual(['d1']);
  });

  it('parse to the unescaped value', () => {
    expect(parseFql("notes:'a\\'b\\\\c+(d)'")).toEqual({
      type: 'statement',
      property: 'notes',
      operator: 'eq',
      values: [{ kind: 'string', value: "a'b\\c+(d)", quoted: true, pos: 6 }],
      list: false,
      pos: 0,
    });
  });
});

describe('numbers', () => {
  it('compares numerically', () => {
    expect(ids('cpu_count:8')).toEqual(['d1']);
    expect(ids('cpu_count:>8')).toEqual(['d3', 'd4']);
    expect(ids('cpu_count:>=8')).toEqual(['d1', 'd3', 'd4']);
    expect(ids('cpu_count:<8')).toEqual(['d2', 'd5']);
    expect(ids('cpu_count:<=4')).toEqual(['d2', 'd5']);
    expect(ids('cpu_count:!8')).toEqual(['d2', 'd3', 'd4', 'd5']);
  });

  it('handles decimals, negatives and quoted numbers', () => {
    expect(ids('ram_gb:>7.75')).toEqual(['d1', 'd3', 'd4']);
    expect(ids('ram_gb:7.75')).toEqual(['d2']);
    expect(ids('ram_gb:>-1')).toHaveLength(5);
    expect(ids("cpu_count:'16'")).toEqual(['d3']);
    expect(ids('cpu_count:>=1e1')).toEqual(['d3', 'd4']);
  });

  it('compares strings lexicographically, not numerically', () => {
    expect(ids("hostname:>'pc'")).toEqual(['d2', 'd5']); // lowercase sorts after uppercase
    expect(ids("local_ip:<'100'")).toEqual(['d1', 'd2', 'd4']); // '.' < '0'
    expect(ids("local_ip:>'10.1.9'")).toEqual(['d2', 'd3', 'd4', 'd5']);
  });

  it('parses numbers in the AST', () => {
    expect(parseFql('cpu_count:>=-2.5')).toMatchObject({
      operator: 'gte',
      values: [{ kind: 'number', value: -2.5, raw: '-2.5' }],
    });
  });
});

describe('booleans', () => {
  it('matches true and false', () => {
    expect(ids('reduced_functionality_mode:true')).toEqual(['d2', 'd5']);
    expect(ids('reduced_functionality_mode:false')).toEqual(['d1', 'd3', 'd4']);
    expect(ids('reduced_functionality_mode:!true')).toEqual(['d1', 'd3', 'd4']);
    expect(ids("reduced_functionality_mode:'true'")).toEqual(['d2', 'd5']);
  });

  it('rejects other values and comparison operators', () => {
    expect(errorOf('reduced_functionality_mode:yes')).toContain("'yes' is not a valid boolean");
    expect(errorOf('reduced_functionality_mode:>true')).toContain(
      "operator ':>' cannot be used with boolean property 'reduced_functionality_mode'",
    );
  });
});

describe('timestamps', () => {
  it('compares absolute RFC 3339 instants', () => {
    expect(ids("last_seen:>'2026-01-20T00:00:00Z'")).toEqual(['d1', 'd5']);
    expect(ids("last_seen:<='2026-01-10T00:00:00Z'")).toEqual(['d3', 'd4']);
    expect(ids("last_seen:'2026-01-20T10:00:00Z'")).toEqual(['d1']);
  });

  it('compares instants, not text', () => {
    expect(ids("last_seen:'2026-01-20T11:00:00+01:00'")).toEqual(['d1']);
    expect(ids("last_seen:'2026-01-20T10:00:00.000Z'")).toEqual(['d1']);
    expect(ids("last_seen:>='2026-01-20T06:30:00-05:00'")).toEqual(['d5']);
  });

  it('accepts date-only values', () => {
    expect(ids("last_seen:>='2026-01-19'")).toEqual(['d1', 'd2', 'd5']);
    expect(ids("last_seen:<'2026-01-01'")).toEqual(['d4']);
    expect(ids('last_seen:<2026-01-01')).toEqual(['d4']); // unquoted
  });

  it('accepts relative times against options.now', () => {
    expect(ids("last_seen:>'now-24h'")).toEqual(['d1', 'd5']);
    expect(ids("last_seen:>='now-24h'")).toEqual(['d1', 'd2', 'd5']); // d2 is exactly 24h old
    expect(ids("last_seen:>'now-1h'")).toEqual(['d5']);
    expect(ids("last_seen:>'now-30m'")).toEqual([]);
    expect(ids("last_seen:>='now-30m'")).toEqual(['d5']);
    expect(ids("last_seen:>'now-7d'")).toEqual(['d1', 'd2', 'd5']);
    expect(ids("last_seen:>'now-2w'")).toEqual(['d1', 'd2', 'd3', 'd5']);
    expect(ids("last_seen:<'now'")).toHaveLength(5);
    expect(ids("last_seen:>'now+1d'")).toEqual([]);
    expect(ids("last_seen:<'now-1d-12h'")).toEqual(['d3', 'd4']);
    expect(ids('last_seen:>=now-1h')).toEqual(['d5']); // unquoted
  });

  it('the text operators look at the stored text', () => {
    expect(ids("last_seen:*'2026-01-2*'")).toEqual(['d1', 'd5']);
  });

  it('rejects unparseable times', () => {
    expect(errorOf("last_seen:>'yesterday'")).toContain("'yesterday' is not a valid timestamp for property 'last_seen'");
    expect(errorOf("last_seen:>'Last week'")).toContain('is not a valid timestamp');
    expect(errorOf("last_seen:>'2026-02-30'")).toContain("'2026-02-30' is not a valid timestamp");
    expect(errorOf("last_seen:>'now-5q'")).toContain('is not a valid timestamp');
    expect(errorOf('last_seen:>1700000000')).toContain("'1700000000' is not a valid timestamp");
  });

  it('relative times default to Date.now()', () => {
    const recent = { last_seen: new Date(Date.now() - 60_000).toISOString() };
    const old = { last_seen: '2000-01-01T00:00:00Z' };
    const f = compileFilter("last_seen:>'now-1h'", fields);
    expect([recent, old].filter(f)).toEqual([recent]);
  });
});

describe('string[] fields', () => {
  it('match when any element matches', () => {
    expect(ids("tags:'FalconGroupingTags/Prod'")).toEqual(['d1', 'd4']);
    expect(ids("tags:'FalconGroupingTags/*'")).toEqual(['d1', 'd2', 'd4']);
    expect(ids("tags:['FalconGroupingTags/Dev','SensorGroupingTags/Finance']")).toEqual(['d1', 'd2', 'd5']);
  });

  it('negation means no element matches', () => {
    expect(ids("tags:!'FalconGroupingTags/Prod'")).toEqual(['d2', 'd3', 'd5']);
    expect(ids("tags:!*'Sensor*'")).toEqual(['d2', 'd3', 'd4']);
  });
});

describe('property limit', () => {
  const statement = (i: number): string => `cpu_count:!${100 + i}`;
  it('allows 20 statements', () => {
    const filter = Array.from({ length: 20 }, (_, i) => statement(i)).join('+');
    expect(ids(filter)).toHaveLength(5);
  });

  it('rejects 21, counting repeated properties and list statements', () => {
    const filter = Array.from({ length: 21 }, (_, i) => statement(i)).join(',');
    expect(errorOf(filter)).toContain('too many properties');
    expect(() => parseFql(filter)).toThrow(FqlError);
  });
});

describe('errors', () => {
  const cases: Array<[string, string]> = [
    ["hostname:'PC-ALPHA-01'+", 'unexpected end of input at position 23'],
    ['hostname:', "unexpected end of input at position 9: expected a value for 'hostname'"],
    ["hostname'x'", "expected ':' after property 'hostname' at position 8"],
    ['hostname', "expected ':' after property 'hostname' at position 8"],
    ["hostname:'PC-ALPHA", 'unterminated string starting at position 9'],
    ["notes:'a\\'", 'unterminated string starting at position 6'],
    ["(status:'normal'", "unbalanced parenthesis: '(' at position 0 is never closed"],
    ["status:'normal')", "unbalanced parenthesis: unexpected ')' at position 15"],
    ["(status:'normal'))", "unbalanced parenthesis: unexpected ')' at position 17"],
    ['()', 'empty parentheses at position 0'],
    ["os:'Windows'", "'os' is an unknown property"],
    ["hostname:'a'+Hostname:'b'", "'Hostname' is an unknown property"],
    ['cpu_count:many', "'many' is not a valid number for property 'cpu_count' at position 10"],
    ["cpu_count:>'8x'", "'8x' is not a valid number for property 'cpu_count' at position 11"],
    ["hostname:=='x'", "unknown operator '==' at position 9"],
    ["hostname:!='x'", "unknown operator '!=' at position 9"],
    ["status:['a','b'", 'unterminated list starting at position 7'],
    ['status:[]', 'empty value list at position 7'],
    ["status:['a' 'b']", "expected ',' or ']' in list but found ''b'' at position 12"],
    ["status:'a',,status:'b'", "expected a property name but found ',' at position 11"],
    ["+status:'a'", "expected a property name but found '+' at position 0"],
    ["status:'a''b'", "expected '+', ',' or end of input but found ''b'' at position 10"],
    ["(status:'a''b')", "expected '+', ',' or ')' but found ''b'' at position 11"],
    ['status:,', "expected a value for 'status' but found ',' at position 7"],
    ['hostname:*', "unexpected end of input at position 10: expected a value for 'hostname'"],
    ['status:>null', "null can only be used with ':' or ':!' (property 'status')"],
  ];

  it.each(cases)('%s', (filter, detail) => {
    const message = errorOf(filter);
    expect(message).toBe(`Failed to parse filter expression. [${detail}]`);
  });

  it('exposes the detail separately', () => {
    try {
      compileFilter("os:'Windows'", fields);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FqlError);
      expect((err as FqlError).detail).toBe("'os' is an unknown property");
    }
  });

  it('syntax errors are reported before unknown properties', () => {
    expect(errorOf("os:'Windows'+")).toContain('unexpected end of input');
  });
});

describe('empty filter', () => {
  it('matches everything', () => {
    expect(ids('')).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(ids('   ')).toHaveLength(5);
    expect(parseFql('')).toEqual({ type: 'all' });
  });
});

describe('AST', () => {
  it('nests AND under OR', () => {
    const ast = parseFql("a:1+b:!['x',y],c:~z");
    expect(ast).toMatchObject({
      type: 'or',
      children: [
        {
          type: 'and',
          children: [
            { type: 'statement', property: 'a', operator: 'eq', list: false },
            {
              type: 'statement',
              property: 'b',
              operator: 'ne',
              list: true,
              values: [
                { kind: 'string', value: 'x', quoted: true },
                { kind: 'string', value: 'y', quoted: false },
              ],
            },
          ],
        },
        { type: 'statement', property: 'c', operator: 'match' },
      ],
    });
  });

  it('names every operator', () => {
    const ops = [':', ':!', ':>', ':>=', ':<', ':<=', ':~', ':!~', ':*', ':!*'].map((op) => {
      const node = parseFql(`f${op}'v'`);
      return node.type === 'statement' ? node.operator : undefined;
    });
    expect(ops).toEqual(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'match', 'notMatch', 'wildcard', 'notWildcard']);
  });

  it('parses keywords', () => {
    expect(parseFql('a:true,a:false,a:null,a:"true"')).toMatchObject({
      children: [
        { values: [{ kind: 'boolean', value: true }] },
        { values: [{ kind: 'boolean', value: false }] },
        { values: [{ kind: 'null' }] },
        { values: [{ kind: 'string', value: 'true', quoted: true }] },
      ],
    });
  });
});

describe('sort', () => {
  it('accepts field.asc and field|asc', () => {
    expect(sorted('cpu_count.asc')).toEqual(['d5', 'd2', 'd1', 'd4', 'd3']);
    expect(sorted('cpu_count|asc')).toEqual(['d5', 'd2', 'd1', 'd4', 'd3']);
    expect(sorted('cpu_count')).toEqual(['d5', 'd2', 'd1', 'd4', 'd3']);
  });

  it('accepts field.desc and field|desc', () => {
    expect(sorted('cpu_count.desc')).toEqual(['d3', 'd4', 'd1', 'd2', 'd5']);
    expect(sorted('cpu_count|desc')).toEqual(['d3', 'd4', 'd1', 'd2', 'd5']);
    expect(sorted('cpu_count.DESC')).toEqual(['d3', 'd4', 'd1', 'd2', 'd5']);
  });

  it('sorts numbers numerically, timestamps as instants, strings by code unit', () => {
    expect(sorted('ram_gb.asc')).toEqual(['d5', 'd2', 'd1', 'd4', 'd3']);
    expect(sorted('last_seen|desc')).toEqual(['d5', 'd1', 'd2', 'd3', 'd4']);
    expect(sorted('hostname.asc')).toEqual(['d4', 'd1', 'd3', 'd2', 'd5']);
  });

  it('handles dotted field names, with and without a direction', () => {
    expect(sorted('local_ip.raw')).toEqual(['d1', 'd2', 'd4', 'd5', 'd3']);
    expect(sorted('local_ip.raw.desc')).toEqual(['d3', 'd5', 'd4', 'd2', 'd1']);
    expect(sorted('device.policy.name|asc')).toEqual(['d1', 'd5', 'd2', 'd3', 'd4']);
  });

  it('supports several keys and is stable', () => {
    expect(sorted('platform_name.asc,cpu_count.desc')).toEqual(['d3', 'd2', 'd4', 'd1', 'd5']);
    expect(sorted('platform_name|desc, hostname|asc')).toEqual(['d1', 'd5', 'd4', 'd3', 'd2']);
    // Ties keep input order.
    expect(sorted('reduced_functionality_mode.asc')).toEqual(['d1', 'd3', 'd4', 'd2', 'd5']);
    expect(sorted('')).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
  });

  it('puts missing values last in both directions', () => {
    expect(sorted('machine_domain.asc')).toEqual(['d5', 'd1', 'd3', 'd2', 'd4']);
    expect(sorted('machine_domain.desc')).toEqual(['d2', 'd1', 'd3', 'd5', 'd4']);
  });

  it('sorts multi-valued fields by min ascending and max descending', () => {
    expect(sorted('tags.asc')).toEqual(['d2', 'd1', 'd4', 'd5', 'd3']);
    expect(sorted('tags.desc')).toEqual(['d1', 'd5', 'd4', 'd2', 'd3']);
  });

  it('rejects unknown fields and bad directions', () => {
    const err = (sort: string): string => {
      try {
        compileSort(sort, fields);
      } catch (e) {
        expect(e).toBeInstanceOf(FqlError);
        return (e as Error).message;
      }
      throw new Error('expected a throw');
    };
    expect(err('os.asc')).toBe("Failed to parse sort expression. ['os' is an unknown sort field]");
    expect(err('os|desc')).toContain("'os' is an unknown sort field");
    expect(err('os')).toContain("'os' is an unknown sort field");
    expect(err('hostname.up')).toContain("invalid sort direction 'up' for 'hostname'");
    expect(err('hostname|sideways')).toContain("invalid sort direction 'sideways'");
    expect(err('foo.bar')).toContain("'foo.bar' is an unknown sort field");
    expect(err('hostname.asc,nope.desc')).toContain("'nope' is an unknown sort field");
  });
});

describe('hostile filters', () => {
  const fields = { hostname: 'string' } as const;
  it('matches many wildcards in linear time', () => {
    const match = compileFilter(`hostname:'${'*'.repeat(40)}Q'`, fields);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) match({ hostname: 'WS-FIN-042-abcdefghijklmnop' });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(compileFilter("hostname:'W*F*42'", fields)({ hostname: 'ws-fin-042' })).toBe(true);
    expect(compileFilter("hostname:'W*F*42'", fields)({ hostname: 'ws-fin-043' })).toBe(false);
    expect(compileFilter("hostname:'*in*in*'", fields)({ hostname: 'xinx' })).toBe(false);
  });

  it('refuses parentheses nested too deep with a parse error, not a crash', () => {
    const deep = `${'('.repeat(5000)}hostname:'a'${')'.repeat(5000)}`;
    expect(() => compileFilter(deep, fields)).toThrow(FqlError);
    expect(() => compileFilter(deep, fields)).toThrow(/nested more than/);
  });
});

describe('sortOrder (ranked columns, as the query cache sorts)', () => {
  // Many ties, missing values, multi-valued fields and timestamps: the ranked sort must give
  // exactly the comparator's stable order for one key and several, either direction.
  const many = Array.from({ length: 400 }, (_, i) => {
    const r = (i * 7919) % 397;
    const h = hosts[i % hosts.length] as Record<string, unknown>;
    return {
      ...h,
      device_id: `n${i}`,
      hostname: r % 11 === 0 ? undefined : `H-${r % 23}`,
      last_seen: r % 13 === 0 ? undefined : new Date(Date.UTC(2026, 0, 1 + (r % 17), r % 24)).toISOString().replace('.000Z', 'Z'),
      tags: r % 5 === 0 ? [] : [`t${r % 7}`, `t${r % 3}`],
    };
  });
  const schema: FieldSchema = { ...fields, tags: 'string[]', last_seen: 'timestamp', hostname: 'string' };
  it.each(['hostname.asc', 'hostname|desc', 'last_seen.desc', 'tags.asc', 'tags.desc', 'hostname.asc,last_seen.desc', 'tags|desc,hostname|asc,last_seen|asc'])(
    '%s gives the comparator order',
    (sort) => {
      const expected = [...many].sort(compileSort(sort, schema)).map((h) => h.device_id);
      const columns: SortColumns = new Map();
      const order = [...sortOrder(many, sort, schema, columns)].map((i) => many[i]?.device_id);
      expect(order).toEqual(expected);
      // Again from the kept columns.
      expect([...sortOrder(many, sort, schema, columns)].map((i) => many[i]?.device_id)).toEqual(expected);
    },
  );
});

describe('sortOrder at scale (radix-ranked text, packed numbers)', () => {
  // Enough records for the packed and multi-level paths: long shared prefixes, texts that are
  // prefixes of others, empty texts, characters outside printable ASCII, fractions and huge spans.
  const words = ['', 'a', 'A', 'ab', 'abc', 'DESKTOP-', 'DESKTOP-AB12', 'DESKTOP-AB12X', 'ws-eng-0001', 'ws-eng-00010', 'Zürich-01', 'tab\there', 'emoji-😀', '~tilde', ' space'];
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const r = (i * 2654435761) % 4093;
    const w = words[r % words.length] as string;
    return {
      device_id: `d${i}`,
      hostname: r % 17 === 0 ? undefined : `${w}${r % 3 === 0 ? '' : (r % 211).toString(36)}${'x'.repeat(r % 5 === 0 ? 20 : 0)}${r % 7}`,
      name: `${'shared-prefix-'.repeat(3)}${r % 301}`,
      // every length around the few characters a key holds, so texts that agree up to one's end must still differ
      code: 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, 1 + (r % 36)),
      score: r % 19 === 0 ? undefined : r % 2 === 0 ? (r % 97) / 7 : r * 1e9,
      count: r % 23 === 0 ? undefined : (r % 53) * 1000,
      last_seen: new Date(Date.UTC(2020, 0, 1) + (r % 999) * 86_400_000 + (r % 61) * 1000).toISOString().replace('.000Z', 'Z'),
    };
  });
  const schema: FieldSchema = { device_id: 'string', hostname: 'string', name: 'string', code: 'string', score: 'number', count: 'number', last_seen: 'timestamp' };
  it.each(['hostname.asc', 'hostname.desc', 'name.asc', 'score.asc', 'score.desc', 'count.desc', 'last_seen.asc', 'count.asc,hostname.desc', 'name.desc,score.asc,last_seen.desc', 'code.asc', 'code.desc,device_id.asc'])(
    '%s gives the comparator order',
    (sort) => {
      const expected = [...rows].sort(compileSort(sort, schema)).map((h) => h.device_id);
      expect([...sortOrder(rows, sort, schema)].map((i) => rows[i]?.device_id)).toEqual(expected);
    },
  );
});

describe('timestamps', () => {
  it('reads canonical UTC timestamps as Date does, across leap years and centuries', () => {
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(((i * 2654435761) % 4_294_967_296) / 4_294_967_296 * 3e14) - 5.5e13; // years ~227 to ~11476
      const text = new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z');
      if (text.length !== 20) continue; // years past 9999 have another form
      expect(toInstant(text)).toBe(Date.parse(text));
    }
    for (const text of ['2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '1900-03-01T00:00:00Z', '0100-01-01T00:00:00Z']) {
      expect(toInstant(text)).toBe(Date.parse(text));
    }
  });
});
