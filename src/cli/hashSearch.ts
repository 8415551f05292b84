// `talon hash-search`: which hosts saw a file (or domain, or IP), for scripts
// and terminals. The implementation is loaded only when the command runs.
import { Option, type Command } from 'commander';
import { addConnectionOptions } from './commonOptions.js';
import type { HashSearchFlags } from './runHashSearch.js';

export function registerHashSearchCommand(program: Command): void {
  const cmd = program
    .command('hash-search')
    .description('find the hosts that observed a sha256 or md5 (or a domain, IPv4 or IPv6 address), and their processes')
    .argument('<value>', 'a sha256 (64 hex), md5 (32 hex), domain, IPv4 or IPv6 address')
    .addOption(new Option('--json', 'print the result as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the result as CSV (RFC 4180)').conflicts('json'))
    .option('--processes', 'also list, per host, the processes that involved it');
  addConnectionOptions(cmd).action(async (value: string, flags: HashSearchFlags) => {
    const { runHashSearch } = await import('./runHashSearch.js');
    process.exitCode = await runHashSearch(value, flags);
  });
}
