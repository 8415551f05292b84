// Links into the Falcon console for a ticket: the console host follows the
// API host (api.us-2.crowdstrike.com → falcon.us-2.crowdstrike.com); a base
// URL that is no CrowdStrike host (a simulator, a gateway) gets the us-1
// console unless --console-url says otherwise.

const DEFAULT_CONSOLE = 'https://falcon.crowdstrike.com';

export function consoleBase(apiBaseUrl: string, override?: string): string {
  if (override) return override.replace(/\/+$/, '');
  try {
    const host = new URL(apiBaseUrl).hostname.toLowerCase();
    if (/^api\.(.+\.)?crowdstrike\.(com|mil)$/.test(host)) return `https://${host.replace(/^api\./, 'falcon.')}`;
  } catch {
    // not a URL: the default console
  }
  return DEFAULT_CONSOLE;
}

export interface ConsoleLinks {
  cve(cveId: string): string;
  host(aid: string): string;
  hostVulns(aid: string): string;
}

export function consoleLinks(base: string): ConsoleLinks {
  // Quotes are encoded too, so a link is one token in Markdown and wiki markup.
  const enc = (s: string) => encodeURIComponent(s).replace(/'/g, '%27');
  const spotlight = (fql: string) => `${base}/spotlight-v2/vulnerabilities?filter=${enc(fql)}`;
  return {
    cve: (id) => spotlight(`cve.id:['${id}']`),
    host: (aid) => `${base}/hosts/hosts/host/${enc(aid)}`,
    hostVulns: (aid) => spotlight(`aid:'${aid}'`),
  };
}
