// Reads and decodes a request body: size limit, content type, JSON or form.
import type { IncomingMessage } from 'node:http';
import { SimHttpError } from './envelope.js';

const EMPTY = Buffer.alloc(0);

/**
 * The body, or an empty buffer at once when the request has none (no Content-Length, no
 * Transfer-Encoding: most GETs), so such a request does not wait for stream events.
 */
export function bodyOf(req: IncomingMessage, maxBytes: number): Buffer | Promise<Buffer> {
  const length = req.headers['content-length'];
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined) return EMPTY;
  return readBody(req, maxBytes);
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new SimHttpError(413, `Request body too large: ${size} bytes, the limit is ${maxBytes} bytes.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Decodes the body for a route that expects `kind`; empty bodies decode to undefined. */
export function decodeBody(raw: Buffer, contentType: string | undefined, kind: 'json' | 'form' | 'raw' | 'none'): unknown {
  if (raw.length === 0 || kind === 'none') return undefined;
  if (kind === 'raw') return raw;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (kind === 'form') {
    if (type !== 'application/x-www-form-urlencoded') {
      throw new SimHttpError(415, `Unsupported Content-Type '${type || 'none'}'. Send application/x-www-form-urlencoded.`);
    }
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (type !== 'application/json') {
    throw new SimHttpError(415, `Unsupported Content-Type '${type || 'none'}'. Send the body as application/json.`);
  }
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new SimHttpError(400, `Malformed JSON in request body: ${(e as Error).message}.`);
  }
}
