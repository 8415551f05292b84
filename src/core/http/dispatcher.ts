// The undici dispatcher every request goes through: a keep-alive pool, or a
// proxy (from --proxy, else from HTTPS_PROXY/HTTP_PROXY with NO_PROXY), with
// certificate checks off when --insecure asks for it.
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { UserError } from '../errors.js';

/** Printed once on stderr by the CLI when --insecure is given (this module prints nothing). */
export const INSECURE_WARNING =
  'Warning: --insecure trusts any TLS certificate, so anyone between you and the API can read and change this traffic.';

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

/** Hides a password in a proxy URL before it appears in a message. */
function redact(value: string): string {
  return value.replace(/\/\/[^/@]*@/, '//***@');
}

/**
 * Parses a proxy URL; a bare "host:port" means http://host:port, as curl reads it.
 * Throws UserError naming where the value came from.
 */
export function parseProxyUrl(value: string, source = 'The proxy URL'): URL {
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  // The WHATWG parser accepts host names that no connection can use (`ht!tp`); the proxy agent then throws.
  const hostOk = url !== undefined && (/^[a-z0-9_.-]+$/i.test(url.hostname) || /^\[[0-9a-f:.]+\]$/i.test(url.hostname));
  if (!url || !hostOk || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UserError(
      `${source} '${redact(trimmed)}' is not a valid proxy URL: use a form such as http://proxy.example.com:8080.`,
    );
  }
  return url;
}

export interface EnvProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy: string;
}

/** Reads the proxy variables; lowercase wins over uppercase, as in curl and undici. */
export function proxySettingsFromEnv(env: NodeJS.ProcessEnv): EnvProxySettings {
  const read = (lower: string, upper: string): { name: string; value: string } | undefined => {
    for (const name of [lower, upper]) {
      const value = env[name]?.trim();
      if (value) return { name, value };
    }
    return undefined;
  };
  const http = read('http_proxy', 'HTTP_PROXY');
  const https = read('https_proxy', 'HTTPS_PROXY');
  const settings: EnvProxySettings = { noProxy: read('no_proxy', 'NO_PROXY')?.value ?? '' };
  if (http) settings.httpProxy = parseProxyUrl(http.value, `The ${http.name} variable`).href;
  if (https) settings.httpsProxy = parseProxyUrl(https.value, `The ${https.name} variable`).href;
  return settings;
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
