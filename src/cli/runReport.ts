// Runs `talon report`: resolves the spec, reads the tenant through the one
// connection path (progress on stderr), renders, and writes stdout or new
// private files.
import { readFileSync } from 'node:fs';
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { UserError } from '../core/errors.js';
import { fileError } from '../core/fileError.js';
import { terminalSafe } from '../core/text/terminalSafe.js';
import { builtinReport, BUILTIN_REPORTS } from '../core/report/builtins.js';
import { parseSpecText } from '../core/report/parseSpec.js';
import { parseDuration } from '../core/report/duration.js';
import { collectReport, type ReportData } from '../core/report/collect.js';
import { reportMarkdown } from '../core/report/render/markdown.js';
import { reportHtml } from '../core/report/render/html.js';
import { reportJson } from '../core/report/render/json.js';
import { reportCsvFiles } from '../core/report/render/csv.js';
import { csvLine } from '../core/text/csvCell.js';
import { writeNewPrivateDir, writeNewPrivateFile } from '../core/report/writeOutput.js';
import type { ReportSpec } from '../core/report/spec.js';
import { writeExact } from './terminalOutput.js';

export interface ReportFlags extends ConnectionFlags {
  format: 'md' | 'csv' | 'html' | 'json';
  json?: boolean;
  out?: string;
  since?: string;
}

function loadSpec(name: string): ReportSpec {
  const builtin = builtinReport(name);
  if (builtin) return builtin;
  let text: string;
  try {
    text = readFileSync(name, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !/[./\\]/.test(name)) {
      throw new UserError(`'${name}' is neither a built-in report (${Object.keys(BUILTIN_REPORTS).join(', ')}) nor a spec file.`);
    }
    throw fileError(e, `the report spec '${name}'`, 'read');
  }
  return parseSpecText(text, name);
}

/** All sections in one CSV for standard output: the section's title is the first column. */
function combinedCsv(data: ReportData): string {
  let out = csvLine(['section', 'value', 'count']);
  for (const s of data.sections) {
    for (const b of s.buckets) out += csvLine([s.title, b.label, String(b.count)]);
    if (s.other) out += csvLine([s.title, '(other)', String(s.other)]);
  }
  return out;
}

export async function runReport(name: string, flags: ReportFlags): Promise<number> {
  const format = flags.json ? 'json' : flags.format;
  if (flags.since !== undefined && parseDuration(flags.since) === undefined) {
    throw new UserError(`--since '${flags.since}' is not a duration: use a whole number and m, h, d or w, such as 30d.`);
  }
  const spec = loadSpec(name);
  const conn = openCliConnection(flags);
  let data: ReportData;
  try {
    data = await collectReport(conn.client, spec, {
      since: flags.since,
      onProgress: (m) => process.stderr.write(`talon: ${terminalSafe(m)}\n`),
    });
  } finally {
    await conn.close();
  }
  for (const s of data.sections) for (const n of s.notes) process.stderr.write(`talon: ${terminalSafe(`${s.title}: ${n}`)}\n`);

  if (format === 'csv') {
    if (flags.out) {
      const paths = writeNewPrivateDir(flags.out, reportCsvFiles(data));
      process.stderr.write(`talon: wrote ${paths.length} CSV files to ${terminalSafe(flags.out)}\n`);
    } else writeExact(process.stdout, combinedCsv(data));
    return 0;
  }
  const text = format === 'html' ? reportHtml(data) : format === 'json' ? reportJson(data) : reportMarkdown(data);
  if (flags.out) {
    writeNewPrivateFile(flags.out, text);
    process.stderr.write(`talon: wrote ${terminalSafe(flags.out)}\n`);
  } else writeExact(process.stdout, text);
  return 0;
}
