// Drives a real terminal: runs a command in a detached tmux session, types
// into it with send-keys and reads the screen with capture-pane.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { BIN } from './talonBinary.js';

export interface TmuxSession {
  name: string;
  /** tmux key names (Enter, C-s, Escape, Down) or literal text with { literal: true } */
  keys(...keys: string[]): void;
  type(text: string): void;
  /** types one key at a time, `msPerKey` apart, as a fast typist does (the pacing is the input, not a wait) */
  typeSlowly(text: string, msPerKey: number): Promise<void>;
  screen(): string;
  waitFor(predicate: (screen: string) => boolean, ms?: number, what?: string): Promise<string>;
  kill(): void;
}

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function startTmux(command: string[], env: Record<string, string>, size = { columns: 100, rows: 30 }): TmuxSession {
  const name = `talon-e2e-${randomBytes(4).toString('hex')}`;
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), ...envArgs, ...command]);
  const tmux = (...args: string[]): string => execFileSync('tmux', args, { encoding: 'utf8' });
  const screen = (): string => tmux('capture-pane', '-p', '-t', name);
  return {
    name,
    keys: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    type: (text) => void tmux('send-keys', '-t', name, '-l', text),
    async typeSlowly(text, msPerKey) {
      for (const ch of text) {
        tmux('send-keys', '-t', name, '-l', ch);
        await new Promise((r) => setTimeout(r, msPerKey));
      }
    },
    screen,
    async waitFor(predicate, ms = 10_000, what = 'the screen') {
      const deadline = Date.now() + ms;
      for (;;) {
        let s = '';
        try {
          s = screen();
        } catch {
          // the session may be gone if the program exited
        }
        if (predicate(s)) return s;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // already gone
      }
    },
  };
}

/**
 * talon's shell (the built binary) in tmux, signed in to a simulator as its
 * demo client with TALON_HOME at `home`, returned once the endpoint line is up.
 */
export async function startShellInTmux(
  sim: { url: string; clients: { demo: { id: string; secret: string } } },
  opts: { home: string; env?: Record<string, string>; size?: { columns: number; rows: number } },
): Promise<TmuxSession> {
  const c = sim.clients.demo;
  const env = { TALON_HOME: opts.home, FALCON_BASE_URL: sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, TERM: 'xterm-256color', ...opts.env };
  const term = startTmux([process.execPath, BIN], env, opts.size);
  try {
    await term.waitFor((s) => s.includes('type a path'), 30_000, 'the endpoint line');
  } catch (e) {
    term.kill();
    throw e;
  }
  return term;
}
