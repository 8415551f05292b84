// The frame of an end-to-end suite: skipped where tmux is missing, a
// simulator started before its tests and closed after them, and every
// terminal a test starts killed when that test ends, passed or failed.
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { startHarness, type SimHarness } from './simClient.js';
import { tempHome } from './tempHome.js';
import { startShellInTmux, startTmux, tmuxAvailable, type TmuxSession } from './tmux.js';
import type { SimulatorOptions } from '../../src/sim/options.js';

export interface TmuxSuite {
  /** the suite's simulator (there once the suite has started) */
  readonly sim: SimHarness['sim'];
  /**
   * talon's shell in tmux, signed in to the simulator, returned once the endpoint line is up; with a fresh
   * TALON_HOME unless `home` is given. `env` in the result points TALON_HOME at it (for talon commands and
   * stores read beside the shell).
   */
  shell(opts?: { home?: string; env?: Record<string, string>; size?: { columns: number; rows: number } }): Promise<{ term: TmuxSession; home: string; env: NodeJS.ProcessEnv }>;
  /** any command in tmux */
  tmux(...args: Parameters<typeof startTmux>): TmuxSession;
}

export function describeInTmux(name: string, body: (e2e: TmuxSuite) => void): void;
export function describeInTmux(name: string, simulator: SimulatorOptions, body: (e2e: TmuxSuite) => void): void;
export function describeInTmux(name: string, ...args: [(e2e: TmuxSuite) => void] | [SimulatorOptions, (e2e: TmuxSuite) => void]): void {
  const [simulator, body] = args.length === 1 ? [undefined, args[0]] : args;
  describe.skipIf(!tmuxAvailable())(name, () => {
    let harness: SimHarness | undefined;
    const terms: TmuxSession[] = [];
    beforeAll(async () => {
      harness = await startHarness(simulator);
    });
    afterEach(() => {
      for (const t of terms.splice(0)) t.kill();
    });
    afterAll(async () => {
      await harness?.close();
    });
    const started = (): SimHarness => {
      if (!harness) throw new Error('the simulator is not up yet: use it inside a test');
      return harness;
    };
    body({
      get sim() {
        return started().sim;
      },
      async shell({ home, env, size } = {}) {
        const made = home === undefined ? tempHome() : { home, env: { TALON_HOME: home } };
        const term = await startShellInTmux(started().sim, { home: made.home, env, size });
        terms.push(term);
        return { term, home: made.home, env: made.env };
      },
      tmux(...startArgs) {
        const term = startTmux(...startArgs);
        terms.push(term);
        return term;
      },
    });
  });
}
