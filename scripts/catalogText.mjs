// The bundled catalog as JSON files in dist/catalog, and the esbuild plugin
// that makes src/core/catalog/bundledCatalogText.ts read them. V8 parses a
// JSON file about twice as fast as it compiles the same 660 KB of text as a
// string literal in a module, and Node 20 keeps no compile cache for the
// shell's ES modules: loading the catalog was ~20 ms, most of it that compile.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const DATA = 'src/core/catalog/data/bundledCatalog.ts';
export const CATALOG_FILE = 'bundledCatalog.json';
export const MODELS_FILE = 'bundledModels.json';

/** Writes the catalog, its models and their notice (from the generated module) into `dir`. */
export async function writeCatalogFiles(dir) {
  const out = await build({ entryPoints: [DATA], bundle: true, format: 'cjs', platform: 'node', write: false, legalComments: 'eof', logLevel: 'warning' });
  const code = out.outputFiles[0].text;
  const module = { exports: {} };
  new Function('module', 'exports', code)(module, module.exports);
  const { BUNDLED_CATALOG_JSON, BUNDLED_MODELS_JSON } = module.exports;
  if (typeof BUNDLED_CATALOG_JSON !== 'string' || typeof BUNDLED_MODELS_JSON !== 'string') throw new Error(`${DATA} no longer exports the catalog's JSON text`);
  const notice = /\/\*![\s\S]*?\*\//.exec(code)?.[0];
  if (!notice) throw new Error(`${DATA} lost its notice comment`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${CATALOG_FILE}`, BUNDLED_CATALOG_JSON);
  writeFileSync(`${dir}/${MODELS_FILE}`, BUNDLED_MODELS_JSON);
  writeFileSync(`${dir}/NOTICE.txt`, `${notice}\n`);
}

/**
 * Replaces bundledCatalogText.ts with a module reading the files from the
 * folder `folderUrl` gives: a JavaScript expression of a URL, evaluated in the
 * bundle where `here` is the bundle file's own URL.
 */
export function catalogTextPlugin(folderUrl) {
  return {
    name: 'catalog-text-files',
    setup(b) {
      b.onResolve({ filter: /\/bundledCatalogText\.js$/ }, () => ({ path: 'bundled-catalog-text', namespace: 'talon-catalog' }));
      b.onLoad({ filter: /.*/, namespace: 'talon-catalog' }, () => ({
        loader: 'js',
        resolveDir: process.cwd(),
        contents: [
          "import { readFileSync } from 'node:fs';",
          `const here = ${'import.meta.url'};`,
          `const folder = ${folderUrl};`,
          `export const catalogText = () => readFileSync(new URL(${JSON.stringify(CATALOG_FILE)}, folder), 'utf8');`,
          `export const modelsText = () => readFileSync(new URL(${JSON.stringify(MODELS_FILE)}, folder), 'utf8');`,
        ].join('\n'),
      }));
    },
  };
}
