// The catalog in use: a profile's imported spec if it has one, else the one
// bundled with talon (generated from the crowdstrike-falcon SDK by
// `npm run catalog`), shipped with talon: this works offline.
import { readImportedCatalog } from './catalogStore.js';
import { catalogText, modelsText } from './bundledCatalogText.js';
import { decodeCatalog } from './decodeCatalog.js';
import type { CatalogFile } from './catalogFile.js';
import type { Catalog } from './types.js';

let bundled: Catalog | undefined;

/** The catalog shipped with talon (decoded once, then cached). */
export function bundledCatalog(): Catalog {
  bundled ??= decodeCatalog(JSON.parse(catalogText()), () => JSON.parse(modelsText()) as CatalogFile['models']);
  return bundled;
}

export interface LoadCatalogOptions {
  /** the profile whose imported catalog to prefer; without one, the bundled catalog */
  profile?: string;
  env?: NodeJS.ProcessEnv;
}

/** The profile's imported catalog if there is one, else the bundled catalog. */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  if (options.profile !== undefined) {
    const imported = readImportedCatalog(options.profile, options.env);
    if (imported) return imported;
  }
  return bundledCatalog();
}
