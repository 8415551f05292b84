// Where a profile's imported catalog lives (config/catalogs/<profile>.json
// under the config directory) and reading, writing and removing it.
import { writeFileAtomic } from '../config/secureFile.js';
import { fileError } from '../fileError.js';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { catalogsDir } from './importedCatalogs.js';
import { ExitCode, UserError } from '../errors.js';
import type { CatalogFile } from './catalogFile.js';
import { decodeCatalog } from './decodeCatalog.js';
import { serializeCatalog } from './serializeCatalog.js';
import type { Catalog } from './types.js';

/** Profile used when none is named and none is the default. */
export const FALLBACK_PROFILE = 'default';

export { hasImportedCatalogs } from './importedCatalogs.js';

export function importedCatalogPath(profile: string, env: NodeJS.ProcessEnv = process.env): string {
  // Profile names are validated by the profile store; keep path separators out regardless.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(profile)) {
    throw new UserError(`"${profile}" is not a valid profile name: use 1 to 64 letters, digits, dashes (-) and underscores (_).`, ExitCode.usage);
  }
  return join(catalogsDir(env), `${profile}.json`);
}

/** The profile's imported catalog, or undefined when it has none. A damaged file is a UserError naming it. */
export function readImportedCatalog(profile: string, env: NodeJS.ProcessEnv = process.env): Catalog | undefined {
  const path = importedCatalogPath(profile, env);
  if (!existsSync(path)) return undefined;
  try {
    return decodeCatalog(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    throw new UserError(
      `The imported catalog ${path} cannot be read: ${(e as Error).message}. Import the spec again, or run talon catalog reset${profile === FALLBACK_PROFILE ? '' : ` --profile ${profile}`}.`,
      ExitCode.usage,
    );
  }
}

/** Stores `file` as the profile's catalog (atomically: a half-written catalog is never read). Returns the path. */
export function writeImportedCatalog(profile: string, file: CatalogFile, env: NodeJS.ProcessEnv = process.env): string {
  const path = importedCatalogPath(profile, env);
  try {
    writeFileAtomic(path, serializeCatalog(file));
  } catch (e) {
    throw fileError(e, path, 'write');
  }
  return path;
}

/** Removes the profile's imported catalog; false if it had none. */
export function removeImportedCatalog(profile: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const path = importedCatalogPath(profile, env);
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
