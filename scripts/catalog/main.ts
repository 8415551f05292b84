// `npm run catalog [-- --check]`: regenerates src/core/catalog/data/bundledCatalog.ts
// and the simulator's src/sim/generic/data/operations.ts from the pinned
// crowdstrike-falcon SDK, or (--check) verifies that the committed files are
// exactly what the installed SDK gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildCatalog, SDK_PACKAGE, type CatalogCounts } from './buildCatalog.js';
import { dataModule } from './dataModule.js';
import { scopeIndexModule } from './scopeIndexModule.js';
import { GeneratorError } from './generatorError.js';
import { buildSimCatalog, simDataModule } from './simCatalog.js';

export interface GenerateOptions {
  /** repository root (holds package.json and node_modules) */
  root: string;
  check: boolean;
  log: (line: string) => void;
}

export const CATALOG_DATA_PATH = join('src', 'core', 'catalog', 'data', 'bundledCatalog.ts');
export const SCOPE_INDEX_PATH = join('src', 'core', 'catalog', 'data', 'scopeIndex.ts');
export const SIM_CATALOG_DATA_PATH = join('src', 'sim', 'generic', 'data', 'operations.ts');

/** The installed SDK's directory, after checking it is the exact version package.json pins. */
export function sdkPackageDir(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const pinned = pkg.devDependencies?.[SDK_PACKAGE];
  if (!pinned || !/^\d+\.\d+\.\d+$/.test(pinned)) {
    throw new GeneratorError(`package.json must pin ${SDK_PACKAGE} to an exact version in devDependencies (found ${pinned ?? 'nothing'})`);
  }
  const require = createRequire(join(root, 'package.json'));
  const dir = dirname(dirname(require.resolve(SDK_PACKAGE)));
  const installed = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (installed !== pinned) throw new GeneratorError(`${SDK_PACKAGE} ${installed} is installed but package.json pins ${pinned}: run npm ci`);
  return dir;
}

/** Generates the catalog text, the simulator's catalog text and the counts. */
export function generateCatalogText(root: string): { text: string; scopeText: string; simText: string; counts: CatalogCounts; responseModels: number; version: string } {
  const { file, counts, responses, modelsDir } = buildCatalog(sdkPackageDir(root));
  const sim = buildSimCatalog(file, responses, modelsDir);
  return {
    text: dataModule(file),
    scopeText: scopeIndexModule(file),
    simText: simDataModule(sim, file.source.notice ?? ''),
    counts,
    responseModels: Object.keys(sim.models).length,
    version: file.source.version,
  };
}

/** Compares (--check) or writes one generated file; 0 when it is (now) up to date. */
function syncFile(target: string, text: string, opts: GenerateOptions): number {
  const shown = relative(process.cwd(), target) || target;
  if (opts.check) {
    let committed: string | undefined;
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== text) {
      opts.log(`${shown} is ${committed === undefined ? 'missing' : 'out of date'}: run \`npm run catalog\` and commit the result.`);
      return 1;
    }
    opts.log(`${shown} is up to date.`);
    return 0;
  }
  writeFileSync(target, text);
  opts.log(`wrote ${shown}`);
  return 0;
}

export function runGenerator(opts: GenerateOptions): number {
  const { text, scopeText, simText, counts, responseModels, version } = generateCatalogText(opts.root);
  opts.log(
    `catalog from ${SDK_PACKAGE}@${version}: ${counts.operations} operations in ${counts.collections} collections; ` +
      `${counts.withScopes} with scopes, ${counts.deprecated} deprecated, ${counts.withBody} with a body; ` +
      `${counts.parameters} parameters (${counts.pathParameters} in paths, ${counts.enumParameters} with enum values); ` +
      `${counts.models} body models; ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`,
  );
  opts.log(`simulator catalog: ${responseModels} response models; ${(Buffer.byteLength(simText) / 1024).toFixed(0)} KiB`);
  const core = syncFile(join(opts.root, CATALOG_DATA_PATH), text, opts);
  const scopes = syncFile(join(opts.root, SCOPE_INDEX_PATH), scopeText, opts);
  const sim = syncFile(join(opts.root, SIM_CATALOG_DATA_PATH), simText, opts);
  return core || scopes || sim;
}

/** `root` is passed in: this module runs from a temporary bundle, not from scripts/. */
export function main(argv: string[], root: string): number {
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`catalog: unknown argument ${unknown[0]} (usage: npm run catalog [-- --check])\n`);
    return 2;
  }
  try {
    return runGenerator({ root, check: argv.includes('--check'), log: (l) => process.stderr.write(`${l}\n`) });
  } catch (e) {
    if (e instanceof GeneratorError) {
      process.stderr.write(`catalog: the SDK's shape is not what the generator understands: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
