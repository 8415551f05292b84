// jq in the shell's worker thread: real jq semantics as in-process, the main
// thread free while it runs, a cancel that stops even a filter that never
// ends, and the worker file found both in the source and in the build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { jqWorkerUrl, runJqInWorker, stopJqWorker } from '../../../src/core/jq/jqWorkerClient.js';
import { runJq } from '../../../src/core/jq/jqFilter.js';
import { hostsEnvelope } from '../jsonView/fixtures/hostRecords.js';

afterAll(() => stopJqWorker());

/** A filter jq never finishes. */
const FOREVER = 'last(range(1e15))';

describe('jq in a worker', () => {
  it('gives what in-process jq gives, and says what jq says for a filter that does not compile', async () => {
    const input = hostsEnvelope(50);
    const filter = '.resources | map({hostname, device_id}) | .[0:3]';
    expect(await runJqInWorker(input, filter).result).toEqual(await runJq(input, filter));
    // The same input again (the worker keeps it) and a second filter.
    expect(await runJqInWorker(input, '.resources | length').result).toEqual({ ok: true, values: [50] });
    const bad = await runJqInWorker(input, '.resources[').result;
    expect(bad).toMatchObject({ ok: false, syntax: true });
    expect((bad as { error: string }).error).toMatch(/syntax error/);
    // A new input replaces the one the worker kept.
    expect(await runJqInWorker({ resources: [1, 2] }, '.resources | length').result).toEqual({ ok: true, values: [2] });
  });

  it('leaves the main thread free while jq runs, and cancel stops a filter that never ends', async () => {
    const job = runJqInWorker({ a: 1 }, FOREVER);
    // Timers keep firing on this thread while the worker is busy.
    let ticks = 0;
    await new Promise<void>((done) => {
      const t = setInterval(() => {
        if (++ticks === 5) {
          clearInterval(t);
          done();
        }
      }, 10);
    });
    expect(ticks).toBe(5);
    job.cancel();
    expect(await job.result).toEqual({ cancelled: true });
    // The next job gets a fresh worker.
    expect(await runJqInWorker({ a: 41 }, '.a + 1').result).toEqual({ ok: true, values: [42] });
  });

  it('finds the worker beside the module in the source, and dist/jq-worker.js in the build', () => {
    expect(fileURLToPath(jqWorkerUrl())).toMatch(/src\/core\/jq\/jqWorker\.mjs$/);
    expect(existsSync(jqWorkerUrl())).toBe(true);
    expect(jqWorkerUrl('file:///opt/talon/dist/chunks/main-AB12.js').href).toBe('file:///opt/talon/dist/jq-worker.js');
    expect(jqWorkerUrl('file:///opt/talon/dist/talon.js').href).toBe('file:///opt/talon/dist/jq-worker.js');
    // An installation under a folder that happens to be called chunks.
    expect(jqWorkerUrl('file:///home/me/chunks/talon/dist/talon.js').href).toBe('file:///home/me/chunks/talon/dist/jq-worker.js');
  });

  const built = fileURLToPath(new URL('../../../dist/jq-worker.js', import.meta.url));
  it.skipIf(!existsSync(built))('the built worker (npm run build) runs a filter', async () => {
    const w = new Worker(built);
    try {
      const reply = await new Promise<{ id: number; exitCode: number; stdout: string }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ id: 1, filter: '.a | ascii_upcase', text: '{"a":"ok"}' });
      });
      expect(reply).toMatchObject({ id: 1, exitCode: 0 });
      expect(reply.stdout.trim()).toBe('"OK"');
    } finally {
      await w.terminate();
    }
  });
});
