// `talon contain`: the containment wizard for scripts and terminals. The
// implementation is loaded only when the command runs.
import type { Command } from 'commander';
import { addConnectionOptions } from './commonOptions.js';
import type { ContainFlags } from './runContain.js';

export function registerContainCommand(program: Command): void {
  const cmd = program
    .command('contain')
    .description('contain hosts (or lift their containment): review, confirm, send in batches, and optionally watch')
    .argument('[targets...]', 'hostnames (exact match) or device ids')
    .option('-f, --file <file>', 'read hostnames or device ids from a file, one or more per line (# comments); - reads standard input')
    .option('--lift', 'lift containment instead of containing')
    .option('-y, --yes', 'send without asking (required without a terminal)')
    .option('--wait', 'watch each host until it reaches the asked state')
    .option('--timeout <seconds>', 'how long --wait watches (implies --wait; default 120)')
    .option('--json', 'print the per-host results as JSON');
  // Here --timeout is how long --wait watches (the spelling); the HTTP limit is --http-timeout.
  addConnectionOptions(cmd, '--http-timeout').action(async (targets: string[], flags: ContainFlags) => {
    const { runContain } = await import('./runContain.js');
    process.exitCode = await runContain(targets, flags);
  });
}
