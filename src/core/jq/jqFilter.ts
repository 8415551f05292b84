// jq filters with real jq semantics: jq 1.8 compiled to WebAssembly
// (jq-wasm), loaded on first use only, so neither the shell's start nor a
// one-shot command without --jq pays for its 1.3 MB.
import type { Jq } from 'jq-wasm';

let loading: Promise<Jq> | undefined;

function loadJq(): Promise<Jq> {
  // The inline build carries its wasm, so the bundle needs no file beside it.
  loading ??= import('jq-wasm/inline').then((m) => m.loadJq());
  return loading;
}

export type JqOutcome =
  | { ok: true; /** every output of the filter, in order */ values: unknown[] }
  | { ok: false; /** jq's own message, first line, without the `jq: error` prefix */ error: string; /** the filter does not compile */ syntax: boolean };

/** jq's exit code for a filter that does not compile. */
const COMPILE_ERROR = 3;

/** jq's stderr as one sentence-sized line: "syntax error, unexpected end of file at <top-level>, line 1, column 3". */
function jqMessage(stderr: string): string {
  const first = stderr.split('\n').find((l) => l.trim() !== '') ?? 'jq failed';
  return first.replace(/^jq: error(?: \(at [^)]*\))?: /, '').trim().replace(/:$/, '');
}

/**
 * Runs `filter` over `input` (a parsed value, or JSON text as received) on
 * this thread: for one-shot commands, where a worker's start would only add
 * time. The shell runs jq in a worker (jqWorkerClient.ts).
 */
export async function runJq(input: unknown, filter: string, opts: { inputIsText?: boolean } = {}): Promise<JqOutcome> {
  const jq = await loadJq();
  const text = opts.inputIsText && typeof input === 'string' ? input : JSON.stringify(input ?? null);
  return jqOutcome(jq.raw(text, filter, ['-c']));
}

/** What jq's exit code and output (run with `-c`) mean: the outputs parsed back into values, or jq's message. */
export function jqOutcome(res: { exitCode: number; stdout: string; stderr: string }): JqOutcome {
  if (res.exitCode !== 0) return { ok: false, error: jqMessage(res.stderr), syntax: res.exitCode === COMPILE_ERROR };
  const values: unknown[] = [];
  for (const line of res.stdout.split('\n')) if (line !== '') values.push(JSON.parse(line));
  return { ok: true, values };
}

/** What a filter's outputs show as: the one value, or every output in an array. */
export function jqResultValue(values: readonly unknown[]): unknown {
  return values.length === 1 ? values[0] : values;
}
