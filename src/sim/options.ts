// Options of the simulator, from code (startSimulator) or from `talon simulate` flags.
import { parseFaultSpec, type FaultOptions } from './faults.js';

export type RegionRedirect = '201' | '308';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** number of hosts in the main tenant */
  hosts?: number;
  /** token lifetime in seconds (the real API: 1799) */
  tokenTtl?: number;
  /** requests per minute per customer before 429 (the real API: 6000) */
  rateLimit?: number;
  /** failed-auth requests per minute per source IP before 429 (the real API: 15) */
  authFailureLimit?: number;
  /** fault injection, as an object or a `--faults` spec string */
  faults?: FaultOptions | string;
  /** how long containment and lifting stay pending, in ms */
  containmentDelayMs?: number;
  /**
   * the cloud this instance plays. Only when it is given (or clientRegion is) do token answers carry
   * X-Cs-Region: FalconPy moves off any custom base URL on seeing that header.
   */
  region?: string;
  /** the cloud the API clients belong to; when it differs, token requests are redirected */
  clientRegion?: string;
  /** how a token request in the wrong region is answered: 201 + X-Cs-Region, or 308 + Location */
  regionRedirect?: RegionRedirect;
  /** base URLs of the other simulated regions, for the 308 Location header */
  regionUrls?: Record<string, string>;
  /** largest request body accepted, in bytes */
  maxBodyBytes?: number;
  /** data timestamps are relative to this epoch ms (default: start of the current hour) */
  anchor?: number;
  /** clock used for tokens, containment and rate limits (tests may move it) */
  now?: () => number;
  /** where internal errors are reported (default stderr; the shell's demo passes a no-op so nothing draws over the screen) */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  hosts: number;
  tokenTtl: number;
  rateLimit: number;
  authFailureLimit: number;
  faults: FaultOptions;
  containmentDelayMs: number;
  region: string;
  clientRegion: string;
  /** whether token answers carry X-Cs-Region (a region was named) */
  regionHeader: boolean;
  regionRedirect: RegionRedirect;
  regionUrls: Record<string, string>;
  maxBodyBytes: number;
  anchor: number;
  now: () => number;
  log: (line: string) => void;
}

const HOUR = 3_600_000;

export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
  const now = o.now ?? Date.now;
  const region = o.region ?? 'us-1';
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    seed: o.seed ?? 1,
    hosts: o.hosts ?? 500,
    tokenTtl: o.tokenTtl ?? 1799,
    rateLimit: o.rateLimit ?? 6000,
    authFailureLimit: o.authFailureLimit ?? 15,
    faults: typeof o.faults === 'string' ? parseFaultSpec(o.faults) : (o.faults ?? {}),
    containmentDelayMs: o.containmentDelayMs ?? 3000,
    region,
    clientRegion: o.clientRegion ?? region,
    regionHeader: o.region !== undefined || o.clientRegion !== undefined,
    regionRedirect: o.regionRedirect ?? '308',
    regionUrls: o.regionUrls ?? {},
    maxBodyBytes: o.maxBodyBytes ?? 5 * 1024 * 1024,
    anchor: o.anchor ?? Math.floor(now() / HOUR) * HOUR,
    now,
    log: o.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}
