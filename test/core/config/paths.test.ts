import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { talonPaths } from '../../../src/core/config/paths.js';
import { ensurePrivateDir, writeSecretFile } from '../../../src/core/config/secureFile.js';
import { modeOf, tempHome } from '../../helpers/tempHome.js';

describe('talonPaths', () => {
  it('puts config, data and cache under TALON_HOME', () => {
    const { home, env } = tempHome();
    expect(talonPaths(env)).toEqual({ config: join(home, 'config'), data: join(home, 'data'), cache: join(home, 'cache') });
  });

  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')('honours XDG_* from the env it is given', () => {
    expect(talonPaths({ XDG_CONFIG_HOME: '/x/conf', XDG_DATA_HOME: '/x/data', XDG_CACHE_HOME: '/x/cache' })).toEqual({
      config: '/x/conf/talon',
      data: '/x/data/talon',
      cache: '/x/cache/talon',
    });
    expect(talonPaths({}).config).toBe(join(homedir(), '.config', 'talon'));
  });
});

describe('secure files', () => {
  it('creates private directories', () => {
    const { home } = tempHome();
    const dir = join(home, 'a', 'b');
    ensurePrivateDir(dir);
    expect(modeOf(statSync(dir).mode)).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('writes 0600 files atomically, replacing old content and leaving no temp files', () => {
    const { home } = tempHome();
    const file = join(home, 'config', 'secret.json');
    writeSecretFile(file, 'one');
    expect(modeOf(statSync(file).mode)).toBe(0o600);
    writeFileSync(file, 'loose', { mode: 0o644 });
    writeSecretFile(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(modeOf(statSync(file).mode)).toBe(0o600);
    expect(readdirSync(join(home, 'config'))).toEqual(['secret.json']);
  });
});
