// Writes API results as json, ndjson, context (XSOAR populate_context) or
// raw, streaming item by item when every page is fetched.
import { UserError } from '../errors.js';
import { envelopeOf, type ApiResponse } from '../http/types.js';
import { safeJson } from '../text/safeJson.js';
import { terminalSafe } from '../text/terminalSafe.js';

export const OUTPUT_FORMATS = ['json', 'ndjson', 'context', 'raw'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
}

export function parseOutputFormat(input: string | undefined): OutputFormat {
  const f = (input ?? 'json').toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) {
    throw new UserError(`Unknown output format '${input}': use one of ${OUTPUT_FORMATS.join(', ')}.`);
  }
  return f as OutputFormat;
}

/** JSON with C1 controls and bidi overrides escaped too: the same value, inert on a terminal. */
function stringify(value: unknown, pretty: boolean): string {
  return safeJson(value, pretty ? 2 : undefined);
}

/**
 * What cs-api-request puts in the XSOAR context: the response's `resources`
 * list (an empty list when it has none) under CrowdStrike.<endpoint>.
 */
export function contextOf(endpoint: string, resources: readonly unknown[]): unknown {
  return { CrowdStrike: { [endpoint]: resources } };
}

/** Writes one response. */
export async function writeResponse(sink: Sink, res: ApiResponse, format: OutputFormat, endpoint: string, pretty: boolean): Promise<void> {
  const body = res.body;
  if (format === 'raw') {
    if (body.kind === 'bytes') return sink.write(body.value);
    if (body.kind === 'empty') return;
    return sink.write(body.kind === 'text' ? body.value : stringify(body.value, false) + '\n');
  }
  const value = body.kind === 'json' ? body.value : body.kind === 'text' ? body.value : body.kind === 'empty' ? null : Buffer.from(body.value).toString('base64');
  if (format === 'ndjson') {
    const resources = envelopeOf(res)?.resources;
    const lines = Array.isArray(resources) ? resources : [value];
    return sink.write(lines.map((r) => stringify(r, false) + '\n').join(''));
  }
  if (format === 'context') {
    const resources = envelopeOf(res)?.resources;
    return sink.write(stringify(contextOf(endpoint, Array.isArray(resources) ? resources : []), pretty) + '\n');
  }
  return sink.write(stringify(value, pretty) + '\n');
}

/** Writes items from every page as they arrive; returns how many were written. */
export async function writeItems(sink: Sink, items: AsyncIterable<unknown>, format: OutputFormat, endpoint: string, pretty: boolean): Promise<number> {
  let n = 0;
  if (format === 'raw') throw new UserError('--output raw prints one response as received; it cannot be combined with --all. Use --output ndjson.');
  if (format === 'ndjson') {
    for await (const item of items) {
      await sink.write(stringify(item, false) + '\n');
      n++;
    }
    return n;
  }
  if (format === 'context') {
    // The context is one document, so it is collected first.
    const all: unknown[] = [];
    for await (const item of items) all.push(item);
    await sink.write(stringify(contextOf(endpoint, all), pretty) + '\n');
    return all.length;
  }
  const indent = pretty ? '\n    ' : '';
  const open = pretty ? '{\n  "resources": [' : '{"resources":[';
  // Opened with the first item: a call refused or failing before any page prints nothing on stdout.
  for await (const item of items) {
    const text = pretty ? stringify(item, true).replace(/\n/g, '\n    ') : stringify(item, false);
    await sink.write((n > 0 ? ',' : open) + indent + text);
    n++;
  }
  if (n === 0) await sink.write(open);
  await sink.write(pretty ? `${n ? '\n  ' : ''}],\n  "meta": {\n    "items": ${n}\n  },\n  "errors": []\n}\n` : `],"meta":{"items":${n}},"errors":[]}\n`);
  return n;
}

/** A sink over a Node stream that respects backpressure. */
export function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        const ok = stream.write(chunk, (err) => (err ? reject(err) : undefined));
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}

/**
 * A sink for a terminal: raw text and bytes from the API (json output is
 * already inert) have their control characters shown as escapes. In a pipe
 * talon writes the exact bytes instead.
 */
export function terminalSink(sink: Sink): Sink {
  return {
    write: (chunk) => sink.write(terminalSafe(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'), { multiline: true })),
  };
}
