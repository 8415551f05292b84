// Which client, secret, cloud and member CID a command uses. Per field the
// first source wins: flags, then FALCON_* variables, then the profile
// (--profile NAME, else the default profile), then defaults (cloud us-1).
import { ExitCode, UserError } from '../errors.js';
import { normaliseMemberCid } from '../config/memberCid.js';
import { unknownProfile, type Profile, type ProfileStore } from '../config/profileStore.js';
import type { SecretStore } from '../config/secretStore.js';
import { cloudFromBaseUrl, cloudUrlOverrides, parseCloud, DEFAULT_CLOUD, type CloudChoice, type CloudName } from './clouds.js';

export interface CredentialFlags {
  clientId?: string;
  clientSecret?: string;
  cloud?: string;
  baseUrl?: string;
  memberCid?: string;
  profile?: string;
}

export type CredentialSource = 'flag' | 'env' | 'profile' | 'default';

export interface ResolvedCredentials {
  clientId: string;
  clientSecret: string;
  /** where API calls start (us-1, or its override, when autodiscovering) */
  baseUrl: string;
  /** canonical cloud name, `auto`, or `custom` for a base URL of no known cloud */
  cloud: CloudName | 'auto' | 'custom';
  autodiscover: boolean;
  memberCid?: string;
  /** the profile consulted, if any */
  profile?: string;
  readOnly: boolean;
  sources: Record<'clientId' | 'clientSecret' | 'baseUrl' | 'memberCid', CredentialSource>;
}

export interface CredentialInputs {
  flags: CredentialFlags;
  env: NodeJS.ProcessEnv;
  store: ProfileStore;
  secrets: SecretStore;
}

interface Found {
  value: string;
  source: CredentialSource;
}

/** Empty strings (FALCON_CLIENT_ID= in a shell) count as unset. */
const given = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

function first(candidates: ReadonlyArray<[string | undefined, CredentialSource]>): Found | undefined {
  for (const [v, source] of candidates) {
    const value = given(v);
    if (value !== undefined) return { value, source };
  }
  return undefined;
}

/** The profile in play: the named one (which must exist), else the default, else none. */
export function selectProfile(flags: CredentialFlags, store: ProfileStore): Profile | undefined {
  const named = given(flags.profile);
  if (named) {
    const profile = store.get(named);
    if (!profile) throw unknownProfile(named, store.list());
    return profile;
  }
  return store.getDefault();
}

export function resolveCredentials(input: CredentialInputs): ResolvedCredentials {
  const { flags, env, store, secrets } = input;
  const profile = selectProfile(flags, store);
  const overrides = cloudUrlOverrides(env);

  const clientId = first([
    [flags.clientId, 'flag'],
    [env.FALCON_CLIENT_ID, 'env'],
    [profile?.clientId, 'profile'],
  ]);
  // A stored secret belongs to its profile's client ID; it is never paired
  // with a client ID given some other way.
  const storedSecret = profile && clientId?.value === profile.clientId ? secrets.get(profile.name) : undefined;
  const clientSecret = first([
    [flags.clientSecret, 'flag'],
    [env.FALCON_CLIENT_SECRET, 'env'],
    [storedSecret, 'profile'],
  ]);
  if (!clientId || !clientSecret) throw missingCredentials(clientId, clientSecret, profile);

  const location = resolveLocation(flags, env, profile, overrides);
  const cid = first([
    [flags.memberCid, 'flag'],
    [env.FALCON_MEMBER_CID, 'env'],
    [profile?.memberCid, 'profile'],
  ]);

  return {
    clientId: clientId.value,
    clientSecret: clientSecret.value,
    baseUrl: location.choice.baseUrl,
    cloud: location.choice.cloud,
    autodiscover: location.choice.autodiscover,
    ...(cid ? { memberCid: normaliseMemberCid(cid.value) } : {}),
    ...(profile ? { profile: profile.name } : {}),
    readOnly: profile?.readOnly === true,
    sources: {
      clientId: clientId.source,
      clientSecret: clientSecret.source,
      baseUrl: location.source,
      memberCid: cid?.source ?? 'default',
    },
  };
}

/** Base URL beats cloud at the same level; a higher level beats both. */
function resolveLocation(
  flags: CredentialFlags,
  env: NodeJS.ProcessEnv,
  profile: Profile | undefined,
  overrides: Record<string, string>,
): { choice: CloudChoice; source: CredentialSource } {
  const levels: ReadonlyArray<[CredentialSource, string | undefined, string | undefined]> = [
    ['flag', flags.baseUrl, flags.cloud],
    ['env', env.FALCON_BASE_URL, env.FALCON_CLOUD],
    ['profile', profile?.baseUrl, profile?.cloud],
  ];
  for (const [source, baseUrl, cloud] of levels) {
    const url = given(baseUrl);
    if (url) return { choice: cloudFromBaseUrl(url, overrides), source };
    const name = given(cloud);
    if (name) return { choice: parseCloud(name, overrides), source };
  }
  return { choice: parseCloud(DEFAULT_CLOUD, overrides), source: 'default' };
}

function missingCredentials(clientId: Found | undefined, clientSecret: Found | undefined, profile: Profile | undefined): UserError {
  let sentence: string;
  if (!clientId && !clientSecret) {
    sentence =
      'No client ID or client secret: pass --client-id and --client-secret, set FALCON_CLIENT_ID and FALCON_CLIENT_SECRET, ' +
      'or store them in a profile with `talon profile add NAME --client-id ID --store-secret`.';
  } else if (!clientId) {
    sentence = 'No client ID: pass --client-id, set FALCON_CLIENT_ID, or add a profile with `talon profile add NAME --client-id ID`.';
  } else if (profile && clientId.value === profile.clientId) {
    sentence =
      `No client secret for profile "${profile.name}": pass --client-secret, set FALCON_CLIENT_SECRET, ` +
      `or store one with \`talon profile add ${profile.name} --client-id ${profile.clientId} --store-secret --replace\`.`;
  } else {
    const id = clientId.source === 'flag' ? '--client-id' : 'FALCON_CLIENT_ID';
    sentence =
      `No client secret for the client ID from ${id}: pass --client-secret, set FALCON_CLIENT_SECRET, ` +
      'or store one with `talon profile add NAME --client-id ID --store-secret`.';
  }
  return new UserError(sentence, ExitCode.usage);
}

/**
 * Whether anything at all is configured (a flag, a FALCON_* variable, or a
 * profile). When not, the shell can offer its demo instead of an error.
 */
export function hasAnyCredentials(input: { flags: CredentialFlags; env: NodeJS.ProcessEnv; store: ProfileStore }): boolean {
  const { flags, env, store } = input;
  const anyGiven = [flags.clientId, flags.clientSecret, flags.profile, env.FALCON_CLIENT_ID, env.FALCON_CLIENT_SECRET].some(
    (v) => given(v) !== undefined,
  );
  return anyGiven || store.list().length > 0;
}
