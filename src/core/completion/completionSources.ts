// What `talon __complete` offers besides commands and flags: profile names,
// saved request names, endpoint paths segment by segment, and operation names
// from the catalog in use. Read-only and quick: nothing is created, parsed or
// validated beyond what the answer needs (a completion runs on every Tab).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { talonPaths } from '../config/paths.js';
import { completePathSegment, type PathSource } from '../catalog/pathCompletion.js';
import type { CatalogOperation } from '../catalog/types.js';

/** What completion reads of a catalog: each operation's names and path (a full Catalog, or bundledNames.ts). */
export type NameSource = { readonly operations: readonly Pick<CatalogOperation, 'operationId' | 'publishedId' | 'path'>[] };

/** Profile names from the config file (its `profiles` keys); none when there is no readable file. */
export function profileNames(env: NodeJS.ProcessEnv): string[] {
  try {
    const data = JSON.parse(readFileSync(join(talonPaths(env).config, 'config.json'), 'utf8')) as { profiles?: Record<string, unknown> };
    return Object.keys(data.profiles ?? {}).sort();
  } catch {
    return [];
  }
}

/** Saved request names: the collection's `NAME.json` files. */
export function savedNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Paths one segment further than `typed`: `/devices/en` → `/devices/entities/`.
 * A segment under which paths go on ends in `/` (the shell adds no space); one
 * where a path ends is offered without it too. `{param}` segments are skipped:
 * the user types a value there.
 */
export function pathCandidates(catalog: PathSource, typed: string): string[] {
  const from = typed.startsWith('/') ? typed : `/${typed}`;
  const out: string[] = [];
  for (const s of completePathSegment(catalog, from)) {
    if (s.segment.startsWith('{')) continue;
    if (s.leaf) out.push(s.value);
    if (s.hasChildren) out.push(`${s.value}/`);
  }
  return out;
}

/** Operation names (talon's and the published definition's) that start with `typed`; in any case when none does as typed. */
export function operationIdCandidates(catalog: NameSource, typed: string): string[] {
  const exact = new Set<string>();
  const loose = new Set<string>();
  const prefix = typed.toLowerCase();
  for (const op of catalog.operations) {
    for (const name of [op.operationId, op.publishedId]) {
      if (name.startsWith(typed)) exact.add(name);
      else if (name.toLowerCase().startsWith(prefix)) loose.add(name);
    }
  }
  return [...(exact.size > 0 ? exact : loose)].sort();
}
