// The catalog for "the current profile": --profile NAME (which must exist,
// unless it is `default`), else the default profile, else `default`; that
// profile's imported catalog if it has one, else the bundled one. The profile
// store (and its config file) is only read when some catalog was imported.
import { FALLBACK_PROFILE, hasImportedCatalogs } from './catalogStore.js';
import { bundledCatalog, loadCatalog } from './loadCatalog.js';
import type { Catalog } from './types.js';

/** The profile whose catalog applies. Throws a UserError for an unknown or invalid --profile. */
export async function resolveCatalogProfile(env: NodeJS.ProcessEnv, named?: string): Promise<string> {
  const { ProfileStore, unknownProfile, validateProfileName } = await import('../config/profileStore.js');
  if (named !== undefined) validateProfileName(named);
  const store = ProfileStore.open(env);
  if (named !== undefined) {
    if (named !== FALLBACK_PROFILE && !store.get(named)) throw unknownProfile(named, store.list());
    return named;
  }
  return store.defaultName() ?? FALLBACK_PROFILE;
}

/** The catalog of the named profile, or of the default one when none is named. */
export async function loadCurrentCatalog(options: { profile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Catalog> {
  const env = options.env ?? process.env;
  if (options.profile === undefined && !hasImportedCatalogs(env)) return bundledCatalog();
  return loadCatalog({ profile: await resolveCatalogProfile(env, options.profile), env });
}
