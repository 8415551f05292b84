// `talon replay NAME`: sends a saved request, its {{variables}} filled from
// --var, TALON_VAR_<name> or the file's defaults, exactly as talon request
// would (same output formats, confirmation and exit codes).
import type { Command } from 'commander';
import { addConnectionOptions, addSendOptions, collect } from './commonOptions.js';
import type { ReplayFlags } from './runReplay.js';

export function registerReplayCommand(program: Command): void {
  const cmd = program
    .command('replay')
    .description('send a saved request (see talon saved list), filling in its {{variables}}')
    .argument('<name>', 'the saved request')
    .option('--collection <dir>', 'the collection folder (default: the one in the config directory)')
    .option('--var <name=value>', 'a variable value; repeat for more (else TALON_VAR_<name>, else the default in the file)', collect, []);
  addConnectionOptions(addSendOptions(cmd)).action(async (name: string, flags: ReplayFlags) => {
    const { runReplay } = await import('./runReplay.js');
    process.exitCode = await runReplay(name, flags);
  });
}
