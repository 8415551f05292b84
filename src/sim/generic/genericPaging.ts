// The family's paging style for generic reads: an integer offset, a string
// offset token (scroll calls), an `after` token, or a `next_token`, from the
// query or from a JSON body; meta.pagination says where the next page starts
// and how many records there are in all.
import type { SimRequest } from '../route.js';
import type { SimContext } from '../context.js';
import { SimHttpError } from '../envelope.js';
import type { SimOperation } from './catalogData.js';

export interface Page {
  start: number;
  count: number;
  pagination: Record<string, unknown>;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
const TOKEN_TTL_MS = 10 * 60_000;

export function pageOf(op: SimOperation, req: SimRequest, body: unknown, ctx: SimContext, total: number): Page {
  const inBody = op.pg === 'body-after' || op.pg === 'body-offset';
  const b = (inBody && body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const read = (name: string): string | undefined => {
    const v = inBody ? b[name] : req.query.str(name);
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const limitText = read('limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SimHttpError(400, `Invalid value for 'limit': ${limitText}. It must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  const key = `${op.m} ${op.p} ${req.query.str('filter') ?? ''} ${req.query.str('sort') ?? ''}`;
  const style = op.pg ?? 'offset';
  let start = 0;
  if (style === 'offset' || style === 'body-offset') {
    const offsetText = read('offset');
    start = offsetText === undefined ? 0 : Number(offsetText);
    if (!Number.isInteger(start) || start < 0) throw new SimHttpError(400, `Invalid value for 'offset': ${offsetText}. It must be a whole number of 0 or more.`);
  } else {
    const name = style === 'token' ? 'offset' : style === 'next_token' ? 'next_token' : 'after';
    const token = read(name);
    // IOC-style searches take an integer offset as well as an `after` token.
    const offsetText = name === 'after' ? read('offset') : undefined;
    if (token !== undefined) start = ctx.cursors.resolve(token, key, name);
    else if (offsetText !== undefined && /^\d+$/.test(offsetText)) start = Number(offsetText);
  }
  const count = Math.max(0, Math.min(limit, total - start));
  const end = start + count;
  const next = end < total ? ctx.cursors.issue(end, key, TOKEN_TTL_MS) : undefined;
  const pagination: Record<string, unknown> = { limit, total };
  switch (style) {
    case 'offset':
    case 'body-offset':
      pagination.offset = start;
      break;
    case 'token':
      pagination.offset = next ?? '';
      pagination.expires_at = Math.floor((ctx.now() + TOKEN_TTL_MS) / 1000);
      break;
    case 'next_token':
      if (next) pagination.next_token = next;
      break;
    default:
      pagination.offset = start;
      if (next) pagination.after = next;
  }
  return { start, count, pagination };
}
