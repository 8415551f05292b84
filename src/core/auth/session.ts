// An authenticated session: one token per (base URL, client id, member CID),
// fetched once, shared through the token cache, renewed shortly before it
// expires, and found in the right region when the cloud is `auto`.
import { ExitCode, UserError } from '../errors.js';
import type { ApiCaller, ApiResponse } from '../http/types.js';
import { envelopeOf } from '../http/types.js';
import { TokenCache, type CachedToken, type TokenKey } from './tokenCache.js';
import { cloudBaseUrl, cloudForBaseUrl, regionFromHeader } from './clouds.js';

export interface SessionCredentials {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  autodiscover: boolean;
  memberCid?: string;
}

export interface SessionOptions {
  credentials: SessionCredentials;
  /** an HTTP caller for a base URL (region discovery may move to another host) */
  http: (baseUrl: string) => ApiCaller;
  cache?: TokenCache;
  /** base URLs for cloud names, for tests and the simulator (TALON_CLOUD_URLS) */
  cloudUrls?: Record<string, string>;
  now?: () => number;
}

export interface TokenState {
  baseUrl: string;
  expiresAt: number;
  issuedAt: number;
}

/** Renew this long before expiry: 2 minutes, less for short-lived tokens. */
export function renewMarginMs(lifetimeMs: number): number {
  return Math.min(120_000, Math.max(1000, lifetimeMs / 10));
}

const MAX_REGION_HOPS = 2;

export class Session {
  private current?: CachedToken;
  private pending?: Promise<CachedToken>;
  private readonly cache: TokenCache;
  /** the session's clock (epoch ms) */
  readonly now: () => number;
  private readonly key: TokenKey;

  constructor(private readonly options: SessionOptions) {
    this.cache = options.cache ?? new TokenCache();
    this.now = options.now ?? Date.now;
    const c = options.credentials;
    this.key = { origin: c.autodiscover ? 'auto' : c.baseUrl, clientId: c.clientId, clientSecret: c.clientSecret, memberCid: c.memberCid };
  }

  /** The base URL API calls go to (the discovered region once a token exists). */
  get baseUrl(): string {
    if (this.current) return this.current.baseUrl;
    const cached = this.cached();
    // A fresh cached token is the one token() would take: keep it (the next call then reads no file).
    if (cached && this.fresh(cached)) this.current = cached;
    return cached?.baseUrl ?? this.options.credentials.baseUrl;
  }

  private fresh(t: CachedToken): boolean {
    return this.now() < t.expiresAt - renewMarginMs(t.expiresAt - t.issuedAt);
  }

  /**
   * The cached token, when it may be used: a cache entry never moves calls
   * away from the configured base URL (with autodiscovery, only to a known
   * Falcon cloud), whatever the file says.
   */
  private cached(): CachedToken | undefined {
    const t = this.cache.get(this.key);
    if (!t) return undefined;
    const c = this.options.credentials;
    if (t.baseUrl === c.baseUrl) return t;
    return c.autodiscover && cloudForBaseUrl(t.baseUrl, this.options.cloudUrls) !== undefined ? t : undefined;
  }

  get state(): TokenState | undefined {
    const t = this.current;
    return t && { baseUrl: t.baseUrl, expiresAt: t.expiresAt, issuedAt: t.issuedAt };
  }

  /** A valid bearer token, from memory, the cache file, or a token call. */
  async token(): Promise<CachedToken> {
    if (this.current && this.fresh(this.current)) return this.current;
    const cached = this.cached();
    if (cached && this.fresh(cached)) return (this.current = cached);
    return this.renew();
  }

