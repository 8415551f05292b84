// Endpoints that refuse integer offsets past 10,000, and what to do instead.

export interface OffsetCap {
  cap: number;
  /** a token-paged endpoint with the same filter/sort/limit parameters */
  scrollPath?: string;
  /** what to tell the user when there is no transparent way round */
  advice?: string;
}

const CAPS: Record<string, OffsetCap> = {
  '/devices/queries/devices/v1': { cap: 10_000, scrollPath: '/devices/queries/devices-scroll/v1' },
  '/devices/queries/devices-hidden/v1': { cap: 10_000, advice: 'narrow the filter so that fewer than 10,000 hidden hosts match' },
  '/alerts/queries/alerts/v2': { cap: 10_000, advice: 'use POST /alerts/combined/alerts/v1, which pages with `after`, or narrow the filter' },
  '/iocs/queries/indicators/v1': { cap: 10_000, advice: 'page with `after` instead of `offset` (drop -q offset=…)' },
};

export function offsetCapFor(path: string): OffsetCap | undefined {
  return CAPS[path];
}
