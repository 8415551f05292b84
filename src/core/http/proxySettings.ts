// Proxy URLs from --proxy and the environment, parsed once for both HTTP
// stacks, and the --insecure warning. Kept apart from dispatcher.ts so that
// one-shot commands on node:http never load undici.
import { UserError } from '../errors.js';

/** Printed once on stderr by the CLI when --insecure is given (this module prints nothing). */
export const INSECURE_WARNING =
  'Warning: --insecure trusts any TLS certificate, so anyone between you and the API can read and change this traffic.';

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

