// Client secrets, stored only when the user asks (profile add --store-secret),
// in secrets.json next to config.json: mode 0600 in a 0700 directory, keyed by
// profile name, written atomically.
//
// The file is the store. An OS keychain (macOS Keychain, libsecret, Windows
// Credential Manager) would be better where one exists, but every Node binding
// is a native module, which talon avoids; a keychain backend with this file as
// the fallback is future work.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configFileError, parseConfigJson } from './configFileError.js';
import { talonPaths } from './paths.js';
import { SECRET_FILE_MODE, writeSecretFile } from './secureFile.js';

interface SecretsFile {
  profiles: Record<string, { clientSecret: string }>;
}

export class SecretStore {
  readonly path: string;

  constructor(configDir: string) {
    this.path = join(configDir, 'secrets.json');
  }

  /** The store under the config directory of `env` (TALON_HOME or XDG). */
  static open(env: NodeJS.ProcessEnv = process.env): SecretStore {
    return new SecretStore(talonPaths(env).config);
  }

  /** Where secrets live, for display ("0600 file /home/me/.config/talon/secrets.json"). */
  get location(): string {
    return `0600 file ${this.path}`;
  }

  get(profile: string): string | undefined {
    const { profiles } = this.#read();
    return (Object.hasOwn(profiles, profile) && profiles[profile]?.clientSecret) || undefined;
  }

  has(profile: string): boolean {
    return this.get(profile) !== undefined;
  }

  set(profile: string, clientSecret: string): void {
    const data = this.#read();
    data.profiles[profile] = { clientSecret };
    this.#write(data);
  }

  /** Deletes a profile's secret; false if none was stored. */
  delete(profile: string): boolean {
    const data = this.#read();
    if (!Object.hasOwn(data.profiles, profile)) return false;
    delete data.profiles[profile];
    this.#write(data);
    return true;
  }

  #read(): SecretsFile {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: Object.create(null) as SecretsFile['profiles'] };
      throw configFileError(this.path, (e as Error).message);
    }
    this.#tighten();
    const parsed = parseConfigJson(this.path, text);
    const profiles = (parsed as { profiles?: unknown } | null)?.profiles;
    if (typeof parsed !== 'object' || parsed === null || typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
      throw configFileError(this.path, 'it should be {"profiles": {"NAME": {"clientSecret": "…"}}}');
    }
    // Null prototype: a hand-edited "__proto__" key stays an ordinary key.
    const out: SecretsFile = { profiles: Object.create(null) as SecretsFile['profiles'] };
    for (const [name, entry] of Object.entries(profiles as Record<string, unknown>)) {
      const secret = (entry as { clientSecret?: unknown } | null)?.clientSecret;
      if (typeof secret !== 'string') throw configFileError(this.path, `the entry for "${name}" has no "clientSecret" string`);
      out.profiles[name] = { clientSecret: secret };
    }
    return out;
  }

  #write(data: SecretsFile): void {
    writeSecretFile(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** A copied or hand-made file may be group/world readable: make it 0600 again. */
  #tighten(): void {
    if (process.platform === 'win32') return;
    try {
      if (statSync(this.path).mode & 0o077) chmodSync(this.path, SECRET_FILE_MODE);
    } catch {
      // Not ours to change; reading still works.
    }
  }
}
