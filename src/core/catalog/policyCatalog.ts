// The catalog the send policy classifies calls against: a profile's imported
// catalog when one was imported, else the bundled scope index, which is all
// the policy reads (so a one-shot call never decodes the whole catalog).
import { hasImportedCatalogs } from './importedCatalogs.js';
import type { ScopeCatalog } from './types.js';

export async function loadPolicyCatalog(options: { profile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ScopeCatalog> {
  const env = options.env ?? process.env;
  if (!hasImportedCatalogs(env)) return (await import('./scopeIndex.js')).bundledScopeCatalog();
  const { loadCurrentCatalog } = await import('./currentCatalog.js');
  return loadCurrentCatalog({ profile: options.profile, env });
}
