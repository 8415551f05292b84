import { describe, expect, it } from 'vitest';
import { hasAnyCredentials, resolveCredentials, type CredentialFlags } from '../../../src/core/auth/credentials.js';
import { ProfileStore } from '../../../src/core/config/profileStore.js';
import { SecretStore } from '../../../src/core/config/secretStore.js';
import { ExitCode, UserError } from '../../../src/core/errors.js';
import { tempHome } from '../../helpers/tempHome.js';

const CID_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const CID_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const CID_C = 'cccccccccccccccccccccccccccccccc';

function setup(extraEnv: NodeJS.ProcessEnv = {}) {
  const { env } = tempHome(extraEnv);
  const store = ProfileStore.open(env);
  const secrets = SecretStore.open(env);
  const resolve = (flags: CredentialFlags = {}) => resolveCredentials({ flags, env, store, secrets });
  return { env, store, secrets, resolve };
}

/** A default profile "main" with every field set and a stored secret. */
function withProfile(extraEnv: NodeJS.ProcessEnv = {}) {
  const s = setup(extraEnv);
  s.store.add({ name: 'main', clientId: 'profile-id', cloud: 'eu-1', memberCid: CID_C, readOnly: true });
  s.store.setDefault('main');
  s.secrets.set('main', 'profile-secret');
  return s;
}

const FULL_ENV = {
  FALCON_CLIENT_ID: 'env-id',
  FALCON_CLIENT_SECRET: 'env-secret',
  FALCON_CLOUD: 'us-2',
  FALCON_MEMBER_CID: CID_B,
};

describe('resolveCredentials precedence', () => {
  it('takes everything from the default profile', () => {
    const r = withProfile().resolve();
    expect(r).toEqual({
      clientId: 'profile-id',
      clientSecret: 'profile-secret',
      baseUrl: 'https://api.eu-1.crowdstrike.com',
      cloud: 'eu-1',
      autodiscover: false,
      memberCid: CID_C,
      profile: 'main',
      readOnly: true,
      sources: { clientId: 'profile', clientSecret: 'profile', baseUrl: 'profile', memberCid: 'profile' },
    });
  });

  it('lets the environment beat the profile, field by field', () => {
    const { resolve } = withProfile(FULL_ENV);
    const r = resolve();
    expect([r.clientId, r.clientSecret, r.cloud, r.memberCid]).toEqual(['env-id', 'env-secret', 'us-2', CID_B]);
    expect(r.sources).toEqual({ clientId: 'env', clientSecret: 'env', baseUrl: 'env', memberCid: 'env' });
    expect(withProfile({ FALCON_MEMBER_CID: CID_B }).resolve()).toMatchObject({
      clientId: 'profile-id',
      memberCid: CID_B,
      sources: { clientId: 'profile', clientSecret: 'profile', baseUrl: 'profile', memberCid: 'env' },
    });
    expect(withProfile({ FALCON_CLIENT_SECRET: 'env-secret' }).resolve().sources.clientSecret).toBe('env');
  });

  it('lets flags beat the environment, field by field', () => {
    const { resolve } = withProfile(FULL_ENV);
    const r = resolve({ clientId: 'flag-id', clientSecret: 'flag-secret', cloud: 'gov2', memberCid: CID_A });
    expect([r.clientId, r.clientSecret, r.cloud, r.baseUrl, r.memberCid]).toEqual([
      'flag-id',
      'flag-secret',
      'us-gov-2',
      'https://api.us-gov-2.crowdstrike.mil',
      CID_A,
    ]);
    expect(r.sources).toEqual({ clientId: 'flag', clientSecret: 'flag', baseUrl: 'flag', memberCid: 'flag' });
    expect(resolve({ clientSecret: 'flag-secret' })).toMatchObject({ clientId: 'env-id', clientSecret: 'flag-secret' });
  });

  it('treats empty values as unset', () => {
    const r = withProfile({ FALCON_CLIENT_ID: '', FALCON_CLOUD: ' ' }).resolve({ clientSecret: '' });
    expect(r.sources).toMatchObject({ clientId: 'profile', clientSecret: 'profile', baseUrl: 'profile' });
  });

  it('prefers a base URL over a cloud at the same level, but a higher level wins', () => {
    const { resolve } = withProfile({ FALCON_CLOUD: 'us-2', FALCON_BASE_URL: 'falcon.example.com' });
    expect(resolve()).toMatchObject({ baseUrl: 'https://falcon.example.com', cloud: 'custom', sources: { baseUrl: 'env' } });
    expect(resolve({ cloud: 'gov1' })).toMatchObject({ cloud: 'us-gov-1', baseUrl: 'https://api.laggar.gcw.crowdstrike.com' });
    expect(resolve({ cloud: 'us-2', baseUrl: 'https://api.eu-1.crowdstrike.com/' })).toMatchObject({
      cloud: 'eu-1',
      baseUrl: 'https://api.eu-1.crowdstrike.com',
      sources: { baseUrl: 'flag' },
    });
  });

  it('uses a profile base URL, and defaults to us-1', () => {
    const s = setup({ FALCON_CLIENT_ID: 'i', FALCON_CLIENT_SECRET: 's' });
    expect(s.resolve()).toMatchObject({ cloud: 'us-1', baseUrl: 'https://api.crowdstrike.com', autodiscover: false, readOnly: false });
    expect(s.resolve().sources.baseUrl).toBe('default');
    expect(s.resolve().sources.memberCid).toBe('default');
    expect(s.resolve().memberCid).toBeUndefined();
    expect(s.resolve().profile).toBeUndefined();
    s.store.add({ name: 'lab', clientId: 'i', baseUrl: 'http://127.0.0.1:9999' });
    expect(s.resolve({ profile: 'lab' })).toMatchObject({ baseUrl: 'http://127.0.0.1:9999', cloud: 'custom', sources: { baseUrl: 'profile' } });
  });

  it('autodiscovers with --cloud auto, starting at us-1 or its override', () => {
    const s = setup({ FALCON_CLIENT_ID: 'i', FALCON_CLIENT_SECRET: 's' });
    expect(s.resolve({ cloud: 'auto' })).toMatchObject({ cloud: 'auto', autodiscover: true, baseUrl: 'https://api.crowdstrike.com' });
    const o = setup({ FALCON_CLIENT_ID: 'i', FALCON_CLIENT_SECRET: 's', FALCON_CLOUD: 'autodiscover', TALON_CLOUD_URLS: '{"us-1":"http://127.0.0.1:4000"}' });
    expect(o.resolve()).toMatchObject({ cloud: 'auto', autodiscover: true, baseUrl: 'http://127.0.0.1:4000' });
    // A base URL that is an overridden cloud is recognised as that cloud.
    expect(o.resolve({ baseUrl: 'http://127.0.0.1:4000/' })).toMatchObject({ cloud: 'us-1', autodiscover: false });
  });

  it('uses a named profile over the default one, and rejects an unknown name', () => {
    const s = withProfile();
    s.store.add({ name: 'other', clientId: 'other-id', cloud: 'us-2' });
    s.secrets.set('other', 'other-secret');
    expect(s.resolve({ profile: 'other' })).toMatchObject({ profile: 'other', clientId: 'other-id', clientSecret: 'other-secret', readOnly: false });
    expect(() => s.resolve({ profile: 'nope' })).toThrow(/No profile named "nope": the profiles are main, other/);
  });

  it('never pairs a stored secret with a client ID from elsewhere', () => {
    const s = withProfile();
    const err = (() => {
      try {
        s.resolve({ clientId: 'someone-else' });
      } catch (e) {
        return e as UserError;
      }
      throw new Error('expected a UserError');
    })();
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^No client secret for the client ID from --client-id: pass --client-secret, set FALCON_CLIENT_SECRET/);
    // The same ID as the profile's is fine.
    expect(s.resolve({ clientId: 'profile-id' }).clientSecret).toBe('profile-secret');
  });

  it('normalises and validates the member CID', () => {
    const s = withProfile();
    expect(s.resolve({ memberCid: `${CID_A.toUpperCase()}-1F` }).memberCid).toBe(CID_A);
    expect(() => s.resolve({ memberCid: 'abc' })).toThrow(/"abc" is not a member CID/);
  });

  it('rejects a bad cloud or base URL from any source', () => {
    const s = withProfile();
    expect(() => s.resolve({ cloud: 'mars' })).toThrow(/Unknown cloud "mars"/);
    expect(() => s.resolve({ baseUrl: 'nonsense' })).toThrow(/is not an API base URL/);
  });
});

