// "Fetch all" in the shell: walks every page, streams the items to an NDJSON
// file as they arrive (so memory stays bounded), reports progress, and keeps
// the first items for display. Cancelled with an AbortSignal.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { ApiCaller, ApiRequest } from '../http/types.js';
import { paginate } from '../paging/paginate.js';
import { terminalSafe } from '../text/terminalSafe.js';

export interface FetchAllUpdate {
  items: number;
  total?: number;
  ratePerSec: number;
  file: string;
  done: boolean;
  error?: string;
  /** the first items, for the response pane (at most `keep`) */
  preview?: unknown[];
}

export interface FetchAllOptions {
  signal: AbortSignal;
  onUpdate(update: FetchAllUpdate): void;
  directory?: string;
  /** how many items to keep in memory for display */
  keep?: number;
  now?: () => number;
}

export function defaultFetchAllFile(req: ApiRequest, now: Date = new Date()): string {
  const name = req.path.replace(/^\/|\/v\d+$/g, '').replace(/[^A-Za-z0-9]+/g, '-');
  return `talon-${name}-${now.toISOString().replace(/[:.]/g, '').slice(0, 15)}.ndjson`;
}

/**
 * Opens a new file (never an existing one): a second fetch-all in the same
 * second gets `-2`, and so on. Tenant data: private (0600), and the exclusive
 * create never follows a planted link nor overwrites a file.
 */
async function createNew(path: string): Promise<{ file: string; out: WriteStream }> {
  for (let n = 1; ; n++) {
    const file = n === 1 ? path : path.replace(/\.ndjson$/, `-${n}.ndjson`);
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    try {
      await once(out, 'open');
      return { file, out };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 99) throw e;
    }
  }
}

export async function fetchAll(caller: ApiCaller, req: ApiRequest, opts: FetchAllOptions): Promise<FetchAllUpdate> {
  const now = opts.now ?? Date.now;
  const { file, out } = await createNew(resolve(opts.directory ?? process.cwd(), defaultFetchAllFile(req)));
  const keep = opts.keep ?? 5000;
  const preview: unknown[] = [];
  const started = now();
  let total: number | undefined;
  let items = 0;
  const update = (done: boolean, error?: string): FetchAllUpdate => ({
    items,
    total,
    ratePerSec: items / Math.max(0.001, (now() - started) / 1000),
    file,
    done,
    // A broken page's message quotes the server: shown, never obeyed.
    error: error === undefined ? undefined : terminalSafe(error),
    preview: done ? preview : undefined,
  });
  try {
    for await (const item of paginate(caller, req, { signal: opts.signal, onPage: (p) => (total = p.total) })) {
      items++;
      if (preview.length < keep) preview.push(item);
      if (!out.write(JSON.stringify(item) + '\n')) await once(out, 'drain');
      if (items % 100 === 0) opts.onUpdate(update(false));
    }
    const final = update(true);
    opts.onUpdate(final);
    return final;
  } catch (e) {
    const aborted = opts.signal.aborted;
    // A walk that stopped early says how much is already in the file.
    const final = update(true, aborted ? `cancelled after ${items} items` : `${(e as Error).message} ${items.toLocaleString('en-US')} item${items === 1 ? ' is' : 's are'} in ${file}.`);
    opts.onUpdate(final);
    return final;
  } finally {
    out.end();
    await once(out, 'close').catch(() => undefined);
  }
}
