// Bundles the CLI with esbuild: production React and one file per entry cut
// Ink's unbundled start-up (~0.9 s) to ~0.3 s. Code splitting keeps Ink and
// React in chunks that only the interactive shell imports.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dependencyPatches } from './dependencyPatches.mjs';
import { catalogTextPlugin, writeCatalogFiles } from './catalogText.mjs';

// Shell completion reads the command tree as generated data, never commander: bring it up to date first.
await import('./commandTree.mjs');

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const options = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  // ~30% fewer bytes for V8 to parse before the shell's first frame; names stay, and the linked source maps map back.
  minifyWhitespace: true,
  legalComments: 'linked',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Prefer ES module builds: some packages' "main" is a UMD file with
  // requires that a bundler cannot follow (jsonc-parser).
  mainFields: ['module', 'main'],
  // Optional peer of Ink used only for React DevTools; never shipped.
  // The keychain binding is a native module, loaded at run time from node_modules (see core/config/keychain.ts).
  external: ['react-devtools-core', '@napi-rs/keyring'],
  define: {
    'process.env.NODE_ENV': '"production"',
    __TALON_VERSION__: JSON.stringify(pkg.version),
  },
  // Some bundled CommonJS dependencies call require(); give them one.
  banner: {
    js: "import { createRequire as __talonCreateRequire } from 'node:module'; const require = __talonCreateRequire(import.meta.url);",
  },
  // The catalog is read from dist/catalog: beside dist/talon.js, or the parent of a chunk's folder
  // (the folder the code is in: an installation may sit under a folder called chunks).
  plugins: [dependencyPatches, catalogTextPlugin("new URL(new URL('.', here).pathname.endsWith('/chunks/') ? '../catalog/' : './catalog/', here)")],
  logLevel: 'warning',
};
// The jq worker is an entry of its own (dist/jq-worker.js): the shell starts it as a file
// (src/core/jq/jqWorkerClient.ts finds it beside dist/talon.js).
await build({ ...options, entryPoints: { talon: 'src/cli/main.ts', sim: 'src/sim/index.ts', 'jq-worker': 'src/core/jq/jqWorker.mjs' }, outdir: 'dist' });
// What runs as one process per call (request, replay, hash-search, and shell
// completion once per Tab) is bundled again as one CommonJS file per entry
// that bin/talon requires: no ES module loader and none of the main bundle's
// dozens of small chunks to resolve (~25 ms of a ~150 ms call on Node 20).
// What they load only now and then stays out of those files: the full catalog
// (nearest-operation hints, imported catalogs) in dist/catalog, shared, and
// the packages imported lazily (jq for --jq, undici for a proxy) from node_modules.
const commonJs = {
  ...options,
  splitting: false,
  format: 'cjs',
  // CommonJS has no import.meta: the few modules that use it get the file's URL.
  define: { ...options.define, 'import.meta.url': '__talonFileUrl' },
  // import() of a package (jq-wasm) or a Node module becomes require(): these files run
  // through bin/codeCache.js's vm.Script on Node 20, where import() would need an
  // experimental loader option that prints a warning.
  supported: { 'dynamic-import': false },
  banner: { js: "const __talonFileUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await writeCatalogFiles('dist/catalog');
/** The one-shot bundles sit in dist/oneshot and dist/complete. */
const oneShotPlugins = [dependencyPatches, catalogTextPlugin("new URL('../catalog/', here)")];
await build({
  ...commonJs,
  entryPoints: { oneshot: 'src/cli/oneShot.ts' },
  outdir: 'dist/oneshot',
  outExtension: { '.js': '.cjs' },
  external: [...options.external, 'jq-wasm', 'undici'],
  plugins: oneShotPlugins,
});
// Shell completion (one process per Tab) the same way.
await build({
  ...commonJs,
  entryPoints: { complete: 'src/cli/completeBundle.ts' },
  outdir: 'dist/complete',
  outExtension: { '.js': '.cjs' },
  plugins: oneShotPlugins,
});
// What bin/codeCache.js needs of the CommonJS bundles, and what must stay out of them.
for (const file of ['dist/oneshot/oneshot.cjs', 'dist/complete/complete.cjs']) {
  const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
  // It reads them as latin1, which is their text only while they are ASCII (esbuild's default).
  if (bytes.some((byte) => byte > 0x7f)) throw new Error(`${file} holds non-ASCII bytes, which bin/codeCache.js would misread`);
  const text = bytes.toString('latin1');
  // It compiles them without a loader for import() (see `supported` above).
  if (/\bimport\(/.test(text)) throw new Error(`${file} calls import(), which bin/codeCache.js cannot serve`);
  // jsonc-parser's formatter (and its string caches, built at load): PURE_PACKAGES in scripts/dependencyPatches.mjs.
  if (text.includes('cachedBreakLinesWithSpaces')) throw new Error(`${file} holds jsonc-parser's formatter: see PURE_PACKAGES in scripts/dependencyPatches.mjs`);
}
// The catalog's text is read from dist/catalog, never compiled into a bundle (scripts/catalogText.mjs).
for (const file of ['dist/talon.js', 'dist/oneshot/oneshot.cjs', 'dist/complete/complete.cjs', ...readdirSync(new URL('../dist/chunks', import.meta.url)).map((f) => `dist/chunks/${f}`)]) {
  if (file.endsWith('.js') || file.endsWith('.cjs')) {
    if (readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').includes('"source":{"kind":"sdk"')) throw new Error(`${file} holds the catalog's text`);
  }
}
