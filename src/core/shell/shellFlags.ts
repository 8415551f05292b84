// The shell's flags, checked before Ink takes the screen: a bad value is one
// sentence on the normal screen with exit 2, and flags that name a tenant
// never fall back to the demo simulator in silence.
import { cloudFromBaseUrl, cloudUrlOverrides, parseCloud } from '../auth/clouds.js';
import { hasAnyCredentials, selectProfile, type CredentialFlags } from '../auth/credentials.js';
import { ProfileStore } from '../config/profileStore.js';
import { talonPaths } from '../config/paths.js';
import { normaliseMemberCid } from '../config/memberCid.js';
import { parseTimeout } from '../timeoutFlag.js';
import { parseProxyUrl } from '../http/proxySettings.js';
import { UserError } from '../errors.js';

export interface ShellFlags extends CredentialFlags {
  proxy?: string;
  timeout?: string;
  demo?: boolean;
}

/** Throws a UserError (exit 2) for any flag the shell could not honour. */
export function checkShellFlags(flags: ShellFlags, env: NodeJS.ProcessEnv): void {
  parseTimeout(flags.timeout);
  if (flags.proxy !== undefined) parseProxyUrl(flags.proxy, 'The --proxy value');
  const overrides = cloudUrlOverrides(env);
  if (flags.cloud !== undefined) parseCloud(flags.cloud, overrides);
  if (flags.baseUrl !== undefined) cloudFromBaseUrl(flags.baseUrl, overrides);
  if (flags.memberCid !== undefined) normaliseMemberCid(flags.memberCid);
  const store = new ProfileStore(talonPaths(env).config);
  selectProfile(flags, store);
  if (flags.demo) return;
  const named = (['cloud', 'baseUrl', 'memberCid', 'clientId'] as const).filter((k) => flags[k] !== undefined);
  if (named.length && !hasAnyCredentials({ flags, env, store })) {
    const list = named.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
    throw new UserError(`${list} names a tenant, but there are no credentials for it: add a client id and secret (flags, FALCON_CLIENT_ID/FALCON_CLIENT_SECRET or a profile), or run talon --demo for the built-in simulator.`);
  }
}
