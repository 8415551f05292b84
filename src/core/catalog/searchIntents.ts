// What people mean by a word, when the API's own names do not say it: "contain"
// is a host action, a "hash" is looked up in the indicator endpoints, "vuln"
// means Spotlight. A query term that starts a keyword (at least `min` letters
// of it) counts as matching the operations the intent points at.
import type { CatalogOperation } from './types.js';

export interface SearchIntent {
  keywords: readonly string[];
  /** letters of a keyword that must be typed before the intent applies */
  min: number;
  /** operations it points at, with how strongly (1 = as good as an exact name match) */
  targets: ReadonlyArray<{ weight: number; test: (op: CatalogOperation) => boolean }>;
}

const path = (method: string, p: string) => (op: CatalogOperation) => op.method === method && op.path === p;
const pathStarts = (prefix: string) => (op: CatalogOperation) => op.path.startsWith(prefix);
const collectionStarts = (prefix: string) => (op: CatalogOperation) => op.collection.toLowerCase().startsWith(prefix);

export const SEARCH_INTENTS: readonly SearchIntent[] = [
  {
    // Network containment is an action_name of the host-actions call.
    keywords: ['contain', 'containment', 'isolate', 'isolation', 'quarantine', 'lift', 'uncontain', 'network-contain'],
    min: 4,
    targets: [
      { weight: 1.3, test: path('POST', '/devices/entities/devices-actions/v2') },
      { weight: 0.5, test: path('POST', '/devices/entities/devices-actions/v1') },
    ],
  },
  {
    keywords: ['hide', 'unhide', 'suppress'],
    min: 4,
    targets: [{ weight: 1.1, test: path('POST', '/devices/entities/devices-actions/v2') }],
  },
  {
    // Which hosts saw a hash, domain or IP: the legacy IOC lookups, then IOC Management's.
    keywords: ['hash', 'sha256', 'md5', 'sha', 'observed', 'ran-on', 'ranon'],
    min: 3,
    targets: [
      { weight: 1.3, test: path('GET', '/indicators/queries/devices/v1') },
      { weight: 1.2, test: path('GET', '/indicators/aggregates/devices-count/v1') },
      { weight: 1.2, test: path('GET', '/indicators/queries/processes/v1') },
      { weight: 1.0, test: pathStarts('/iocs/queries/indicators/devices/') },
      { weight: 1.0, test: pathStarts('/iocs/aggregates/indicators/device-count/') },
      { weight: 1.0, test: pathStarts('/iocs/queries/indicators/processes/') },
      { weight: 0.6, test: pathStarts('/iocs/') },
    ],
  },
  {
    keywords: ['ioc', 'iocs', 'indicator', 'indicators'],
    min: 3,
    targets: [
      { weight: 1.1, test: pathStarts('/iocs/') },
      { weight: 1.0, test: pathStarts('/indicators/') },
    ],
  },
  {
    keywords: ['vuln', 'vulns', 'vulnerability', 'vulnerabilities', 'cve', 'cves', 'spotlight'],
    min: 3,
    targets: [
      { weight: 1.3, test: pathStarts('/spotlight/queries/vulnerabilities/') },
      { weight: 1.25, test: pathStarts('/spotlight/combined/vulnerabilities/') },
      { weight: 1.2, test: pathStarts('/spotlight/entities/vulnerabilities/') },
      { weight: 1.1, test: collectionStarts('spotlight') },
    ],
  },
  {
    keywords: ['host', 'hosts', 'device', 'devices', 'endpoint', 'endpoints', 'machine', 'machines', 'sensor', 'aid'],
    min: 4,
    targets: [
      { weight: 1.0, test: path('GET', '/devices/queries/devices/v1') },
      { weight: 0.95, test: path('GET', '/devices/combined/devices/v1') },
      { weight: 0.9, test: path('POST', '/devices/entities/devices/v2') },
      { weight: 0.9, test: path('GET', '/devices/entities/devices/v2') },
    ],
  },
  {
    keywords: ['alert', 'alerts', 'detection', 'detections'],
    min: 5,
    targets: [
      { weight: 1.2, test: path('GET', '/alerts/queries/alerts/v2') },
      { weight: 1.1, test: path('POST', '/alerts/entities/alerts/v2') },
      { weight: 1.1, test: path('POST', '/alerts/combined/alerts/v1') },
      { weight: 1.1, test: path('PATCH', '/alerts/entities/alerts/v3') },
      { weight: 1.0, test: path('POST', '/alerts/aggregates/alerts/v2') },
    ],
  },
  {
    keywords: ['token', 'login', 'oauth', 'oauth2', 'revoke'],
    min: 4,
    targets: [{ weight: 1.1, test: pathStarts('/oauth2/') }],
  },
  {
    keywords: ['rtr', 'real-time-response', 'shell', 'session'],
    min: 3,
    targets: [{ weight: 1.0, test: pathStarts('/real-time-response/') }],
  },
  {
    keywords: ['child', 'children', 'mssp', 'flight'],
    min: 4,
    targets: [{ weight: 1.0, test: pathStarts('/mssp/') }],
  },
];

/** True when `term` is at least `min` letters (or all) of one of the keywords, or a keyword with a suffix. */
export function intentApplies(intent: SearchIntent, term: string): boolean {
  return intent.keywords.some((k) => (term.length >= Math.min(intent.min, k.length) && k.startsWith(term)) || (term.startsWith(k) && term.length <= k.length + 2));
}
