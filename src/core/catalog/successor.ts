// The operation that replaces a deprecated one, when the catalog shows it:
// the same method and path at a newer version (`/v1` → `/v2`) that is not
// deprecated itself, else the only non-deprecated operation of the same
// method whose path differs from it only by its version.
import type { Catalog, CatalogOperation } from './types.js';

const VERSION = /\/v(\d+)(?=\/|$)/;

function family(path: string): string | undefined {
  return VERSION.test(path) ? path.replace(VERSION, '/v*') : undefined;
}

export function successorOf(catalog: Catalog, op: CatalogOperation): CatalogOperation | undefined {
  if (!op.deprecated) return undefined;
  const mine = family(op.path);
  if (!mine) return undefined;
  const version = Number(VERSION.exec(op.path)?.[1] ?? 0);
  const newer = catalog.operations
    .filter((o) => !o.deprecated && o.method === op.method && family(o.path) === mine && Number(VERSION.exec(o.path)?.[1] ?? 0) > version)
    .sort((a, b) => Number(VERSION.exec(b.path)?.[1]) - Number(VERSION.exec(a.path)?.[1]));
  return newer[0];
}
