// The root `talon` command without its action (the shell): name, version,
// help and error settings, and the shell's options. Subcommands inherit its
// settings when registered; program.ts adds the shell and every subcommand,
// oneShot.ts only the one being run.
import { Command } from 'commander';
import { TALON_VERSION } from '../core/version.js';
import { addConnectionOptions } from './commonOptions.js';

export function rootProgram(): Command {
  const program = new Command('talon')
    .description('A terminal application for the CrowdStrike Falcon REST API.')
    .version(TALON_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run talon --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // Shell options go before a subcommand; each subcommand has its own.
    .enablePositionalOptions()
    .option('--demo', 'open the shell on the built-in simulator, whatever credentials exist')
    .option('--collection <dir>', 'open the shell on this collection folder of saved requests (Ctrl+O lists them, Ctrl+B saves there)');
  return addConnectionOptions(program);
}
