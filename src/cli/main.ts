// Entry point. It reads the arguments before anything else loads: `--version`
// and shell completion (`__complete`, one process per Tab) answer without
// commander or the command tree; every other command goes to runProgram, which
// registers only the subcommand being run. One-shot commands never load React or Ink.
import { TALON_VERSION } from '../core/version.js';

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // What commander prints for -V/--version alone (a test holds them equal).
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${TALON_VERSION}\n`);
    return 0;
  }
  // Shell completion's entry: `talon __complete WORD... CURRENT`, answered before any parsing.
  if (args[0] === '__complete') {
    const { runComplete } = await import('./complete.js');
    return runComplete(args.slice(1), process.env);
  }
  const { runProgram } = await import('./runProgram.js');
  return runProgram(argv);
}

// A reader that goes away (`talon request --all | head -1`) is a normal end
// for a command that streams: stop quietly with exit 0, as curl and jq do.
// Audit and history are written ahead of and as each step lands, so nothing
// is left unrecorded.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
