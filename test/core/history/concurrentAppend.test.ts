// Several talon processes append at once: no lost or interleaved lines, and
// compaction running meanwhile never loses an entry it keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseEntry } from '../../../src/core/history/historyEntrySchema.js';
import { tempHome } from '../../helpers/tempHome.js';

let dir: string;
let worker: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talon-worker-'));
  worker = join(dir, 'appendWorker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./appendWorker.ts', import.meta.url))],
    outfile: worker,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, count: number, tag: string, limit: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, file, String(count), tag, String(limit)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

function lines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('concurrent appends', () => {
  it('two processes appending 500 entries each give 1,000 intact lines', async () => {
    const { home } = tempHome();
    const file = join(home, 'data', 'history.jsonl');
    expect(await Promise.all([run(file, 500, 'a', 5000), run(file, 500, 'b', 5000)])).toEqual([0, 0]);
    const all = lines(file);
    expect(all).toHaveLength(1000);
    const entries = all.map((l) => parseEntry(l));
    expect(entries.every((e) => e !== undefined)).toBe(true);
    for (const tag of ['a', 'b']) {
      const seqs = entries.filter((e) => e?.profile === tag).map((e) => Number(e?.query[1]?.[1]));
      expect(seqs).toEqual(Array.from({ length: 500 }, (_, i) => i));
    }
  }, 60_000);

  it('with compaction under way, the kept entries are the newest of each process, without gaps', async () => {
    const { home } = tempHome();
    const file = join(home, 'data', 'history.jsonl');
    const limit = 150;
    expect(await Promise.all([run(file, 500, 'a', limit), run(file, 500, 'b', limit), run(file, 300, 'c', limit)])).toEqual([0, 0, 0]);
    const entries = lines(file).map((l) => parseEntry(l));
    expect(entries.every((e) => e !== undefined)).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(limit);
    expect(entries.length).toBeLessThanOrEqual(limit + 15);
    for (const [tag, count] of [['a', 500], ['b', 500], ['c', 300]] as const) {
      const seqs = entries.filter((e) => e?.profile === tag).map((e) => Number(e?.query[1]?.[1]));
      // Whatever survives of a process is an unbroken run ending with its last entry.
      if (seqs.length) expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => count - seqs.length + i));
    }
    // The very last entry of the file is the last one appended by one of them.
    const last = entries.at(-1);
    expect(Number(last?.query[1]?.[1])).toBe(last?.profile === 'c' ? 299 : 499);
  }, 60_000);
});
