// Bundles a small TypeScript entry with esbuild the way the CLI build does
// (production React, ESM, Node 20) and imports it, so benchmarks measure the
// code users run.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `entry` is TS source whose relative imports resolve from the repo root.
 * `lazyChunks`: the code loads chunks on demand (jq), so the bundle stays until the process exits.
 */
export async function importBundled(name, entry, { lazyChunks = false } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), `talon-bench-${name}-`));
  try {
    await build({
      stdin: { contents: entry, resolveDir: root, loader: 'tsx', sourcefile: `${name}.tsx` },
      outdir,
      // Splitting keeps Ink's optional devtools import in a chunk never loaded, as in the CLI build.
      splitting: true,
      entryNames: name,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      jsx: 'automatic',
      mainFields: ['module', 'main'],
      external: ['react-devtools-core'],
      define: { 'process.env.NODE_ENV': '"production"', __TALON_VERSION__: '"bench"' },
      banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return await import(pathToFileURL(join(outdir, `${name}.js`)).href);
  } finally {
    if (lazyChunks) process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
    else rmSync(outdir, { recursive: true, force: true });
  }
}

export { stats } from './report.mjs';