  /**
   * A new token, whatever is cached. Concurrent callers share one token call;
   * `unless` skips the call when the current token is no longer that one
   * (someone renewed it already).
   */
  renew(unless?: string): Promise<CachedToken> {
    if (unless && this.current && this.current.accessToken !== unless) return Promise.resolve(this.current);
    this.pending ??= this.fetchToken()
      .then((t) => {
        this.current = t;
        this.cache.set(this.key, t);
        return t;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /**
   * Revokes the token (if any) and forgets it everywhere. Throws (exit 3 for
   * a refusal, 1 otherwise) when the API did not confirm the revocation: the
   * token then still works until it expires, and the user must know.
   */
  async logout(): Promise<boolean> {
    const t = this.current ?? this.cached();
    this.current = undefined;
    this.cache.delete(this.key);
    if (!t || t.expiresAt <= this.now()) return false;
    const res = await this.revoke(t.baseUrl, t.accessToken);
    if (res.status === 200 || res.status === 204) return true;
    const until = new Date(t.expiresAt).toISOString();
    const refused = res.status === 401 || res.status === 403;
    throw new UserError(
      `The token was removed from the cache but NOT revoked: the API answered ${res.status}${refused ? ' (check the client secret)' : ''}. It stays valid until ${until}.`,
      refused ? ExitCode.auth : ExitCode.apiError,
      tokenError(res).details,
    );
  }

  private async fetchToken(): Promise<CachedToken> {
    const c = this.options.credentials;
    let baseUrl = c.autodiscover ? this.cloudUrl('us-1') : c.baseUrl;
    for (let hop = 0; ; hop++) {
      const issuedAt = this.now();
      const res = await this.options.http(baseUrl).request({
        method: 'POST',
        path: '/oauth2/token',
        body: { form: { client_id: c.clientId, client_secret: c.clientSecret, ...(c.memberCid ? { member_cid: c.memberCid } : {}) } },
      });
      const region = regionFromHeader(res.headers['x-cs-region']);
      const regionUrl = region ? this.cloudUrl(region) : undefined;
      if (res.status === 308 || res.status === 307) {
        const target = this.redirectTarget(res.headers.location, baseUrl, regionUrl);
        if (!target || hop >= MAX_REGION_HOPS) {
          throw tokenError(res, 'The token endpoint redirected to a host that is not a known Falcon cloud, so the credentials were not sent there.');
        }
        baseUrl = target;
        continue;
      }
      if (res.status !== 201 && res.status !== 200) throw tokenError(res);
      const body = res.body.kind === 'json' ? (res.body.value as { access_token?: unknown; expires_in?: unknown }) : {};
      if (typeof body.access_token !== 'string') throw tokenError(res, 'The token endpoint answered without an access token.');
      const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 1799) * 1000;
      // Autodiscovery: a token from the wrong region is revoked and asked for again where the client lives.
      if (c.autodiscover && regionUrl && regionUrl !== baseUrl && hop < MAX_REGION_HOPS) {
        await this.revoke(regionUrl, body.access_token).catch(() => undefined);
        baseUrl = regionUrl;
        continue;
      }
      return { accessToken: body.access_token, issuedAt, expiresAt: issuedAt + lifetimeMs, baseUrl };
    }
  }

  private async revoke(baseUrl: string, token: string): Promise<ApiResponse> {
    const c = this.options.credentials;
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    return this.options.http(baseUrl).request({
      method: 'POST',
      path: '/oauth2/revoke',
      headers: { Authorization: `basic ${basic}` },
      body: { form: { token, client_id: c.clientId } },
    });
  }

  /**
   * Where a token redirect may go: only a known cloud's base URL (or the
   * region the API named), so the client secret is never posted elsewhere.
   */
  private redirectTarget(location: string | undefined, from: string, regionUrl: string | undefined): string | undefined {
    let target = regionUrl;
    if (location) {
      try {
        target = new URL(location, from).origin;
      } catch {
        return undefined;
      }
    }
    if (!target) return undefined;
    return target === regionUrl || cloudForBaseUrl(target, this.options.cloudUrls) !== undefined ? target : undefined;
  }

  private cloudUrl(name: string): string {
    return cloudBaseUrl(name, this.options.cloudUrls);
  }
}

/** One sentence for a failed token call, with the API's message and trace id. */
function tokenError(res: ApiResponse, sentence?: string): UserError {
  const env = envelopeOf(res);
  const apiMessage = env?.errors?.[0]?.message;
  const details = [
    ...(apiMessage ? [`API: ${res.status} ${apiMessage}`] : [`API: HTTP ${res.status}`]),
    ...(res.traceId ? [`trace id: ${res.traceId}`] : []),
  ];
  if (sentence) return new UserError(sentence, ExitCode.auth, details);
  if (res.status === 403 || res.status === 401) {
    return new UserError('The API refused the client credentials: check the client id and secret (and the member CID, if you use one).', ExitCode.auth, details);
  }
  if (res.status === 400) {
    return new UserError('The token request was rejected as malformed: check the client id, secret and member CID.', ExitCode.auth, details);
  }
  return new UserError(`Could not get a token: the API answered ${res.status}. Try again shortly.`, ExitCode.auth, details);
}
