// Builds everything a command needs to talk to the API: resolved
// credentials, one keep-alive HTTP client per host, the session with its
// token cache, and the authenticated Falcon client behind the send policy's
// door (GuardedClient): every tenant call goes through `client`.
import { HttpClient } from './http/httpClient.js';
import type { ApiCaller } from './http/types.js';
import type { HttpStack } from './http/transport.js';
import { Session } from './auth/session.js';
import { TokenCache } from './auth/tokenCache.js';
import { FalconClient } from './auth/falconClient.js';
import { resolveCredentials, type CredentialFlags, type ResolvedCredentials } from './auth/credentials.js';
import { cloudUrlOverrides } from './auth/clouds.js';
import { talonPaths } from './config/paths.js';
import { ProfileStore } from './config/profileStore.js';
import { SecretStore } from './config/secretStore.js';
import { GuardedClient, type ConfirmWrite } from './request/guardedClient.js';
import type { ScopeCatalog } from './catalog/types.js';

/** The connection flags every command (and the shell) takes: credentials plus the HTTP settings' flags. */
export interface ConnectionFlags extends CredentialFlags {
  proxy?: string;
  insecure?: boolean;
  timeout?: string;
}

export interface HttpSettings {
  proxy?: string;
  insecure?: boolean;
  /** per attempt, in ms */
  timeoutMs?: number;
  onRetry?: ConstructorParameters<typeof HttpClient>[0]['onRetry'];
  /** node:http for one-shot commands, undici (the default) for the shell */
  stack?: HttpStack;
}

export interface Connection {
  credentials: ResolvedCredentials;
  session: Session;
  /** the only way to the tenant: refuses writes of a read-only profile, confirms the others */
  client: GuardedClient;
  close(): Promise<void>;
}

export { MAX_TIMEOUT_S, parseTimeout } from './timeoutFlag.js';

export interface ConnectionPolicy {
  /** answers a write's confirmation (default: refuse it, since no one can be asked) */
  confirm?: ConfirmWrite;
}

export function openConnection(flags: CredentialFlags, http: HttpSettings, env: NodeJS.ProcessEnv = process.env, policy: ConnectionPolicy = {}): Connection {
  const paths = talonPaths(env);
  const credentials = resolveCredentials({
    flags,
    env,
    store: new ProfileStore(paths.config),
    secrets: new SecretStore(paths.config),
  });
  const clients = new Map<string, HttpClient>();
  const httpFor = (baseUrl: string): ApiCaller => {
    let c = clients.get(baseUrl);
    if (!c) {
      c = new HttpClient({ baseUrl, proxy: http.proxy, insecure: http.insecure, timeoutMs: http.timeoutMs, onRetry: http.onRetry, env, stack: http.stack });
      clients.set(baseUrl, c);
    }
    return c;
  };
  const session = new Session({
    credentials,
    http: httpFor,
    cache: new TokenCache(paths.cache),
    cloudUrls: cloudUrlOverrides(env),
  });
  // Loaded on the first call, not at startup; an imported catalog that cannot be read fails the call.
  let catalog: Promise<ScopeCatalog> | undefined;
  const client = new GuardedClient({
    client: new FalconClient(session, httpFor),
    profile: { name: credentials.profile ?? 'default', readOnly: credentials.readOnly },
    catalog: () =>
      (catalog ??= import('./catalog/policyCatalog.js').then(({ loadPolicyCatalog }) => loadPolicyCatalog({ profile: credentials.profile, env }))),
    baseUrl: async () => {
      await session.token();
      return session.baseUrl;
    },
    confirm: policy.confirm,
  });
  return {
    credentials,
    session,
    client,
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
    },
  };
}
