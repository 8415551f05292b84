// Spotlight vulnerabilities: `after`-token queries (filter required, no
// wildcards), combined records with facets, entities and remediations.
import { ok, SimHttpError, type SimResponse } from '../envelope.js';
import type { QuerySpec, Route, SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import type { FieldSchema } from '../fql/index.js';
import type { Vulnerability } from '../tenant/records/vulnerabilities.js';
import { cachedQuery } from './cachedQuery.js';
import { evaluationLogicOf } from './evaluationLogic.js';
import { entitiesResponse, isoSeconds, lookupIds, pageByAfter, publicRecord, queryKey } from './querying.js';

const POWERED_BY = 'spapi';
const FACETS = ['host_info', 'remediation', 'cve', 'evaluation_logic'] as const;
const DAY_MS = 86_400_000;

export const VULNERABILITY_FIELDS: FieldSchema = {
  id: 'string',
  aid: 'string',
  cid: 'string',
  status: 'string',
  created_timestamp: 'timestamp',
  updated_timestamp: 'timestamp',
  closed_timestamp: 'timestamp',
  vulnerability_id: 'string',
  'cve.id': 'string',
  'cve.severity': 'string',
  'cve.base_score': 'number',
  'cve.exploit_status': 'number',
  'cve.exprt_rating': 'string',
  'cve.is_cisa_kev': { type: 'boolean', path: 'cve.cisa_info.is_cisa_kev' },
  'host_info.hostname': 'string',
  'host_info.platform_name': { type: 'string', path: 'host_info.platform' },
  'host_info.asset_criticality': 'string',
  'host_info.product_type_desc': 'string',
  'host_info.os_version': 'string',
  'host_info.site_name': 'string',
  'host_info.tags': 'string[]',
  'host_info.groups': { type: 'string', path: 'host_info.groups.id' },
  'apps.product_name_version': 'string',
  'remediation.ids': 'string[]',
  data_providers: { type: 'string', path: 'data_providers.provider' },
};

const LAST_SEEN = /last_seen_within\s*:\s*(?:'([^']*)'|"([^"]*)"|([^\s+,()[\]]*))/y;

/**
 * The checks Spotlight makes before FQL, and its one special property:
 * `last_seen_within:'N'` (days) becomes a bound on updated_timestamp. The
 * rewrite skips quoted text so a value that merely mentions the name is safe.
 */
export function spotlightFilter(filter: string | undefined, now: number): string {
  if (filter === undefined || filter.trim() === '') {
    throw new SimHttpError(400, "The 'filter' parameter is required and must not be empty.");
  }
  if (filter.includes('*')) {
    throw new SimHttpError(400, "Failed to parse filter expression. [wildcards ('*') are not supported by this endpoint]");
  }
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < filter.length; ) {
    const ch = filter.charAt(i);
    if (quote) {
      // Copy an escaped character as is, so an escaped quote does not end the string.
      const escaped = ch === '\\';
      out += escaped ? ch + filter.charAt(i + 1) : ch;
      if (!escaped && ch === quote) quote = undefined;
      i += escaped ? 2 : 1;
      continue;
    }
    LAST_SEEN.lastIndex = i;
    const m = /[\s(+,]/.test(filter.charAt(i - 1) || ' ') ? LAST_SEEN.exec(filter) : null;
    if (m) {
      const raw = m[1] ?? m[2] ?? m[3] ?? '';
      if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        throw new SimHttpError(400, `Failed to parse filter expression. [last_seen_within takes a whole number of days, not '${raw}']`);
      }
      out += `updated_timestamp:>='${isoSeconds(now - Number(raw) * DAY_MS)}'`;
      i += m[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    out += ch;
    i++;
  }
  return out;
}

function walk(req: SimRequest, ctx: SimContext, limitDefault: number): { page: Vulnerability[]; meta: SimResponse['meta'] } {
  const filter = spotlightFilter(req.query.str('filter'), ctx.now());
  const sort = req.query.str('sort');
  const limit = req.query.int('limit') ?? limitDefault;
  const all = cachedQuery(ctx, 'vulnerabilities', () => ctx.tenant.vulnerabilities.values(), VULNERABILITY_FIELDS, { filter, sort });
  // The token is tied to the caller's filter text, not the rewritten one, which moves with the clock.
  const key = queryKey('spotlight', req.query.str('filter'), sort);
  const page = pageByAfter(ctx, all, req.query.str('after') || undefined, limit, key);
  const pagination: Record<string, unknown> = { limit, total: all.length };
  if (page.after) pagination.after = page.after;
  return { page: page.page, meta: { pagination } };
}

function queryIds(req: SimRequest, ctx: SimContext): SimResponse {
  const { page, meta } = walk(req, ctx, 100);
  return ok(page.map((v) => v.id), meta);
}

/** Without facets a combined record carries its own fields and the CVE id; each facet adds a section. */
function faceted(v: Vulnerability, facets: ReadonlySet<string>, ctx: SimContext): object {
  const { cve, host_info, remediation, ...base } = publicRecord(v);
  const out: Record<string, unknown> = { ...base, cve: facets.has('cve') ? cve : { id: cve.id } };
  if (facets.has('host_info')) out.host_info = host_info;
  if (facets.has('remediation')) {
    const entities = remediation.ids.flatMap((id) => {
      const r = ctx.tenant.remediations.get(id);
      return r ? [publicRecord(r)] : [];
    });
    out.remediation = { ids: remediation.ids, entities };
  }
  if (facets.has('evaluation_logic')) out.evaluation_logic = evaluationLogicOf(v, ctx.tenant);
  return out;
}

function combined(req: SimRequest, ctx: SimContext): SimResponse {
  const facets = new Set(req.query.list('facet'));
  const { page, meta } = walk(req, ctx, 100);
  return ok(page.map((v) => faceted(v, facets, ctx)), meta);
}

function entities(req: SimRequest, ctx: SimContext): SimResponse {
  const { found, errors } = lookupIds((id) => ctx.tenant.vulnerabilities.get(id), req.query.list('ids'), 'Vulnerability');
  return entitiesResponse(found.map(publicRecord), errors);
}

function remediations(req: SimRequest, ctx: SimContext): SimResponse {
  const { found, errors } = lookupIds((id) => ctx.tenant.remediations.get(id), req.query.list('ids'), 'Remediation');
  return entitiesResponse(found.map(publicRecord), errors);
}

const walkQuery = (maxLimit: number): QuerySpec => ({
  filter: { type: 'string', required: true },
  after: { type: 'string' },
  limit: { type: 'int', min: 1, max: maxLimit },
  sort: { type: 'string' },
});
const read = { scope: 'spotlight-vulnerabilities:read', poweredBy: POWERED_BY } as const;

export const spotlightRoutes: Route[] = [
  { ...read, method: 'GET', path: '/spotlight/queries/vulnerabilities/v1', query: walkQuery(400), handler: queryIds },
  {
    ...read,
    method: 'GET',
    path: '/spotlight/combined/vulnerabilities/v1',
    query: { ...walkQuery(5000), facet: { type: 'list', enum: FACETS } },
    handler: combined,
  },
  {
    ...read,
    method: 'GET',
    path: '/spotlight/entities/vulnerabilities/v2',
    query: { ids: { type: 'list', required: true, maxItems: 400 } },
    handler: entities,
  },
  {
    ...read,
    method: 'GET',
    path: '/spotlight/entities/remediations/v2',
    query: { ids: { type: 'list', required: true, maxItems: 400 } },
    handler: remediations,
  },
];
