// Test helper: a profile with a stored secret in a test TALON_HOME.
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { talonPaths } from '../../../src/core/config/paths.js';

export function addProfile(
  env: NodeJS.ProcessEnv,
  p: { name: string; baseUrl: string; readOnly: boolean; clientId?: string; clientSecret?: string },
): void {
  const config = talonPaths(env).config;
  new ProfileStore(config).add({ name: p.name, baseUrl: p.baseUrl, clientId: p.clientId ?? 'client-1', ...(p.readOnly ? { readOnly: true } : {}) });
  new SecretStore(config).set(p.name, p.clientSecret ?? 'secret-1');
}
