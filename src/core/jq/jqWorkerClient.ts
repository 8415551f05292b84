// jq for the shell, in a worker thread: the screen keeps drawing and taking
// keys while jq reads a 10 MB answer, and a job can be cancelled (the worker
// is terminated, so even a filter that never ends stops). One worker serves
// every job in turn; it loads jq-wasm once, keeps the last input, and never
// holds the process open (the shell quits at once, even mid-job).
import { Worker } from 'node:worker_threads';
import { jqOutcome, type JqOutcome } from './jqFilter.js';

export interface JqJob {
  /** jq's outcome; `{ cancelled: true }` when cancel() came first */
  result: Promise<JqOutcome | { cancelled: true }>;
  /** stops the job: its worker is terminated, the next job starts a new one */
  cancel(): void;
}

type Reply = { id: number; exitCode: number; stdout: string; stderr: string } | { id: number; error: string };

interface Pending {
  settle(outcome: JqOutcome | { cancelled: true }): void;
  fail(error: Error): void;
}

/**
 * Where the worker file is: beside this module in the source (tests run
 * it as it is), dist/jq-worker.js in the build (an entry of its own, while
 * this code sits in dist/ or in a chunk under dist/chunks/).
 */
export function jqWorkerUrl(here: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) return new URL('./jqWorker.mjs', here);
  // The folder this file is in, not anywhere in the path: an installation may sit under a folder called chunks.
  return new URL(new URL('.', here).pathname.endsWith('/chunks/') ? '../jq-worker.js' : './jq-worker.js', here);
}

class JqWorkerPool {
  private worker: Worker | undefined;
  /** the input the current worker holds */
  private holds: unknown = undefined;
  private holdsAny = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    const w = new Worker(jqWorkerUrl());
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('error' in reply) p.fail(new Error(reply.error));
      else {
        try {
          p.settle(jqOutcome(reply));
        } catch (e) {
          p.fail(e as Error);
        }
      }
    });
    const lost = (why: Error): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.holdsAny = false;
      for (const p of this.pending.values()) p.fail(why);
      this.pending.clear();
    };
    w.on('error', (e) => lost(e));
    w.on('exit', (code) => lost(new Error(`the jq worker stopped (exit code ${code})`)));
    return w;
  }

  run(input: unknown, filter: string): JqJob {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    // The response as JSON text crosses once per response, not once per filter.
    const text = this.holdsAny && this.holds === input ? undefined : JSON.stringify(input ?? null);
    this.holds = input;
    this.holdsAny = true;
    let cancel = (): void => undefined;
    const result = new Promise<JqOutcome | { cancelled: true }>((resolve, reject) => {
      this.pending.set(id, { settle: resolve, fail: reject });
      cancel = () => {
        if (!this.pending.has(id)) return;
        this.pending.delete(id);
        resolve({ cancelled: true });
        if (this.worker === worker) this.stop();
      };
    });
    worker.postMessage({ id, filter, text });
    return { result, cancel: () => cancel() };
  }

  /** Terminates the worker; jobs still queued on it are cancelled. */
  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    this.holdsAny = false;
    this.holds = undefined;
    for (const p of this.pending.values()) p.settle({ cancelled: true });
    this.pending.clear();
    void w?.terminate();
  }
}

let pool: JqWorkerPool | undefined;

/** Runs `filter` over `input` in the shared jq worker. */
export function runJqInWorker(input: unknown, filter: string): JqJob {
  pool ??= new JqWorkerPool();
  return pool.run(input, filter);
}

/** Stops the shared worker (tests, and a shell that quits). */
export function stopJqWorker(): void {
  pool?.stop();
}
