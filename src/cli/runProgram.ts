// Parses the arguments with a program and runs the command; turns what a
// command throws into a message and an exit code (anyCommand.ts and
// oneShot.ts call it with the whole tree or a one-shot command's).
import { CommanderError, type Command } from 'commander';
import { ExitCode, UserError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export async function runProgram(program: Command, argv: string[]): Promise<number> {
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
