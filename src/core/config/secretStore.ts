// Client secrets, stored only when the user asks (profile add --store-secret):
// in the OS keychain where there is one (keychain.ts), else in secrets.json
// next to config.json (mode 0600 in a 0700 directory, written atomically).
// secrets.json says, per profile, which store holds the secret, so `profile
// show` can tell without asking the keychain, and a secret never moves between
// stores on its own: a replaced secret goes where the old one was, and a
// keychain that cannot be reached is an error, not a reason to use the file.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { configFileError, parseConfigJson } from './configFileError.js';
import { KEYCHAIN_SERVICE, KeychainUnavailable, openKeychain, type Keychain } from './keychain.js';
import { talonPaths } from './paths.js';
import { SECRET_FILE_MODE, writeSecretFile } from './secureFile.js';

/** The secret itself (file store), or a note that the OS keychain holds it. */
type SecretRecord = { clientSecret: string } | { store: 'keychain' };

interface SecretsFile {
  profiles: Record<string, SecretRecord>;
}

export type SecretStoreKind = 'keychain' | 'file';

/** Which store `set` uses for a new secret: TALON_SECRET_STORE=keychain|file, else the keychain where it works. */
export type SecretStorePreference = 'auto' | SecretStoreKind;

export interface StoredSecret {
  store: SecretStoreKind;
  /** for people: "the OS keychain (service talon, account …)" or "0600 file …" */
  location: string;
  /** why the keychain was not used, when the file was */
  fallbackReason?: string;
}

export class SecretStore {
  readonly path: string;
  readonly #configDir: string;
  readonly #keychain: () => { keychain: Keychain } | { unavailable: string };

  constructor(configDir: string, keychain: () => { keychain: Keychain } | { unavailable: string } = openKeychain) {
    this.path = join(configDir, 'secrets.json');
    this.#configDir = configDir;
    this.#keychain = keychain;
  }

  /** The store under the config directory of `env` (TALON_HOME or XDG). */
  static open(env: NodeJS.ProcessEnv = process.env): SecretStore {
    return new SecretStore(talonPaths(env).config);
  }

  /** Where file-stored secrets live, for display ("0600 file /home/me/.config/talon/secrets.json"). */
  get location(): string {
    return `0600 file ${this.path}`;
  }

  /** The keychain item of a profile: one per profile and config directory. */
  keychainAccount(profile: string): string {
    return `${profile} (${this.#configDir})`;
  }

  keychainLocation(profile: string): string {
    return `OS keychain (service "${KEYCHAIN_SERVICE}", account "${this.keychainAccount(profile)}")`;
  }

  /** Which store holds the profile's secret, if one is stored. */
  storeOf(profile: string): SecretStoreKind | undefined {
    const record = this.#record(profile);
    if (!record) return undefined;
    return 'store' in record ? 'keychain' : 'file';
  }

  /** Where the profile's secret is, for display; undefined when none is stored. */
  locationOf(profile: string): string | undefined {
    const store = this.storeOf(profile);
    return store === 'keychain' ? this.keychainLocation(profile) : store === 'file' ? this.location : undefined;
  }

  /** The secret; a UserError when the keychain that holds it cannot be reached or has lost it. */
  get(profile: string): string | undefined {
    const record = this.#record(profile);
    if (!record) return undefined;
    if ('clientSecret' in record) return record.clientSecret || undefined;
    const fix = `Store it again with talon profile add ${profile} --store-secret --replace, or pass FALCON_CLIENT_SECRET.`;
    const k = this.#keychain();
    if ('unavailable' in k) throw new UserError(`The client secret of profile "${profile}" is in the OS keychain, but ${k.unavailable}. ${fix}`, ExitCode.usage);
    let secret: string | undefined;
    try {
      secret = k.keychain.get(this.keychainAccount(profile));
    } catch (e) {
      throw new UserError(`The client secret of profile "${profile}" is in the OS keychain, but ${(e as Error).message}. ${fix}`, ExitCode.usage);
    }
    if (!secret) throw new UserError(`The OS keychain no longer has the client secret of profile "${profile}" (${this.keychainLocation(profile)}). ${fix}`, ExitCode.usage);
    return secret;
  }

  has(profile: string): boolean {
    return this.storeOf(profile) !== undefined;
  }

  /**
   * Stores a secret: where the profile's secret already is, else in the
   * keychain if it works (or `preference` asks for the file). Says where it went.
   */
  set(profile: string, clientSecret: string, preference: SecretStorePreference = 'auto'): StoredSecret {
    const current = this.storeOf(profile);
    if (current && preference !== 'auto' && preference !== current) {
      throw new UserError(
        `The client secret of profile "${profile}" is in the ${current === 'keychain' ? 'OS keychain' : '0600 file'}; talon does not move it to the ${preference === 'keychain' ? 'OS keychain' : 'file'} on its own. Remove the profile first (talon profile remove ${profile}), then add it again.`,
        ExitCode.usage,
      );
    }
    const wanted: SecretStorePreference = current ?? preference;
    let fallbackReason: string | undefined;
    if (wanted !== 'file') {
      const k = this.#keychain();
      try {
        if ('unavailable' in k) throw new KeychainUnavailable(k.unavailable);
        k.keychain.set(this.keychainAccount(profile), clientSecret);
        const data = this.#read();
        data.profiles[profile] = { store: 'keychain' };
        this.#write(data);
        return { store: 'keychain', location: this.keychainLocation(profile) };
      } catch (e) {
        if (!(e instanceof KeychainUnavailable)) throw e;
        // A secret already in the keychain, or an explicit request for it, does not quietly go to the file.
        if (wanted === 'keychain') {
          throw new UserError(
            `Cannot store the client secret of profile "${profile}" in the OS keychain: ${e.message}. ${current ? 'Its earlier secret stays there.' : 'Use TALON_SECRET_STORE=file to keep it in a 0600 file instead.'}`,
            ExitCode.usage,
          );
        }
        fallbackReason = e.message;
      }
    }
    const data = this.#read();
    data.profiles[profile] = { clientSecret };
    this.#write(data);
    return { store: 'file', location: this.location, ...(fallbackReason ? { fallbackReason } : {}) };
  }

  /** Deletes a profile's secret; false if none was stored. A keychain that cannot be reached leaves everything as it was. */
  delete(profile: string): boolean {
    const data = this.#read();
    if (!Object.hasOwn(data.profiles, profile)) return false;
    const record = data.profiles[profile] as SecretRecord;
    if ('store' in record) {
      const k = this.#keychain();
      try {
        if ('unavailable' in k) throw new KeychainUnavailable(k.unavailable);
        k.keychain.delete(this.keychainAccount(profile));
      } catch (e) {
        throw new UserError(`Cannot remove the client secret of profile "${profile}" from the OS keychain: ${(e as Error).message}. Nothing was changed.`, ExitCode.usage);
      }
    }
    delete data.profiles[profile];
    this.#write(data);
    return true;
  }

  #record(profile: string): SecretRecord | undefined {
    const { profiles } = this.#read();
    return Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
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
      if ((entry as { store?: unknown } | null)?.store === 'keychain') {
        out.profiles[name] = { store: 'keychain' };
        continue;
      }
      const secret = (entry as { clientSecret?: unknown } | null)?.clientSecret;
      if (typeof secret !== 'string') throw configFileError(this.path, `the entry for "${name}" has no "clientSecret" string (nor "store": "keychain")`);
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
