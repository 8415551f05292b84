// A program in a real pseudo-terminal (util-linux `script`), its output fed
// to a headless xterm.js, so a bench sees what a user's terminal would show,
// drawn by Ink's real renderer (throttle, incremental writes and all).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import xterm from '@xterm/headless';

const { Terminal } = xterm;

export function startInPty(command, { cols = 100, rows = 30, env = process.env } = {}) {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  // stty sets the pty's size before the program reads it.
  const child = spawn('script', ['-qfec', `stty cols ${cols} rows ${rows}; exec ${command}`, '/dev/null'], {
    env: { ...env, TERM: 'xterm-256color' },
  });
  let bytes = 0;
  let lastOutputAt = 0;
  const listeners = new Set();
  child.stdout.on('data', (d) => {
    bytes += d.length;
    const at = performance.now();
    lastOutputAt = at;
    // The screen is up to date once xterm has parsed this chunk.
    term.write(d, () => {
      for (const l of [...listeners]) l(at);
    });
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

  const screen = () => {
    const b = term.buffer.active;
    const lines = [];
    for (let i = 0; i < rows; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };

  /** Resolves with the time the output that made `pred(screen)` true arrived; rejects after `timeoutMs`. */
  const waitFor = (pred, timeoutMs = 10_000, what = 'the expected screen') =>
    new Promise((resolve, reject) => {
      if (pred(screen())) return resolve(performance.now());
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${what} did not appear within ${timeoutMs} ms; the screen:\n${screen()}`));
      }, timeoutMs);
      function check(at) {
        if (!pred(screen())) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(at);
      }
      listeners.add(check);
    });

  /** Writes `data` and times until `pred(screen)` holds, in ms. */
  const press = async (data, pred, timeoutMs, what) => {
    const t = performance.now();
    const shown = waitFor(pred, timeoutMs, what);
    child.stdin.write(data);
    return (await shown) - t;
  };

  /** Resolves when nothing has been written for `quietMs`. */
  const settle = async (quietMs = 150, timeoutMs = 10_000) => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const since = performance.now() - lastOutputAt;
      if (since >= quietMs) return;
      await new Promise((r) => setTimeout(r, quietMs - since));
    }
    throw new Error(`the screen kept changing for ${timeoutMs} ms`);
  };

  const stop = async () => {
    child.kill('SIGKILL');
    await exited;
    term.dispose();
  };
  return { child, screen, waitFor, press, settle, stop, exited, bytesWritten: () => bytes };
}

export const KEY = { enter: '\r', ctrlS: '\x13', ctrlL: '\x0c', ctrlU: '\x15', pageDown: '\x1b[6~', pageUp: '\x1b[5~', esc: '\x1b' };
