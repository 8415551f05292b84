// Entry point: parses arguments and dispatches. One-shot commands are
// imported lazily, and none of them loads React or Ink.
import { Command, CommanderError, Option } from 'commander';
import { TALON_VERSION } from '../core/version.js';
import { ExitCode, UserError } from '../core/errors.js';
import { terminalSafe } from '../core/text/terminalSafe.js';
import { registerProfileCommand } from './profile.js';
import { registerRequestCommand } from './request.js';
import { registerLogoutCommand } from './logout.js';
import { registerHistoryCommand } from './history.js';
import { registerSavedCommand } from './saved.js';
import { registerReplayCommand } from './replay.js';
import { registerCatalogCommands } from './catalog.js';
import { registerContainCommand } from './contain.js';
import { registerHashSearchCommand } from './hashSearch.js';
import { registerAuditCommand } from './audit.js';
import { registerReportCommand } from './report.js';
import { registerAlertsCommand } from './alerts.js';
import { addConnectionOptions, type ConnectionFlags } from './commonOptions.js';

function buildProgram(): Command {
  const program = new Command('talon')
    .description('A terminal application for the CrowdStrike Falcon REST API.')
    .version(TALON_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run talon --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // Shell options go before a subcommand; each subcommand has its own.
    .enablePositionalOptions()
    .option('--demo', 'open the shell on the built-in simulator, whatever credentials exist');
  addConnectionOptions(program).action(async (flags: ConnectionFlags & { demo?: boolean }) => {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UserError('The interactive shell needs a terminal; from scripts use talon request (see talon --help).');
    }
    // Ink draws only the final frame when CI is set; on a real terminal the shell needs live frames.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[name] !== undefined) process.env[name] = '0';
    const { runShell } = await import('../ui/main.js');
    process.exitCode = await runShell({ flags, env: process.env });
  });

  program
    .command('simulate')
    .description('run the built-in Falcon API simulator (loopback only by default)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '0')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .option('--seed <s>', 'seed of the generated tenant: same seed, same data', '1')
    .option('--hosts <n>', 'number of hosts in the tenant', '500')
    .option('--token-ttl <seconds>', 'bearer token lifetime', '1799')
    .option('--rate-limit <n>', 'requests per minute before 429', '6000')
    .option('--containment-delay <ms>', 'how long containment and lifting stay pending', '3000')
    .addOption(
      new Option('--faults <spec>', 'inject faults, e.g. "5xx=0.1,429=0.05x3,slow=0.1@1500,drop=0.02,seed=7"'),
    )
    .action(async (flags) => {
      const { runSimulate } = await import('./simulate.js');
      await runSimulate(flags);
    });

  registerRequestCommand(program);
  registerProfileCommand(program);
  registerLogoutCommand(program);
  registerHistoryCommand(program);
  registerSavedCommand(program);
  registerReplayCommand(program);
  registerCatalogCommands(program);
  registerContainCommand(program);
  registerHashSearchCommand(program);
  registerAlertsCommand(program);
  registerAuditCommand(program);
  registerReportCommand(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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

main(process.argv).then((code) => {
  process.exitCode = code;
});
