// `talon report`: a built-in report (fleet, alerts, vulns) or a spec file,
// as Markdown, CSV, HTML or JSON. The implementation loads only when it runs.
import { Option, type Command } from 'commander';
import { addConnectionOptions } from './commonOptions.js';
import type { ReportFlags } from './runReport.js';

export function registerReportCommand(program: Command): void {
  const cmd = program
    .command('report')
    .description('build a report from the tenant: fleet, alerts, vulns, or a YAML/JSON spec file')
    .argument('<report>', 'fleet, alerts, vulns, or the path of a report spec (YAML or JSON)')
    .addOption(new Option('--format <format>', 'md, csv (one file per section), html (charts as inline SVG) or json').choices(['md', 'csv', 'html', 'json']).default('md'))
    .addOption(new Option('--json', 'the aggregated data as JSON (same as --format json)'))
    .option('--out <path>', 'write to this new file (for csv: a new directory), created private (0600); default: standard output')
    .option('--since <duration>', "the period of windowed sections, e.g. 24h, 30d, 12w (default: the spec's, else 30d)");
  addConnectionOptions(cmd).action(async (report: string, flags: ReportFlags) => {
    const { runReport } = await import('./runReport.js');
    process.exitCode = await runReport(report, flags);
  });
}
