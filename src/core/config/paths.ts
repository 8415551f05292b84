// Where talon keeps its state. TALON_HOME=DIR puts everything under DIR (tests
// and portable installs); otherwise the platform's conventional directories.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';

export interface TalonPaths {
  /** profiles (config.json) and stored client secrets (secrets.json) */
  config: string;
  /** data that should survive a cache wipe */
  data: string;
  /** disposable data such as the token cache */
  cache: string;
}

const APP = 'talon';

export function talonPaths(env: NodeJS.ProcessEnv = process.env): TalonPaths {
  const home = env.TALON_HOME?.trim();
  if (home) {
    const dir = resolve(home);
    return { config: join(dir, 'config'), data: join(dir, 'data'), cache: join(dir, 'cache') };
  }
  if (process.platform === 'darwin' || process.platform === 'win32') {
    const p = envPaths(APP, { suffix: '' });
    return { config: p.config, data: p.data, cache: p.cache };
  }
  // env-paths reads process.env once at import, so the XDG lookup is done here
  // against the env we were given (the same rules env-paths applies on Linux).
  const base = (name: string, fallback: string[]): string => {
    const v = env[name]?.trim();
    return v ? v : join(homedir(), ...fallback);
  };
  return {
    config: join(base('XDG_CONFIG_HOME', ['.config']), APP),
    data: join(base('XDG_DATA_HOME', ['.local', 'share']), APP),
    cache: join(base('XDG_CACHE_HOME', ['.cache']), APP),
  };
}
