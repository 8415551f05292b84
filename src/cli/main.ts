// Entry point: parses arguments and dispatches. One-shot commands are
// imported lazily, and none of them loads React or Ink.
import { CommanderError } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminalSafe.js';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Shell completion's entry: `talon __complete WORD... CURRENT`, answered before any parsing.
  if (argv[2] === '__complete') {
    const { runComplete } = await import('./complete.js');
    return runComplete(program, argv.slice(3), process.env);
  }
  try {
    await program.parseAsync(argv);
    // Commands report failures through exitCode (e.g. an API error already printed).
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (e instanceof UserError) {
      // Messages quote API text, file contents and user input: shown, never obeyed.
      process.stderr.write(`talon: ${terminalSafe(e.message, { multiline: true })}\n`);
      for (const line of e.details) process.stderr.write(`  ${terminalSafe(line)}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`talon: internal error: ${terminalSafe(String(err.message), { multiline: true })}\n`);
    if (process.env.TALON_DEBUG) process.stderr.write(`${terminalSafe(err.stack ?? '', { multiline: true })}\n`);
    else process.stderr.write('  (set TALON_DEBUG=1 for the stack trace, and please report it)\n');
    return 70;
  }
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
