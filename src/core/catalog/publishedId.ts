// The operation ids of CrowdStrike's published API definition, beside talon's
// names (the SDK's method names). The SDK's generator turns an id into a
// method name by camel-casing it (`QueryDevicesByFilter` → `queryDevicesByFilter`,
// `indicator.search.v1` → `indicatorSearchV1`) and by suffixing `Mixin0`,
// `Mixin60`... when the definition uses one id twice. So most ids are the method
// name with the suffix dropped and the first letter raised; the catalog carries
// the rest (ids with dots and the like) from a sourced supplement.

/** The published id the SDK's method name comes from, where the mapping is regular. */
export function derivedPublishedId(sdkName: string): string {
  // Few names carry the suffix: skip the regular expression for the rest (this runs for every
  // operation of the scope index, at the start of each one-shot call).
  const base = sdkName.includes('Mixin') ? sdkName.replace(/(?:Mixin\d+)+$/, '') || sdkName : sdkName;
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * A name as people write it, for lookups that forgive case and punctuation:
 * `QueryDevicesByFilter`, `query_devices_by_filter` and `indicator.search.v1`
 * (→ `indicatorsearchv1`, as the SDK's `indicatorSearchV1`) alike.
 */
export function looseId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}
