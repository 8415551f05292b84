// Entry point (bin/talon answers `--version` before it). It reads the
// arguments before anything else loads: shell completion (`__complete`, one
// process per Tab) answers without commander or the command tree; every other
// command goes to runProgram, which registers only the subcommand being run.
// One-shot commands never load React or Ink.
import { ONE_SHOT_NAMES } from './oneShotNames.js';
import { endQuietlyWhenPipeCloses } from './quietPipe.js';

type Runner = { run(argv: string[]): Promise<number> };
type Completer = typeof import('./completeBundle.js');

/** A bundle of its own beside dist/talon.js (scripts/build.mjs), by a computed URL that esbuild leaves alone. */
function ownBundle<T>(file: string): Promise<T> {
  return import(new URL(file, import.meta.url).href) as Promise<T>;
}

/**
 * Commands scripts call in loops run from the one-shot bundle (dist/oneshot,
 * built from oneShot.ts), which bin/talon requires itself; this path serves
 * `node dist/talon.js request …`.
 */
function runnerFor(command: string | undefined): Promise<Runner> {
  if (command === undefined || !ONE_SHOT_NAMES.has(command)) return import('./anyCommand.js');
  return ownBundle<Runner>('./oneshot/oneshot.cjs');
}

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // Shell completion's entry: `talon __complete WORD... CURRENT`, answered before any parsing.
  if (args[0] === '__complete') {
    const { runComplete } = await ownBundle<Completer>('./complete/complete.cjs');
    return runComplete(args.slice(1), process.env);
  }
  return (await runnerFor(args[0])).run(argv);
}

endQuietlyWhenPipeCloses();
main(process.argv).then((code) => {
  process.exitCode = code;
});
