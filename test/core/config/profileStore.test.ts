import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { UserError } from '../../../src/core/errors.js';
import { modeOf, tempHome } from '../../helpers/tempHome.js';

const CID = '0123456789abcdef0123456789abcdef';

describe('ProfileStore', () => {
  it('adds, lists, gets and removes profiles, normalising fields', () => {
    const { env } = tempHome();
    const store = ProfileStore.open(env);
    expect(store.list()).toEqual([]);
    store.add({ name: 'prod', clientId: 'id-prod', cloud: 'US2', memberCid: `${CID.toUpperCase()}-AB`, readOnly: true, description: ' main ' });
    store.add({ name: 'lab', clientId: 'id-lab', baseUrl: 'falcon.example.com/' });
    expect(store.list().map((p) => p.name)).toEqual(['lab', 'prod']);
    expect(store.get('prod')).toEqual({ name: 'prod', clientId: 'id-prod', cloud: 'us-2', memberCid: CID, readOnly: true, description: 'main' });
    expect(store.get('lab')).toEqual({ name: 'lab', clientId: 'id-lab', baseUrl: 'https://falcon.example.com' });
    // A new store instance reads the same file.
    expect(ProfileStore.open(env).get('lab')?.clientId).toBe('id-lab');
    expect(store.remove('lab')).toBe(true);
    expect(store.remove('lab')).toBe(false);
    expect(store.list().map((p) => p.name)).toEqual(['prod']);
  });

  it('refuses duplicates unless replace is given', () => {
    const { env } = tempHome();
    const store = ProfileStore.open(env);
    store.add({ name: 'p', clientId: 'a', cloud: 'eu-1' });
    expect(() => store.add({ name: 'p', clientId: 'b' })).toThrow(/already exists: pass --replace/);
    store.add({ name: 'p', clientId: 'b' }, { replace: true });
    expect(store.get('p')).toEqual({ name: 'p', clientId: 'b' });
  });

  it('validates names and fields with clear sentences', () => {
    const store = ProfileStore.open(tempHome().env);
    for (const bad of ['', 'has space', 'dot.ted', 'a/b', '__proto__', 'x'.repeat(65)]) {
      expect(() => store.add({ name: bad, clientId: 'a' })).toThrow(/not a valid profile name: use 1 to 64 letters, digits/);
    }
    expect(() => store.add({ name: 'ok_Name-1', clientId: 'a' })).not.toThrow();
    expect(() => store.add({ name: 'c', clientId: ' ' })).toThrow(/needs a client ID/);
    expect(() => store.add({ name: 'c', clientId: 'a', cloud: 'mars' })).toThrow(/Unknown cloud "mars"/);
    expect(() => store.add({ name: 'c', clientId: 'a', memberCid: 'xyz' })).toThrow(/not a member CID/);
    expect(() => store.add({ name: 'c', clientId: 'a', cloud: 'us-1', baseUrl: 'https://x.example.com' })).toThrow(/not both/);
  });

  it('keeps a default profile and forgets it when that profile is removed', () => {
    const store = ProfileStore.open(tempHome().env);
    expect(store.defaultName()).toBeUndefined();
    expect(() => store.setDefault('nope')).toThrow(/No profile named "nope": there are no profiles yet/);
    store.add({ name: 'a', clientId: 'a' });
    store.add({ name: 'b', clientId: 'b' });
    store.setDefault('b');
    expect(store.getDefault()?.name).toBe('b');
    expect(() => store.setDefault('c')).toThrow(/the profiles are a, b/);
    store.remove('b');
    expect(store.defaultName()).toBeUndefined();
    expect(store.getDefault()).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')('writes config.json with mode 0600 in a 0700 directory', () => {
    const { home, env } = tempHome();
    const store = ProfileStore.open(env);
    store.add({ name: 'a', clientId: 'a' });
    expect(store.path).toBe(join(home, 'config', 'config.json'));
    expect(modeOf(statSync(store.path).mode)).toBe(0o600);
    expect(modeOf(statSync(join(home, 'config')).mode)).toBe(0o700);
  });

  it('never wipes a corrupt config file: it throws a UserError naming the file and leaves it as it was', () => {
    const { env } = tempHome();
    const path = ProfileStore.open(env).path;
    const garbage = '{"profiles": {"a": {"clientId": "x"}},, oops';
    writeFileSync(path, garbage);
    const attempt = (): unknown => ProfileStore.open(env).add({ name: 'b', clientId: 'y' });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(path);
    expect(attempt).toThrow(/not valid JSON.*fix it by hand/);
    expect(readFileSync(path, 'utf8')).toBe(garbage);
  });

  it('reports a structurally wrong config file without touching it', () => {
    const { env } = tempHome();
    const store = ProfileStore.open(env);
    const bad = JSON.stringify({ profiles: { a: { cloud: 'us-1' } } });
    writeFileSync(store.path, bad);
    expect(() => store.list()).toThrow(/profile "a" needs a "clientId" string/);
    expect(() => store.add({ name: 'z', clientId: 'z' })).toThrow(store.path);
    expect(readFileSync(store.path, 'utf8')).toBe(bad);
  });
});

describe('SecretStore', () => {
  it.skipIf(process.platform === 'win32')('stores secrets per profile in a 0600 secrets.json', () => {
    const { home, env } = tempHome();
    const secrets = SecretStore.open(env);
    expect(secrets.get('a')).toBeUndefined();
    expect(secrets.delete('a')).toBe(false);
    secrets.set('a', 's3cret-a');
    secrets.set('b', 's3cret-b');
    expect(secrets.path).toBe(join(home, 'config', 'secrets.json'));
    expect(modeOf(statSync(secrets.path).mode)).toBe(0o600);
    expect(SecretStore.open(env).get('a')).toBe('s3cret-a');
    expect(secrets.has('constructor')).toBe(false);
    expect(secrets.delete('a')).toBe(true);
    expect(secrets.get('a')).toBeUndefined();
    expect(secrets.get('b')).toBe('s3cret-b');
    expect(modeOf(statSync(secrets.path).mode)).toBe(0o600);
  });

  it('never wipes a corrupt secrets file', () => {
    const secrets = SecretStore.open(tempHome().env);
    secrets.set('a', 'x');
    writeFileSync(secrets.path, 'not json');
    expect(() => secrets.set('b', 'y')).toThrow(secrets.path);
    expect(readFileSync(secrets.path, 'utf8')).toBe('not json');
  });

  it.skipIf(process.platform === 'win32')('tightens a secrets file that was made readable by others', () => {
    const secrets = SecretStore.open(tempHome().env);
    secrets.set('a', 'x');
    chmodSync(secrets.path, 0o644);
    expect(secrets.get('a')).toBe('x');
    expect(modeOf(statSync(secrets.path).mode)).toBe(0o600);
  });
});
