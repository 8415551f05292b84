// `talon alerts`: find, enrich, change and close out alerts by rule. The
// implementations are loaded only when a command runs.
import { Option, type Command } from 'commander';
import { addConnectionOptions, collect } from './commonOptions.js';
import type { AlertListFlags, AlertShowFlags } from './runAlerts.js';
import type { AlertTriageFlags, AlertUpdateFlags } from './runAlertUpdate.js';

const PRESETS = ['new', 'high', 'last-24h', 'unassigned'];
const STATUSES = ['new', 'in_progress', 'closed', 'reopened'];

export function registerAlertsCommand(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('list alerts as a table (or JSON, CSV); show, update and triage them with the subcommands')
    .argument('[filter]', "an FQL filter, e.g. \"severity:>=60+status:'new'\"")
    .addOption(new Option('--preset <name>', 'a ready filter, combined with FILTER').choices(PRESETS))
    .option('--limit <n>', 'at most N alerts, newest first (default 1000; above 10000 pages with the combined call)')
    .addOption(new Option('--json', 'print the alerts as a JSON array').conflicts(['csv', 'ids']))
    .addOption(new Option('--csv', 'print the alerts as CSV (RFC 4180)').conflicts(['json', 'ids']))
    .addOption(new Option('--ids', 'print only the composite ids, one per line (for talon alerts update)').conflicts(['json', 'csv']));
  addConnectionOptions(alerts).action(async (filter: string | undefined, flags: AlertListFlags) => {
    const { runAlertList } = await import('./runAlerts.js');
    process.exitCode = await runAlertList(filter, flags);
  });

  const show = alerts
    .command('show')
    .description('an alert with its context: host, process and parent, file prevalence, MITRE, related alerts')
    .argument('<ids...>', 'composite alert ids')
    .option('--json', 'print the details as JSON');
  addConnectionOptions(show).action(async (ids: string[], flags: AlertShowFlags) => {
    const { runAlertShow } = await import('./runAlerts.js');
    process.exitCode = await runAlertShow(ids, flags);
  });

  const update = alerts
    .command('update')
    .description('set status, assign, tag or comment alerts: review, confirm, send in batches, audit')
    .argument('[ids...]', 'composite alert ids (or --filter)')
    .option('--filter <fql>', 'change the alerts this FQL filter matches instead of named ids')
    .option('--limit <n>', 'with --filter: at most N alerts (default 1000)')
    .addOption(new Option('--status <status>', 'set the status').choices(STATUSES))
    .option('--assign <user>', 'assign to a user id (with @) or a display name')
    .option('--unassign', 'remove the assignee')
    .option('--tag <tag>', 'add a tag; repeat for more', collect, [])
    .option('--comment <text>', 'append a comment')
    .option('--contain', "then hand the alerts' hosts to talon contain (its own review and confirmation)")
    .option('-y, --yes', 'send without asking (required without a terminal)')
    .option('--json', 'print the results as JSON');
  addConnectionOptions(update).action(async (ids: string[], flags: AlertUpdateFlags) => {
    const { runAlertUpdate } = await import('./runAlertUpdate.js');
    process.exitCode = await runAlertUpdate(ids, flags);
  });

  const triage = alerts
    .command('triage')
    .description('close out alerts by rule: a dry run of what each rule matches and why, then (after confirmation) close them')
    .requiredOption('--rules <file>', 'the rule file (YAML or JSON; see examples/triage-rules.yaml)')
    .option('--dry-run', 'show what each rule matches and stop')
    .option('-y, --yes', 'close without asking (required without a terminal)')
    .option('--json', 'print the plan and results as JSON');
  addConnectionOptions(triage).action(async (flags: AlertTriageFlags) => {
    const { runAlertTriage } = await import('./runAlertUpdate.js');
    process.exitCode = await runAlertTriage(flags);
  });
}
