// Runs any command but the one-shot ones main.ts sends to oneShot.ts: the
// program with the subcommand being run (or the whole tree, for the shell,
// --help and mistakes).
import { buildProgram } from './program.js';
import { runProgram } from './runProgram.js';

export function run(argv: string[]): Promise<number> {
  return runProgram(buildProgram(argv[2]), argv);
}
