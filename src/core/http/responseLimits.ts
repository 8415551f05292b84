// Limits on what a response may make talon hold: its size (a documented,
// configurable cap, TALON_MAX_RESPONSE_MB) and its JSON nesting. A hostile or
// broken server gets a sentence, never unbounded memory or a stack overflow.
import { ExitCode, UserError } from '../errors.js';

export const DEFAULT_MAX_RESPONSE_MB = 256;
/** Falcon envelopes nest a few dozen levels at most. */
export const MAX_JSON_DEPTH = 1000;

/** A response refused for its size or shape; not a network failure, so never retried. */
export class ResponseRefused extends UserError {}

/** The response size cap in bytes, from TALON_MAX_RESPONSE_MB (whole MB, at least 1). */
export function maxResponseBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TALON_MAX_RESPONSE_MB?.trim();
  if (!raw) return DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!/^\d+$/.test(raw) || mb < 1 || mb > 1024 * 1024) throw new UserError(`TALON_MAX_RESPONSE_MB must be a whole number of megabytes from 1; got '${raw}'.`);
  return mb * 1024 * 1024;
}

function tooLarge(limit: number): ResponseRefused {
  const mb = Math.round(limit / 1024 / 1024);
  return new ResponseRefused(`The response is larger than ${mb} MB, so talon stopped reading it: narrow the query (a smaller limit, a filter), or raise the cap with TALON_MAX_RESPONSE_MB.`, ExitCode.network);
}

/** A body that ended before its answer did; a network failure, as a reset connection is. */
export function closedEarly(): Error {
  return Object.assign(new Error('The connection closed before the answer ended.'), { code: 'ECONNRESET' });
}

/** A body's chunks, up to `limit` bytes: one declared or received past it throws the cap's sentence. */
class BoundedBody {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(
    declaredLength: string | string[] | undefined,
    private readonly limit: number,
  ) {
    const declared = Number(Array.isArray(declaredLength) ? declaredLength[0] : declaredLength);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  }

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.size > this.limit) throw tooLarge(this.limit);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    const all = Buffer.concat(this.chunks, this.size);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  }
}

/** Reads a body stream up to `limit` bytes; past it, stops and throws. */
export async function readBounded(body: AsyncIterable<Uint8Array> & { destroy?: (e?: Error) => void }, declaredLength: string | string[] | undefined, limit: number): Promise<Uint8Array> {
  try {
    const bounded = new BoundedBody(declaredLength, limit);
    for await (const chunk of body) bounded.add(chunk);
    return bounded.bytes();
  } catch (e) {
    if (e instanceof ResponseRefused) body.destroy?.();
    throw e;
  }
}

/**
 * readBounded for a Node stream (node:http's answer), through its events: the
 * async iterator's promise per chunk cost a one-shot call ~1 ms on a small answer.
 */
export function readBoundedStream(body: NodeJS.ReadableStream & { destroy(e?: Error): void }, declaredLength: string | string[] | undefined, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const refuse = (e: unknown): void => {
      body.destroy();
      reject(e);
    };
    let bounded: BoundedBody;
    try {
      bounded = new BoundedBody(declaredLength, limit);
    } catch (e) {
      return refuse(e);
    }
    body.on('data', (chunk: Buffer) => {
      try {
        bounded.add(chunk);
      } catch (e) {
        refuse(e);
      }
    });
    body.on('error', reject);
    let ended = false;
    body.on('end', () => {
      ended = true;
      resolve(bounded.bytes());
    });
    // Closed before the end: a reset connection.
    body.on('close', () => {
      if (!ended) reject(closedEarly());
    });
  });
}

/** Texts up to this size are first counted natively for brackets (the scan below runs cold in a one-shot call). */
const COUNT_FIRST_CHARS = 1 << 20;

/** Throws when JSON text nests deeper than MAX_JSON_DEPTH (checked before parsing, in one pass). */
export function checkJsonDepth(text: string): void {
  // No deeper than the brackets it holds: most answers hold fewer than the limit in all. Counting them
  // is one native regular expression (~0.1 ms for 26 KB); the scan, not yet compiled by V8 in a short
  // process, took 1-4 ms for the same text.
  if (text.length <= COUNT_FIRST_CHARS && text.replace(/[^[{]+/g, '').length <= MAX_JSON_DEPTH) return;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new ResponseRefused(`The response nests JSON deeper than ${MAX_JSON_DEPTH} levels, so talon did not read it: the server is broken or hostile.`, ExitCode.network);
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
