// The talon command tree: every subcommand and its options. runProgram.ts
// parses with it; data/commandTree.ts is its generated description for
// `talon __complete` (scripts/commandTree.mjs).
import { Option, type Command } from 'commander';
import { UserError } from '../core/errors.js';
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
import { registerAlertsCommand } from './alerts.js';
import { registerReportCommand } from './report.js';
import { registerVulnsCommand } from './vulns.js';
import type { ConnectionFlags } from './commonOptions.js';
import { rootProgram } from './rootProgram.js';
import { registerCompletionCommand } from './completion.js';

type Register = (program: Command) => void;

/**
 * Every subcommand by the top-level names it registers, in the order --help
 * lists them. A one-shot command registers only its own entry: its options,
 * help and errors are the same, and the others' cost nothing at start-up.
 */
const COMMANDS: ReadonlyArray<readonly [names: readonly string[], register: Register]> = [
  [['simulate'], registerSimulateCommand],
  [['request'], registerRequestCommand],
  [['profile'], (p) => registerProfileCommand(p)],
  [['logout'], registerLogoutCommand],
  [['history'], registerHistoryCommand],
  [['saved'], registerSavedCommand],
  [['replay'], registerReplayCommand],
  [['endpoints', 'describe', 'catalog'], (p) => registerCatalogCommands(p)],
  [['contain'], registerContainCommand],
  [['hash-search'], registerHashSearchCommand],
  [['alerts'], registerAlertsCommand],
  [['report'], registerReportCommand],
  [['vulns'], registerVulnsCommand],
  [['audit'], registerAuditCommand],
  [['completion'], registerCompletionCommand],
];

/**
 * The program; with `subcommand` (the first argument) naming a subcommand,
 * only that one is registered. Anything else (no argument, a flag, `help`, a
 * typo that needs "did you mean") gets the whole tree.
 */
export function buildProgram(subcommand?: string): Command {
  const program = rootProgram();
  program.action(async (flags: ConnectionFlags & { demo?: boolean; collection?: string }) => {
    // Bad flags are a sentence on the normal screen (exit 2), before Ink takes it over.
    const { checkShellFlags } = await import('../core/shell/shellFlags.js');
    checkShellFlags(flags, process.env);
    if (flags.collection !== undefined) {
      const { existingCollectionDir } = await import('../core/saved/collection.js');
      flags.collection = existingCollectionDir(flags.collection, process.env);
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UserError('The interactive shell needs a terminal; from scripts use talon request (see talon --help).');
    }
    // Ink draws only the final frame when CI is set; on a real terminal the shell needs live frames.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[name] !== undefined) process.env[name] = '0';
    const { runShell } = await import('../ui/main.js');
    process.exitCode = await runShell({ flags, env: process.env });
  });

  const own = COMMANDS.find(([names]) => subcommand !== undefined && names.includes(subcommand));
  for (const [, register] of own ? [own] : COMMANDS) register(program);
  return program;
}

function registerSimulateCommand(program: Command): void {
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
    .option('--region <name>', 'play this cloud (us-1, us-2, eu-1, us-gov-1, us-gov-2): token answers carry X-Cs-Region')
    .addOption(
      new Option('--faults <spec>', 'inject faults, e.g. "5xx=0.1,429=0.05x3,slow=0.1@1500,drop=0.02,seed=7"'),
    )
    .action(async (flags) => {
      const { runSimulate } = await import('./simulate.js');
      await runSimulate(flags);
    });
}
