// `talon audit`: prints the audit log (every contain and lift, with its
// result per host and trace ids, and every alert change, batch by batch).
// Reads a local file only.
import type { Command } from 'commander';
import { integerFlag } from './integerFlag.js';
import { safeJson } from '../core/text/safeJson.js';
import { writeText } from './terminalOutput.js';

interface AuditFlags {
  json?: boolean;
  limit?: string;
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('print the audit log of containment actions (contain and lift) and alert changes')
    .option('--json', 'print the entries as a JSON array')
    .option('--limit <n>', 'only the last N entries')
    .action(async (flags: AuditFlags) => {
      const limit = flags.limit === undefined ? undefined : integerFlag('--limit', flags.limit, 1);
      const { auditLogPath, readAuditRecords } = await import('../core/audit/auditLog.js');
      const { formatAudit } = await import('../core/audit/formatAudit.js');
      const path = auditLogPath(process.env);
      const { entries, skipped } = readAuditRecords(path, { limit });
      if (skipped) process.stderr.write(`talon: skipped ${skipped} unreadable line${skipped === 1 ? '' : 's'} in ${path}.\n`);
      if (flags.json) process.stdout.write(safeJson(entries, process.stdout.isTTY ? 2 : undefined) + '\n');
      else writeText(process.stdout, entries.length ? formatAudit(entries) : `No containment actions recorded yet (${path}).\n`);
    });
}
