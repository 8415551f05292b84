// The standard Falcon response envelope: meta (query_time, powered_by,
// trace_id, pagination, writes), resources and errors.

export interface ApiErrorItem {
  code: number;
  message: string;
  id?: string;
}

export interface Meta {
  query_time: number;
  powered_by: string;
  trace_id: string;
  pagination?: Record<string, unknown>;
  writes?: { resources_affected: number };
  [key: string]: unknown;
}

export interface Envelope {
  meta: Meta;
  resources?: unknown[] | null;
  errors?: ApiErrorItem[] | null;
}

/** What a route handler returns; the server fills in meta.trace_id and query_time. */
export interface SimResponse {
  status: number;
  resources?: unknown[] | null;
  errors?: ApiErrorItem[];
  /** meta fields beyond query_time/powered_by/trace_id */
  meta?: Omit<Partial<Meta>, 'trace_id' | 'query_time'>;
  poweredBy?: string;
  headers?: Record<string, string>;
  /** Send the body without a resources key (the "meta-only" envelope of OAuth2 and some errors). */
  metaOnly?: boolean;
  /** A non-envelope JSON body (the token response). */
  raw?: unknown;
  /** top-level fields beyond meta, resources and errors that a response model carries */
  extra?: Record<string, unknown>;
  /** `resources` already serialized, one JSON text per item (see routes/recordJson.ts); wins over `resources` */
  resourcesJson?: readonly string[];
  /** a body that is not JSON (downloads, text answers) */
  bytes?: { contentType: string; data: Buffer };
}

/** Thrown by handlers to answer with an error envelope. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Partial<SimResponse> = {},
  ) {
    super(message);
  }
}

export function ok(resources: unknown[], meta: SimResponse['meta'] = {}, status = 200): SimResponse {
  return { status, resources, errors: [], meta };
}

export function fail(status: number, message: string, poweredBy?: string): SimResponse {
  return { status, resources: null, errors: [{ code: status, message }], poweredBy };
}

export function buildEnvelope(res: SimResponse, traceId: string, queryTime: number, poweredBy = res.poweredBy): Envelope | unknown {
  if (res.raw !== undefined) return res.raw;
  const meta: Meta = {
    query_time: queryTime,
    powered_by: poweredBy ?? 'crowdstrike-api-gateway',
    trace_id: traceId,
    ...res.meta,
  };
  if (res.metaOnly) return { ...res.extra, meta, errors: res.errors ?? [] };
  return { ...res.extra, meta, resources: res.resources === undefined ? [] : res.resources, errors: res.errors ?? [] };
}

/**
 * The envelope as JSON text, or as UTF-8 bytes when the resources come
 * serialized: their texts are written into one buffer as they are, without
 * joining them into one big string first.
 */
export function serializeEnvelope(res: SimResponse, traceId: string, queryTime: number, poweredBy = res.poweredBy): string | Buffer {
  const envelope = buildEnvelope(res, traceId, queryTime, poweredBy);
  const items = res.resourcesJson;
  if (items === undefined || res.raw !== undefined || res.metaOnly) return JSON.stringify(envelope);
  let head = '{';
  let tail = '';
  let inTail = false;
  for (const [key, value] of Object.entries(envelope as Envelope)) {
    if (value === undefined) continue;
    const field = key === 'resources' ? '"resources":[' : `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    if (inTail) tail += `,${field}`;
    else head += head === '{' ? field : `,${field}`;
    if (key === 'resources') inTail = true;
  }
  tail = `]${tail}}`;
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.max(0, items.length - 1);
  for (const item of items) size += Buffer.byteLength(item);
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) at = out.writeUInt8(0x2c, at); // ','
    at += out.write(items[i] as string, at);
  }
  at += out.write(tail, at);
  return out;
}
