// `talon vulns`: find Spotlight vulnerabilities, show a CVE's remediation,
// and turn groups into tickets. The implementations load only when run.
import { Option, type Command } from 'commander';
import { addConnectionOptions, collect } from './commonOptions.js';
import type { VulnsFlags } from './runVulns.js';
import type { VulnShowFlags } from './runVulnShow.js';
import type { VulnTicketsFlags } from './runVulnTickets.js';

const PRESET_TEXT = 'critical-exploited, cve:CVE-…, group:NAME, open-days:N or kev; repeat to combine (AND)';

/** The finder's options, shared by the list and the tickets. */
function addFinderOptions(cmd: Command): Command {
  return cmd
    .argument('[fql]', "any Spotlight FQL, ANDed with the presets, e.g. \"host_info.platform_name:'Linux'\"")
    .option('--preset <preset>', PRESET_TEXT, collect, [])
    .option('--status <list>', 'statuses to include: open, reopen, closed, expired, or all', 'open,reopen');
}

export function registerVulnsCommand(program: Command): void {
  const vulns = program
    .command('vulns')
    .description('find Spotlight vulnerabilities with presets or FQL, grouped by CVE or by host')
    .addOption(new Option('--by <grouping>', 'group by cve or host').choices(['cve', 'host']).default('cve'))
    .option('--limit <n>', 'show at most N groups (the most urgent first)')
    .addOption(new Option('--json', 'print the groups as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the groups as CSV (RFC 4180)').conflicts('json'));
  addConnectionOptions(addFinderOptions(vulns)).action(async (fql: string | undefined, flags: VulnsFlags) => {
    const { runVulns } = await import('./runVulns.js');
    process.exitCode = await runVulns(fql, flags);
  });

  const show = vulns
    .command('show')
    .description("a CVE's details and its remediation: the fix's name, what to do, and links")
    .argument('<cve>', 'a CVE id, e.g. CVE-2024-3094')
    .option('--json', 'print the detail as JSON');
  addConnectionOptions(show).action(async (cve: string, flags: VulnShowFlags) => {
    const { runVulnShow } = await import('./runVulnShow.js');
    process.exitCode = await runVulnShow(cve, flags);
  });

  const tickets = vulns
    .command('tickets')
    .description('one ticket per CVE or host: files for Jira or ServiceNow, JSON, or a webhook')
    .addOption(new Option('--group-by <grouping>', 'one ticket per cve or per host').choices(['cve', 'host']).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'file format').choices(['jira-csv', 'servicenow-csv', 'json']).default('json'))
    .option('--out <dir>', 'write the tickets to a new file in DIR (default: standard output)')
    .option('--webhook <url>', 'POST each ticket to URL (or TALON_WEBHOOK_URL); needs --template')
    .option('--template <file>', 'JSON template of the webhook body, with {{title}}, {{body}}, {{action}}…')
    .option('--update-url <url>', 'send updates here instead (may hold {{ticket_id}}), e.g. a PUT to the issue')
    .option('--update-method <method>', 'method for --update-url', 'PUT')
    .option('--header <name:value>', 'a header for the webhook, e.g. "X-Team: sec"; for secrets prefer TALON_WEBHOOK_AUTH (Authorization), as flags show in process lists', collect, [])
    .option('--state <file>', 'remember sent tickets here, so a re-run sends only new or changed groups')
    .option('--console-url <url>', 'Falcon console address for links (default: from the cloud)')
    .option('--dry-run', 'show what would be created or updated; send and write nothing');
  addConnectionOptions(addFinderOptions(tickets)).action(async (fql: string | undefined, flags: VulnTicketsFlags) => {
    const { runVulnTickets } = await import('./runVulnTickets.js');
    process.exitCode = await runVulnTickets(fql, flags);
  });
}
