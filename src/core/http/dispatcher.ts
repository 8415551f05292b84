// The undici dispatcher every request goes through: a keep-alive pool, or a
// proxy (from --proxy, else from HTTPS_PROXY/HTTP_PROXY with NO_PROXY), with
// certificate checks off when --insecure asks for it.
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { parseProxyUrl, proxySettingsFromEnv } from './proxySettings.js';

export interface DispatcherOptions {
  /** proxy URL from --proxy; wins over the environment */
  proxy?: string;
  /** trust any TLS certificate (API host and proxy) */
  insecure?: boolean;
  /** where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** idle keep-alive sockets are closed after this (default 4 s, undici's, below common server timeouts) */
  keepAliveTimeoutMs?: number;
}

/** Builds the dispatcher. Throws UserError for a bad proxy URL (flag or environment). */
export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const insecure = options.insecure === true;
  const tls = insecure ? { rejectUnauthorized: false } : {};
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? 4_000;
  // requestTls is the API host's certificate seen through a tunnel, proxyTls the proxy's own.
  // proxyTunnel false: plain-http targets are forwarded (proxy sees each URL, as with curl);
  // https targets are always tunnelled with CONNECT.
  const proxyOptions = { keepAliveTimeout, requestTls: tls, proxyTls: tls, proxyTunnel: false };

  if (options.proxy !== undefined) {
    const uri = parseProxyUrl(options.proxy).href;
    return new ProxyAgent({ ...proxyOptions, uri });
  }

  const env = proxySettingsFromEnv(options.env ?? process.env);
  if (env.httpProxy || env.httpsProxy) {
    // Every value is passed explicitly ('' for unset) so undici does not fall
    // back to process.env when a different environment was given.
    return new EnvHttpProxyAgent({
      ...proxyOptions,
      connect: tls,
      httpProxy: env.httpProxy ?? '',
      httpsProxy: env.httpsProxy ?? '',
      noProxy: env.noProxy,
    });
  }

  return new Agent({ keepAliveTimeout, connect: tls });
}

export { INSECURE_WARNING, parseProxyUrl, proxySettingsFromEnv } from './proxySettings.js';
