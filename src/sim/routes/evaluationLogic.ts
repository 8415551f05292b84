// Spotlight evaluation logic: how the sensor decided that a host has a
// vulnerability. One record per vulnerability (same id), derived from it on
// demand: the installed product it found, the version check against the
// fixed version its remediation names, and the simplified form the console
// shows. Queries page with `after` (filter required), like vulnerabilities.
import { ok, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Tenant } from '../tenant/types.js';
import type { Vulnerability } from '../tenant/records/vulnerabilities.js';
import { entitiesResponse, lookupIds, pageByAfter, queryKey } from './querying.js';
import { cachedQuery } from './cachedQuery.js';
import { spotlightFilter } from './spotlight.js';

const POWERED_BY = 'spapi';

/** Filterable properties, read from the vulnerability each record is derived from. */
export const EVALUATION_LOGIC_FIELDS: FieldSchema = {
  id: 'string',
  aid: 'string',
  cid: 'string',
  created_timestamp: 'timestamp',
  updated_timestamp: 'timestamp',
  data_provider: { type: 'string', path: 'data_providers.provider' },
  'host_info.hostname': 'string',
  vulnerability_id: 'string',
};

/** The version a remediation asks for ("… to version 130.0.6723.116 or later"), if it names one. */
function fixedVersion(action: string): string | undefined {
  return /version ([\w.]+) or later/.exec(action)?.[1];
}

export function evaluationLogicOf(v: Vulnerability, tenant: Tenant): Record<string, unknown> {
  const installed = v.apps[0]?.product_name_version ?? '';
  const remediation = v.remediation.ids.map((id) => tenant.remediations.get(id)).find(Boolean);
  const fixed = remediation ? (fixedVersion(remediation.action) ?? remediation.reference) : v.vulnerability_id;
  const provider = v.data_providers[0]?.provider ?? 'Falcon sensor';
  const title = `${installed} is older than ${fixed}`;
  return {
    id: v.id,
    aid: v.aid,
    cid: v.cid,
    created_timestamp: v.created_timestamp,
    updated_timestamp: v.updated_timestamp,
    data_provider: provider,
    scanner_id: '',
    host_info: { entities_matched: [{ asset_id: v.aid, data_provider: provider, provider_asset_id: v.aid }] },
    logic: [
      {
        id: 1,
        title,
        type: 'inventory',
        description: `${v.vulnerability_id} affects ${installed}; fixed in ${fixed}.`,
        negate: false,
        existence_check: 'at_least_one_exists',
        comparison_check: 'all',
        determined_by_comparison: true,
        comparisons: {
          state_operator: 'AND',
          state_comparisons: [
            {
              entity_operator: 'AND',
              entity_comparisons: [
                { actual_value_field: 'product_name_version', expected_value: fixed, operation: 'less than', value_datatype: 'version' },
              ],
            },
          ],
        },
        items: [{ product_name_version: installed }],
      },
    ],
    simplified_logic: [
      { id: 1, title, checks: `product version less than ${fixed}`, data: [installed], found: [installed], match_required: 'all', negate: false },
    ],
  };
}

function walk(req: SimRequest, ctx: SimContext): { page: Vulnerability[]; meta: SimResponse['meta'] } {
  const filter = spotlightFilter(req.query.str('filter'), ctx.now());
  const sort = req.query.str('sort');
  const limit = req.query.int('limit') ?? 100;
  const all = cachedQuery(ctx, 'evaluation-logic', () => ctx.tenant.vulnerabilities.values(), EVALUATION_LOGIC_FIELDS, { filter, sort });
  const page = pageByAfter(ctx, all, req.query.str('after') || undefined, limit, queryKey('evaluation-logic', req.query.str('filter'), sort));
  // The response model requires `after`: the last page carries an empty one.
  const pagination: Record<string, unknown> = { limit, total: all.length, after: page.after ?? '' };
  return { page: page.page, meta: { pagination } };
}

const walkQuery: QuerySpec = {
  filter: { type: 'string', required: true },
  after: { type: 'string' },
  limit: { type: 'int', min: 1, max: 400 },
  sort: { type: 'string' },
};
const read = { scope: 'spotlight-vulnerabilities:read', poweredBy: POWERED_BY } as const;

export const evaluationLogicRoutes: Route[] = [
  {
    ...read, method: 'GET', path: '/spotlight/queries/evaluation-logic/v1', query: walkQuery,
    handler: (req, ctx) => {
      const { page, meta } = walk(req, ctx);
      return ok(page.map((v) => v.id), meta);
    },
  },
  {
    ...read, method: 'GET', path: '/spotlight/combined/evaluation-logic/v1', query: walkQuery,
    handler: (req, ctx) => {
      const { page, meta } = walk(req, ctx);
      return ok(page.map((v) => evaluationLogicOf(v, ctx.tenant)), meta);
    },
  },
  {
    ...read, method: 'GET', path: '/spotlight/entities/evaluation-logic/v1',
    query: { ids: { type: 'list', required: true, maxItems: 400 } },
    handler: (req, ctx) => {
      const { found, errors } = lookupIds((id) => ctx.tenant.vulnerabilities.get(id), req.query.list('ids'), 'Evaluation logic');
      return entitiesResponse(found.map((v) => evaluationLogicOf(v, ctx.tenant)), errors);
    },
  },
];