describe('missing credentials', () => {
  const message = (run: () => unknown): UserError => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).exitCode).toBe(ExitCode.usage);
      return e as UserError;
    }
    throw new Error('expected a UserError');
  };

  it('names everything that is missing and every way to supply it', () => {
    const s = setup();
    expect(message(() => s.resolve()).message).toBe(
      'No client ID or client secret: pass --client-id and --client-secret, set FALCON_CLIENT_ID and FALCON_CLIENT_SECRET, ' +
        'or store them in a profile with `talon profile add NAME --client-id ID --store-secret`.',
    );
    expect(message(() => s.resolve({ clientSecret: 'x' })).message).toBe(
      'No client ID: pass --client-id, set FALCON_CLIENT_ID, or add a profile with `talon profile add NAME --client-id ID`.',
    );
    expect(message(() => setup({ FALCON_CLIENT_ID: 'x' }).resolve()).message).toMatch(
      /^No client secret for the client ID from FALCON_CLIENT_ID: pass --client-secret, set FALCON_CLIENT_SECRET, or store one with `talon profile add NAME --client-id ID --store-secret`\.$/,
    );
  });

  it('says how to store a secret for a profile that has none', () => {
    const s = setup();
    s.store.add({ name: 'lab', clientId: 'lab-id' });
    s.store.setDefault('lab');
    expect(message(() => s.resolve()).message).toBe(
      'No client secret for profile "lab": pass --client-secret, set FALCON_CLIENT_SECRET, ' +
        'or store one with `talon profile add lab --client-id lab-id --store-secret --replace`.',
    );
  });
});

describe('hasAnyCredentials', () => {
  it('is false only when nothing at all is configured', () => {
    const s = setup();
    const any = (flags: CredentialFlags = {}, env: NodeJS.ProcessEnv = s.env) => hasAnyCredentials({ flags, env, store: s.store });
    expect(any()).toBe(false);
    expect(any({}, { ...s.env, FALCON_CLIENT_ID: '' })).toBe(false);
    expect(any({ clientId: 'x' })).toBe(true);
    expect(any({}, { ...s.env, FALCON_CLIENT_SECRET: 'y' })).toBe(true);
    s.store.add({ name: 'p', clientId: 'i' });
    expect(any()).toBe(true);
  });
});
