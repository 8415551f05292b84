// Named profiles (which client, which cloud) in config.json: read with one
// JSON.parse, written atomically at 0600 by the writer every private file
// uses (secureFile.ts). conf did this until talon measured it: with ajv,
// semver and atomically it cost every command ~80 ms of start-up for schema,
// migration and watch features talon never used (README, Development).
// The file is hand-editable, so a broken one is reported, never wiped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { normaliseBaseUrl, parseCloud } from '../auth/clouds.js';
import { configFileError } from './configFileError.js';
import { normaliseMemberCid } from './memberCid.js';
import { talonPaths } from './paths.js';
import { ensurePrivateDir, writeSecretFile } from './secureFile.js';

export interface Profile {
  name: string;
  /** canonical cloud name or `auto`; absent when `baseUrl` is set */
  cloud?: string;
  baseUrl?: string;
  clientId: string;
  memberCid?: string;
  readOnly?: boolean;
  description?: string;
}

interface StoredConfig extends Record<string, unknown> {
  profiles?: Record<string, Omit<Profile, 'name'>>;
  defaultProfile?: string;
}

const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Throws a UserError unless `name` is a usable profile name. */
export function validateProfileName(name: string): void {
  // __proto__ would fit the pattern but is no safe object key.
  if (!NAME_RE.test(name) || name === '__proto__') {
    throw new UserError(
      `"${name}" is not a valid profile name: use 1 to 64 letters, digits, dashes (-) and underscores (_).`,
      ExitCode.usage,
    );
  }
}

export class ProfileStore {
  readonly path: string;

  constructor(configDir: string) {
    ensurePrivateDir(configDir);
    this.path = join(configDir, 'config.json');
  }

  /** The store under the config directory of `env` (TALON_HOME or XDG). */
  static open(env: NodeJS.ProcessEnv = process.env): ProfileStore {
    return new ProfileStore(talonPaths(env).config);
  }

  list(): Profile[] {
    return Object.entries(this.#profiles())
      .map(([name, fields]) => ({ name, ...fields }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Profile | undefined {
    const profiles = this.#profiles();
    const stored = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    return stored ? { name, ...stored } : undefined;
  }

  /** Adds a profile (validated and normalised); an existing name needs `replace`. Returns what was stored. */
  add(profile: Profile, options: { replace?: boolean } = {}): Profile {
    validateProfileName(profile.name);
    const profiles = this.#profiles();
    if (Object.hasOwn(profiles, profile.name) && !options.replace) {
      throw new UserError(`Profile "${profile.name}" already exists: pass --replace to overwrite it.`, ExitCode.usage);
    }
    const { name, ...fields } = normaliseProfile(profile);
    profiles[name] = fields;
    this.#write({ profiles });
    return { name, ...fields };
  }

  /** Removes a profile (and the default marker if it pointed there); false if there was none. */
  remove(name: string): boolean {
    const profiles = this.#profiles();
    if (!Object.hasOwn(profiles, name)) return false;
    delete profiles[name];
    const wasDefault = this.defaultName() === name;
    const store = this.#read();
    store.profiles = profiles;
    if (wasDefault) delete store.defaultProfile;
    this.#guard(() => writeSecretFile(this.path, `${JSON.stringify(store, null, '\t')}\n`));
    return true;
  }

  defaultName(): string | undefined {
    const name = this.#read().defaultProfile;
    if (name !== undefined && typeof name !== 'string') throw configFileError(this.path, '"defaultProfile" must be a string');
    return name || undefined;
  }

  /** The default profile, if one is set and still exists. */
  getDefault(): Profile | undefined {
    const name = this.defaultName();
    return name ? this.get(name) : undefined;
  }

  setDefault(name: string): void {
    if (!this.get(name)) throw unknownProfile(name, this.list());
    this.#write({ defaultProfile: name });
  }

  #read(): StoredConfig {
    return this.#guard(() => {
      let text: string;
      try {
        text = readFileSync(this.path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
        throw e;
      }
      if (text.trim() === '') return {};
      // A hand edit may have added a byte-order mark.
      const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('it must hold a JSON object');
      return value as StoredConfig;
    });
  }

  /** Sets top-level keys, keeping every other key of the file as it was. */
  #write(values: Partial<StoredConfig>): void {
    const next = { ...this.#read(), ...values };
    this.#guard(() => writeSecretFile(this.path, `${JSON.stringify(next, null, '\t')}\n`));
  }

  #profiles(): Record<string, Omit<Profile, 'name'>> {
    const profiles = this.#read().profiles ?? {};
    if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
      throw configFileError(this.path, '"profiles" must be an object of name → profile');
    }
    for (const [name, p] of Object.entries(profiles)) {
      const problem = profileProblem(p);
      if (problem) throw configFileError(this.path, `profile "${name}" ${problem}`);
    }
    return { ...profiles };
  }

  /** Runs a file operation, turning a broken file into a sentence that names it. */
  #guard<T>(op: () => T, path = this.path): T {
    try {
      return op();
    } catch (e) {
      if (e instanceof UserError) throw e;
      const err = e as Error;
      if (err.name === 'SyntaxError') throw configFileError(path, `it is not valid JSON (${err.message})`);
      throw configFileError(path, err.message);
    }
  }
}

/** The user-facing error for a profile name that does not exist. */
export function unknownProfile(name: string, existing: readonly Profile[]): UserError {
  const known = existing.length ? `the profiles are ${existing.map((p) => p.name).join(', ')}` : 'there are no profiles yet';
  return new UserError(`No profile named "${name}": ${known} (see talon profile list).`, ExitCode.usage);
}

function normaliseProfile(p: Profile): Profile {
  const clientId = p.clientId.trim();
  if (!clientId) throw new UserError(`Profile "${p.name}" needs a client ID (--client-id).`, ExitCode.usage);
  if (p.cloud && p.baseUrl) {
    throw new UserError(`Profile "${p.name}" can have a cloud or a base URL, not both.`, ExitCode.usage);
  }
  const out: Profile = { name: p.name, clientId };
  if (p.cloud) {
    // A URL given as the cloud (XSOAR's "Cloud Base URL") is kept as a base URL
    // unless it is a known cloud's own host.
    const choice = parseCloud(p.cloud);
    if (choice.cloud === 'custom') out.baseUrl = choice.baseUrl;
    else out.cloud = choice.cloud;
  }
  if (p.baseUrl) out.baseUrl = normaliseBaseUrl(p.baseUrl);
  if (p.memberCid) out.memberCid = normaliseMemberCid(p.memberCid);
  if (p.readOnly) out.readOnly = true;
  if (p.description?.trim()) out.description = p.description.trim();
  return out;
}

function profileProblem(p: unknown): string | undefined {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'must be an object';
  const r = p as Record<string, unknown>;
  if (typeof r.clientId !== 'string' || !r.clientId) return 'needs a "clientId" string';
  for (const key of ['cloud', 'baseUrl', 'memberCid', 'description'] as const) {
    if (r[key] !== undefined && typeof r[key] !== 'string') return `has a "${key}" that is not a string`;
  }
  if (r.readOnly !== undefined && typeof r.readOnly !== 'boolean') return 'has a "readOnly" that is not true or false';
  return undefined;
}
