// `talon history`: the requests talon sent (from the shell or talon request),
// newest first, and any of them as a curl or talon command line.
import type { Command } from 'commander';
import { FORMAT_OPTION } from './exportFormatOption.js';

export interface HistoryFlags {
  limit?: string;
  json?: boolean;
}

export interface HistoryExportFlags {
  format?: string;
  curl?: boolean;
  talon?: boolean;
  baseUrl?: string;
}

export function registerHistoryCommand(program: Command): void {
  const cmd = program
    .command('history')
    .description('list the requests sent from the shell and talon request, newest first')
    .option('-n, --limit <n>', 'show at most N entries', '20')
    .option('--json', 'print the entries as a JSON array')
    .action(async (flags: HistoryFlags) => {
      const { runHistoryList } = await import('./runHistory.js');
      process.exitCode = runHistoryList(flags);
    });
  cmd
    .command('export')
    .description('print history entry N (1 = the newest) as code: curl, FalconPy, the TypeScript SDK or a talon command line')
    .argument('<n>', 'the entry number shown by talon history')
    .option(...FORMAT_OPTION)
    .option('--curl', 'a curl command (the token as $FALCON_TOKEN)')
    .option('--talon', 'a talon request command line')
    .option('--base-url <url>', 'the API base URL for curl, if the entry has none')
    .action(async (n: string, flags: HistoryExportFlags) => {
      const { runHistoryExport } = await import('./runHistory.js');
      process.exitCode = await runHistoryExport(n, flags);
    });
}
