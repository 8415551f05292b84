// Runs every other bench/*.mjs in turn, each in its own node process, and
// exits non-zero if any of them fails (or reports being over budget).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== self)
  .sort();

const failed = [];
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const { status, signal } = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (status !== 0) failed.push(`${file} (${signal ?? `exit ${status}`})`);
}
if (failed.length) {
  console.error(`\n${failed.length} of ${benches.length} benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nall ${benches.length} benchmarks passed`);
