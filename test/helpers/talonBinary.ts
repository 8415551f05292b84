// Runs the built ./bin/talon (under the Node running the tests) as a user would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/talon', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs talon to completion. */
export function runTalon(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Starts a long-running talon and resolves once stdout has `lines` lines. */
export function startTalon(
  args: string[],
  lines: number,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ child: ChildProcessWithoutNullStreams; lines: string[]; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...opts.env } });
    const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`talon ${args.join(' ')} printed ${out.split('\n').length - 1} of ${lines} lines in time; stderr: ${err}`));
    }, opts.timeoutMs ?? 15_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const got = out.split('\n');
      if (got.length > lines) {
        clearTimeout(timer);
        resolve({ child, lines: got.slice(0, lines), exited });
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`talon exited with ${code} before printing ${lines} lines; stderr: ${err}`));
    });
  });
}
