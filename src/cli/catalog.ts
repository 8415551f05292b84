// `talon endpoints`, `talon describe` and `talon catalog import|reset|info`:
// plain text or JSON, no Ink. The catalog (and, for import, the spec parser)
// loads only when one of these commands runs.
import { type Command, Option } from 'commander';
import type { Catalog, CatalogOperation } from '../core/catalog/types.js';
import { ExitCode, UserError } from '../core/errors.js';
import { safeJson } from '../core/text/safeJson.js';
import { writeText } from './terminalOutput.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface CatalogCommandIO {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  /** terminal width for tables; undefined when output is not a terminal */
  columns: () => number | undefined;
}

const defaultIO = (): CatalogCommandIO => ({
  env: process.env,
  // Imported catalogs come from files anyone may write: text is shown terminal-safe.
  stdout: (s) => writeText(process.stdout, s),
  columns: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
});

/** Width used for tables when stdout is not a terminal (pipes, files). */
const PIPE_WIDTH = 160;

/** Adds the catalog commands to `program`. `io` replaces the process streams and env (tests). */
export function registerCatalogCommands(program: Command, io: Partial<CatalogCommandIO> = {}): void {
  const ctx: CatalogCommandIO = { ...defaultIO(), ...io };
  const profileOption = () => new Option('--profile <name>', "use this profile's imported catalog (default: the default profile's)");

  program
    .command('endpoints [query...]')
    .description('search the API operations: by path (/devices/en), words (contain, hash devices) or operation id')
    .option('--json', 'print JSON: [{operationId, method, path, scopes, summary, ...}]')
    .option('--limit <n>', 'at most N results (default 20 with a query, all without; 0 for all)')
    .addOption(profileOption())
    .action((words: string[], opts: { json?: boolean; limit?: string; profile?: string }) => listEndpoints(ctx, words.join(' '), opts));

  program
    .command('describe <operation> [path]')
    .description('show an operation: describe OPERATION_ID, describe METHOD PATH, or describe PATH')
    .option('--json', 'print JSON')
    .addOption(profileOption())
    .action((first: string, path: string | undefined, opts: { json?: boolean; profile?: string }) => describe(ctx, first, path, opts));

  const catalog = program.command('catalog').description('the endpoint catalog: bundled, or imported from a Swagger/OpenAPI file per profile');
  catalog
    .command('import <file>')
    .description("make a Swagger 2.0 or OpenAPI 3 file (JSON or YAML) the profile's catalog")
    .addOption(profileOption())
    .action((file: string, opts: { profile?: string }) => importCatalog(ctx, file, opts.profile));
  catalog
    .command('reset')
    .description('go back to the bundled catalog')
    .addOption(profileOption())
    .action((opts: { profile?: string }) => resetCatalog(ctx, opts.profile));
  catalog
    .command('info')
    .description('which catalog is in use: source, version, counts')
    .option('--json', 'print JSON')
    .addOption(profileOption())
    .action((opts: { json?: boolean; profile?: string }) => catalogInfo(ctx, opts));
}

async function catalogProfile(env: NodeJS.ProcessEnv, named: string | undefined): Promise<string> {
  const { resolveCatalogProfile } = await import('../core/catalog/currentCatalog.js');
  return resolveCatalogProfile(env, named);
}

