// The commands scripts call in loops (`talon request`, `replay`,
// `hash-search`), built by scripts/build.mjs as one CommonJS file of their own
// (dist/oneshot/oneshot.cjs) that bin/talon requires directly: no ES module
// loader and none of the main bundle's forty small chunks on their path. The
// program is the root with only the command being run, as program.ts
// registers it (a test holds the two equal).
import type { Command } from 'commander';
import { rootProgram } from './rootProgram.js';
import { registerRequestCommand } from './request.js';
import { registerReplayCommand } from './replay.js';
import { registerHashSearchCommand } from './hashSearch.js';
import { runProgram } from './runProgram.js';
import { endQuietlyWhenPipeCloses } from './quietPipe.js';
import { exitWhenWritten } from './exitWhenWritten.js';
// What every call to the API loads anyway (the send policy's catalog), in the
// bundle's main file rather than in chunks of their own.
import '../core/catalog/policyCatalog.js';
import '../core/catalog/scopeIndex.js';

export const ONE_SHOT_COMMANDS: Readonly<Record<string, (program: Command) => void>> = {
  request: registerRequestCommand,
  replay: registerReplayCommand,
  'hash-search': registerHashSearchCommand,
};

export function oneShotProgram(name: string): Command {
  const program = rootProgram();
  ONE_SHOT_COMMANDS[name]?.(program);
  return program;
}

export function run(argv: string[]): Promise<number> {
  return runProgram(oneShotProgram(argv[2] ?? ''), argv);
}

/** bin/talon's entry for these commands. */
export function main(): void {
  endQuietlyWhenPipeCloses();
  void run(process.argv).then(exitWhenWritten);
}
