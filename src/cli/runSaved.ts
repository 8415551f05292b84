// Runs the `talon saved` subcommands. Loaded only when one of them runs.
import { collectionDir, existingCollectionDir, loadCollection, loadSaved, removeSaved, saveRequest } from '../core/saved/collection.js';
import { savedFromRequest, serializeSaved, type SavedRequest } from '../core/saved/savedRequest.js';
import { applyKnownVariables, parseVarFlags, resolveVariables, variablesOf } from '../core/saved/variables.js';
import { entryToRequest } from '../core/history/historyEntry.js';
import { buildRequest } from '../core/request/requestArgs.js';
import { fromCurl } from '../core/curl/fromCurl.js';
import { cloudBaseUrl, DEFAULT_CLOUD } from '../core/auth/clouds.js';
import { UserError } from '../core/errors.js';
import { historyEntry } from './runHistory.js';
import { exportFormat, exportRequest } from './exportFormat.js';
import type { CollectionFlags, SavedAddFlags, SavedExportFlags, SavedImportFlags, SavedListFlags } from './saved.js';
import { integerFlag } from './integerFlag.js';
import { readAll } from '../core/readAll.js';
import { escapeJsonText, safeJson } from '../core/text/safeJson.js';
import { safeText, terminalSafe } from '../core/text/terminalSafe.js';
import { writeExact, writeText } from './terminalOutput.js';

function note(message: string): void {
  process.stderr.write(`talon: ${terminalSafe(message)}\n`);
}

/** What `saved list --json` prints for one request: the file's fields with the name first. */
function listed(saved: SavedRequest): Record<string, unknown> {
  return { name: saved.name, ...JSON.parse(serializeSaved(saved)) };
}

export function runSavedList(flags: SavedListFlags): number {
  const { dir, requests, problems } = loadCollection(existingCollectionDir(flags.collection));
  if (flags.json) {
    process.stdout.write(`${safeJson(requests.map(listed), process.stdout.isTTY ? 2 : undefined)}\n`);
  } else if (requests.length === 0 && problems.length === 0) {
    note(`no saved requests in ${dir}: save one with talon saved add, or in the shell.`);
  } else {
    // A shared collection is someone else's file: every field is shown terminal-safe.
    const rows = requests.map((r) => {
      const vars = variablesOf(r);
      const described = [r.description, vars.length ? `(${vars.map((v) => `{{${v}}}`).join(' ')})` : ''].filter(Boolean).join(' ');
      return { name: safeText(r.name), method: safeText(r.method), path: safeText(r.path), described: safeText(described) };
    });
    const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
    const methodWidth = Math.max(6, ...rows.map((r) => r.method.length));
    const lines = rows.map((r) => `${r.name.padEnd(nameWidth)}  ${r.method.padEnd(methodWidth)}  ${r.path}${r.described ? `  ${r.described}` : ''}`);
    if (lines.length) writeText(process.stdout, `${lines.join('\n')}\n`);
  }
  // A bad file never hides the others: one line each, naming the file and the field.
  for (const p of problems) note(`skipped ${p.message}`);
  return 0;
}

export function runSavedShow(name: string, flags: CollectionFlags): number {
  process.stdout.write(escapeJsonText(serializeSaved(loadSaved(existingCollectionDir(flags.collection), name))));
  return 0;
}

function save(saved: SavedRequest, dir: string, force: boolean | undefined): number {
  const file = saveRequest(dir, saved, { overwrite: force });
  note(`saved ${saved.name} in ${file}`);
  return 0;
}

export async function runSavedAdd(name: string, endpoint: string | undefined, flags: SavedAddFlags): Promise<number> {
  const stdin = flags.data === '-' ? await readAll(process.stdin) : '';
  const dir = collectionDir(flags.collection);
  if (flags.fromHistory !== undefined) {
    if (endpoint !== undefined) throw new UserError('Give either --from-history N or an endpoint, not both.');
    const n = integerFlag('--from-history', flags.fromHistory, 1);
    const req = entryToRequest(historyEntry(n));
    const saved = savedFromRequest(name, req, flags.description ?? '');
    return save({ ...saved, variables: Object.fromEntries(variablesOf(saved).map((v) => [v, {}])) }, dir, flags.force);
  }
  if (endpoint === undefined) throw new UserError('Give an endpoint (e.g. /devices/queries/devices/v1) or --from-history N.');
  if (/^https?:\/\//i.test(endpoint)) throw new UserError('Give the endpoint as a path (starting with /): a saved request works on any cloud.');
  const req = buildRequest(
    { endpoint, method: flags.method, query: flags.query, queryJson: flags.queryJson, data: flags.data },
    { baseUrl: cloudBaseUrl(DEFAULT_CLOUD), readStdin: () => stdin },
  );
  const saved = savedFromRequest(name, req, flags.description ?? '');
  return save({ ...saved, variables: Object.fromEntries(variablesOf(saved).map((v) => [v, {}])) }, dir, flags.force);
}


export async function runSavedImportCurl(curl: string | undefined, flags: SavedImportFlags): Promise<number> {
  const text = curl ?? (await readAll(process.stdin));
  if (!text.trim()) throw new UserError('No curl command given: pass it as an argument or on standard input.');
  const imported = fromCurl(text);
  for (const n of imported.notes) note(n);
  const saved = savedFromRequest(flags.name ?? 'imported', imported.request, flags.description ?? '', imported.variables);
  if (!flags.name) {
    process.stdout.write(escapeJsonText(serializeSaved(saved)));
    return 0;
  }
  return save(saved, collectionDir(flags.collection), flags.force);
}

export async function runSavedExport(name: string, flags: SavedExportFlags): Promise<number> {
  const format = exportFormat(flags);
  const saved = loadSaved(existingCollectionDir(flags.collection), name);
  const { values, missing } = resolveVariables(saved, { vars: parseVarFlags(flags.var), env: process.env });
  if (missing.length) note(`left ${missing.map((m) => `{{${m}}}`).join(', ')} unfilled: pass --var NAME=VALUE to fill ${missing.length === 1 ? 'it' : 'them'}.`);
  const req = applyKnownVariables(saved, values);
  const text = await exportRequest(format, req, flags.baseUrl ?? process.env.FALCON_BASE_URL ?? cloudBaseUrl(DEFAULT_CLOUD));
  writeExact(process.stdout, `${text}\n`);
  return 0;
}

export function runSavedRemove(name: string, flags: CollectionFlags): number {
  const dir = existingCollectionDir(flags.collection);
  removeSaved(dir, name);
  note(`removed ${name} from ${dir}`);
  return 0;
}
