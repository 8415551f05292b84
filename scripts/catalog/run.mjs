// `npm run catalog`: Node 20 cannot run the TypeScript generator directly, so
// esbuild bundles scripts/catalog/main.ts (dependencies stay external) into
// node_modules/.cache and this runs it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = fileURLToPath(new URL('../../node_modules/.cache/talon-catalog', import.meta.url));
mkdirSync(outdir, { recursive: true });
const outfile = `${outdir}/generate.mjs`;
await build({
  entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
  outfile,
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = main(process.argv.slice(2), root);
