// Turns what came off the wire (headers and body bytes) into the fields of an
// ApiResponse: a body parsed by its content type, the trace id and the
// rate-limit counters Falcon sends on every answer.
import { checkJsonDepth } from './responseLimits.js';
import type { ResponseBody } from './types.js';

export interface ResponseFields {
  /** lowercase names; repeated headers joined with ", " */
  headers: Record<string, string>;
  size: number;
  body: ResponseBody;
  traceId?: string;
  rateLimitLimit?: number;
  rateLimitRemaining?: number;
}

/** Lowercases names and flattens repeated headers (undici gives arrays for those). */
export function normaliseHeaders(raw: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface MediaType {
  type: string;
  charset?: string;
}

function mediaType(contentType: string | undefined): MediaType | undefined {
  if (!contentType) return undefined;
  const [essence = '', ...params] = contentType.split(';');
  const type = essence.trim().toLowerCase();
  if (!type) return undefined;
  let charset: string | undefined;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";]+)"?\s*$/i.exec(p);
    if (m?.[1]) charset = m[1].trim().toLowerCase();
  }
  return { type, charset };
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function isTextType(type: string): boolean {
  return (
    type.startsWith('text/') ||
    type.endsWith('+xml') ||
    ['application/xml', 'application/javascript', 'application/x-www-form-urlencoded', 'application/x-ndjson'].includes(type)
  );
}

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the best guess.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** JSON when the type says JSON and it parses; text for text types (and broken JSON); bytes otherwise. */
export function parseResponseBody(headers: Readonly<Record<string, string>>, bytes: Uint8Array): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  const media = mediaType(headers['content-type']);
  if (media && isJsonType(media.type)) {
    const text = decodeText(bytes, media.charset);
    checkJsonDepth(text);
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      // It claimed JSON but is not: show what came, rather than fail the call.
      return { kind: 'text', value: text };
    }
  }
  if (media && isTextType(media.type)) return { kind: 'text', value: decodeText(bytes, media.charset) };
  return { kind: 'bytes', value: bytes };
}

function intHeader(headers: Readonly<Record<string, string>>, name: string): number | undefined {
  const v = headers[name]?.trim();
  if (!v || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

function traceIdFrom(headers: Readonly<Record<string, string>>, body: ResponseBody): string | undefined {
  const fromHeader = headers['x-cs-traceid']?.trim();
  if (fromHeader) return fromHeader;
  if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null) return undefined;
  const meta = (body.value as { meta?: unknown }).meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const id = (meta as { trace_id?: unknown }).trace_id;
  return typeof id === 'string' && id ? id : undefined;
}

/** All response fields derived from headers and body bytes. */
export function describeResponse(
  rawHeaders: Readonly<Record<string, string | string[] | undefined>>,
  bytes: Uint8Array,
): ResponseFields {
  const headers = normaliseHeaders(rawHeaders);
  const body = parseResponseBody(headers, bytes);
  const fields: ResponseFields = { headers, size: bytes.byteLength, body };
  const traceId = traceIdFrom(headers, body);
  if (traceId !== undefined) fields.traceId = traceId;
  const limit = intHeader(headers, 'x-ratelimit-limit');
  if (limit !== undefined) fields.rateLimitLimit = limit;
  const remaining = intHeader(headers, 'x-ratelimit-remaining');
  if (remaining !== undefined) fields.rateLimitRemaining = remaining;
  return fields;
}
