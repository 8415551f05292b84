// Where --store-secret puts a client secret: the OS keychain where one works,
// else the 0600 file, saying so; `profile show` names the store; a secret never
// moves between stores on its own. The fallback runs against the real binding
// (@napi-rs/keyring) on a Linux without a Secret Service (the test process has
// no D-Bus session); the store's rules are checked with an in-memory keychain
// that can be made to fail at will. test/cli/osKeychain.test.ts runs talon
// against a real Secret Service (gnome-keyring on a private bus).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerProfileCommand } from '../../../src/cli/profile.js';
import { KeychainUnavailable, openKeychain, type Keychain } from '../../../src/core/config/keychain.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { UserError } from '../../../src/core/errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function newDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'talon-secrets-'));
  dirs.push(d);
  return d;
}

/** A keychain that works until `down` is set. */
function memoryKeychain() {
  const items = new Map<string, string>();
  const state = { down: false };
  const check = () => {
    if (state.down) throw new KeychainUnavailable('the OS keychain cannot be reached (locked)');
  };
  const keychain: Keychain = {
    get: (a) => (check(), items.get(a)),
    set: (a, s) => (check(), void items.set(a, s)),
    delete: (a) => (check(), items.delete(a)),
  };
  return { items, state, open: () => ({ keychain }) };
}

/** Is there a working OS keychain here? (A write shows it; a read of a missing item succeeds without one.) */
function keychainWorks(): boolean {
  const k = openKeychain();
  if ('unavailable' in k) return false;
  try {
    k.keychain.set('talon test probe', 'x');
    k.keychain.delete('talon test probe');
    return true;
  } catch {
    return false;
  }
}

async function profile(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  let out = '';
  const program = new Command('talon').exitOverride();
  registerProfileCommand(program, { env, stdin: Readable.from([]), stdout: (s) => (out += s), stderr: (s) => (out += s) });
  await program.parseAsync(['profile', ...args], { from: 'user' });
  return out;
}

describe('--store-secret without an OS keychain', () => {
  it.skipIf(keychainWorks())('falls back to the 0600 file, says where the secret went, and profile show names the store', async () => {
    const home = newDir();
    const env = { TALON_HOME: home, FALCON_CLIENT_SECRET: 'fallback-secret-1' };
    const added = await profile(env, ['add', 'lab', '--client-id', 'id-lab', '--store-secret']);
    const file = join(home, 'config', 'secrets.json');
    expect(added).toMatch(/^The OS keychain cannot be reached \(.+\), so the client secret is stored in the 0600 file .*secrets\.json\.$/m);
    expect(added).toContain(`0600 file ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(SecretStore.open(env).get('lab')).toBe('fallback-secret-1');
    expect(await profile(env, ['show', 'lab'])).toContain(`secret:     stored (0600 file ${file})`);
    expect(JSON.parse(await profile(env, ['show', 'lab', '--json'])).secret).toEqual({ stored: true, store: 'file', file });
    // Asking for the keychain where there is none is refused, not quietly turned into a file.
    await expect(profile({ ...env, TALON_SECRET_STORE: 'keychain' }, ['add', 'strict', '--client-id', 'i', '--store-secret'])).rejects.toThrow(
      /^Cannot store the client secret of profile "strict" in the OS keychain: .*Use TALON_SECRET_STORE=file/,
    );
    expect(SecretStore.open(env).has('strict')).toBe(false);
  });
});

describe('the secret store', () => {
  it('puts a new secret in the keychain where it works; the file only records which store holds it', () => {
    const dir = newDir();
    const kc = memoryKeychain();
    const store = new SecretStore(dir, kc.open);
    expect(store.set('prod', 'kc-secret')).toEqual({ store: 'keychain', location: `OS keychain (service "talon", account "prod (${dir})")` });
    expect(kc.items.get(`prod (${dir})`)).toBe('kc-secret');
    expect(readFileSync(store.path, 'utf8')).not.toContain('kc-secret');
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ profiles: { prod: { store: 'keychain' } } });
    expect(store.get('prod')).toBe('kc-secret');
    expect(store.storeOf('prod')).toBe('keychain');
  });

  it('never moves a secret between stores on its own', () => {
    const dir = newDir();
    const kc = memoryKeychain();
    const store = new SecretStore(dir, kc.open);
    store.set('prod', 'first');
    // The keychain goes away: reading says so, replacing does not fall back to the file, removing changes nothing.
    kc.state.down = true;
    expect(() => store.get('prod')).toThrow(UserError);
    expect(() => store.get('prod')).toThrow(/is in the OS keychain, but the OS keychain cannot be reached \(locked\)/);
    expect(() => store.set('prod', 'second')).toThrow(/Its earlier secret stays there/);
    expect(() => store.delete('prod')).toThrow(/Nothing was changed/);
    expect(store.storeOf('prod')).toBe('keychain');
    kc.state.down = false;
    expect(store.get('prod')).toBe('first');
    // A file-held secret stays in the file when replaced, even with a keychain at hand.
    store.set('lab', 'file-one', 'file');
    expect(store.set('lab', 'file-two')).toMatchObject({ store: 'file' });
    expect(kc.items.has(`lab (${dir})`)).toBe(false);
    // Asking for the other store is refused with what to do.
    expect(() => store.set('lab', 'x', 'keychain')).toThrow(/does not move it to the OS keychain on its own/);
    // Removal takes the keychain item with it.
    expect(store.delete('prod')).toBe(true);
    expect(kc.items.size).toBe(0);
    expect(store.has('prod')).toBe(false);
  });

  it('says when the keychain has lost a secret it was holding', () => {
    const kc = memoryKeychain();
    const store = new SecretStore(newDir(), kc.open);
    store.set('prod', 'x');
    kc.items.clear();
    expect(() => store.get('prod')).toThrow(/The OS keychain no longer has the client secret of profile "prod"/);
  });
});
