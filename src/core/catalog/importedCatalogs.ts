// Whether any profile has an imported catalog, and where they live. Apart
// from catalogStore.ts (which reads and writes them) so that the hot paths
// that only ask "bundled or not?" (shell completion, the send policy of every
// one-shot request) load no file-writing or decoding code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { talonPaths } from '../config/paths.js';

/** config/catalogs under the config directory: one <profile>.json each. */
export function catalogsDir(env: NodeJS.ProcessEnv): string {
  return join(talonPaths(env).config, 'catalogs');
}

/** True when some profile has an imported catalog (else the bundled one applies, whatever the profile). */
export function hasImportedCatalogs(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return readdirSync(catalogsDir(env)).some((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
}