async function currentCatalog(env: NodeJS.ProcessEnv, named: string | undefined): Promise<{ catalog: Catalog }> {
  const { loadCurrentCatalog } = await import('../core/catalog/currentCatalog.js');
  return { catalog: await loadCurrentCatalog({ profile: named, env }) };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function parseLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--limit must be a whole number, 0 or more (got "${raw}").`, ExitCode.usage);
  return n;
}

async function listEndpoints(io: CatalogCommandIO, query: string, opts: { json?: boolean; limit?: string; profile?: string }): Promise<void> {
  const limit = parseLimit(opts.limit, query.trim() ? 20 : 0);
  const { catalog } = await currentCatalog(io.env, opts.profile);
  const { searchCatalog } = await import('../core/catalog/searchCatalog.js');
  const ops = searchCatalog(catalog, query, { limit }).map((m) => m.operation);
  if (opts.json) {
    io.stdout(`${safeJson(ops.map(endpointJson), 2)}\n`);
    return;
  }
  if (ops.length === 0) {
    io.stdout(`No operation matches "${query.trim()}".\n`);
    return;
  }
  io.stdout(endpointTable(ops, io.columns() ?? PIPE_WIDTH));
}

function endpointJson(op: CatalogOperation) {
  return {
    operationId: op.operationId,
    collection: op.collection,
    method: op.method,
    path: op.path,
    scopes: op.scopes,
    summary: op.summary,
    deprecated: op.deprecated,
  };
}

/**
 * METHOD PATH SCOPE SUMMARY, the summary cut to what fits in `width`. Cells
 * are terminal-safe one-liners: an imported catalog is someone else's file.
 */
export function endpointTable(input: readonly CatalogOperation[], width: number): string {
  const ops = input.map((o) => ({
    method: terminalSafe(o.method),
    path: terminalSafe(o.path),
    scopes: o.scopes.map((s) => terminalSafe(s)),
    summary: terminalSafe(o.summary),
    deprecated: o.deprecated,
  }));
  const scopeOf = (op: { scopes: readonly string[] }) => (op.scopes.length > 0 ? op.scopes.join(',') : '-');
  const methodW = Math.max(6, ...ops.map((o) => o.method.length));
  const pathW = Math.max(4, ...ops.map((o) => o.path.length));
  const scopeW = Math.max(5, ...ops.map((o) => scopeOf(o).length));
  const fixed = methodW + pathW + scopeW + 6;
  const summaryW = Math.max(10, width - fixed);
  const row = (m: string, p: string, s: string, summary: string) =>
    `${m.padEnd(methodW)}  ${p.padEnd(pathW)}  ${s.padEnd(scopeW)}  ${summary}`.trimEnd();
  const lines = [row('METHOD', 'PATH', 'SCOPE', 'SUMMARY')];
  for (const op of ops) lines.push(row(op.method, op.path, scopeOf(op), cut(`${op.deprecated ? '[deprecated] ' : ''}${op.summary}`, summaryW)));
  return `${lines.join('\n')}\n`;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

async function describe(io: CatalogCommandIO, first: string, path: string | undefined, opts: { json?: boolean; profile?: string }): Promise<void> {
  const { catalog } = await currentCatalog(io.env, opts.profile);
  const { describeOperation, formatDescription, resolveOperation } = await import('../core/catalog/describeOperation.js');
  const description = describeOperation(catalog, resolveOperation(catalog, first, path));
  io.stdout(opts.json ? `${safeJson(description, 2)}\n` : formatDescription(description));
}

async function importCatalog(io: CatalogCommandIO, file: string, named: string | undefined): Promise<void> {
  const profile = await catalogProfile(io.env, named);
  const [{ importSpec, describeUnresolved }, { writeImportedCatalog }] = await Promise.all([
    import('../core/catalog/importSpec.js'),
    import('../core/catalog/catalogStore.js'),
  ]);
  const { catalog: imported, unresolved } = await importSpec(file);
  const stored = writeImportedCatalog(profile, imported, io.env);
  const withScopes = imported.operations.filter((o) => o.sc).length;
  io.stdout(
    `Imported ${count(imported.operations.length, 'operation')} in ${count(imported.collections.length, 'collection')} ` +
      `(${withScopes} with scopes) from ${file} (${imported.source.name} ${imported.source.version}).\n` +
      `It is now the catalog for profile "${profile}" (stored in ${stored}); talon catalog reset goes back to the bundled one.\n` +
      describeUnresolved(unresolved).map((l) => `${l}\n`).join(''),
  );
}

async function resetCatalog(io: CatalogCommandIO, named: string | undefined): Promise<void> {
  const profile = await catalogProfile(io.env, named);
  const { removeImportedCatalog } = await import('../core/catalog/catalogStore.js');
  const removed = removeImportedCatalog(profile, io.env);
  io.stdout(
    removed
      ? `Profile "${profile}" uses the bundled catalog again.\n`
      : `Profile "${profile}" already uses the bundled catalog (nothing was imported).\n`,
  );
}

async function catalogInfo(io: CatalogCommandIO, opts: { json?: boolean; profile?: string }): Promise<void> {
  const profile = await catalogProfile(io.env, opts.profile);
  const { loadCatalog } = await import('../core/catalog/loadCatalog.js');
  const catalog = loadCatalog({ profile, env: io.env });
  const s = catalog.source;
  const ops = catalog.operations;
  const info = {
    profile,
    source: s.kind === 'sdk' ? 'bundled' : 'imported',
    name: s.name,
    version: s.version,
    license: s.license ?? null,
    generatedBy: s.generatedBy,
    operations: ops.length,
    collections: catalog.collections.length,
    withScopes: ops.filter((o) => o.scopes.length > 0).length,
    deprecated: ops.filter((o) => o.deprecated).length,
    withBody: ops.filter((o) => o.body).length,
  };
  if (opts.json) {
    io.stdout(`${safeJson(info, 2)}\n`);
    return;
  }
  const origin = s.kind === 'sdk' ? `bundled, generated from ${s.name} ${s.version}${s.license ? ` (${s.license})` : ''}` : `imported from ${s.generatedBy} (${s.name} ${s.version})`;
  io.stdout(
    `Catalog for profile "${profile}": ${origin}\n` +
      `${info.operations} operations in ${info.collections} collections; ${info.withScopes} with scopes, ` +
      `${info.deprecated} deprecated, ${info.withBody} with a body.\n`,
  );
}
