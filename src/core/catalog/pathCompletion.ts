// Path-segment completion: with `/devices/en` typed, the segments that can
// come next (`entities`), each with how many operations lie under it. A typed
// segment may be a real value where the path has a `{parameter}`.
import type { Catalog } from './types.js';

export interface SegmentCompletion {
  /** the next segment, e.g. `entities` or `{id}` */
  segment: string;
  /** the typed path up to and including this segment, e.g. `/devices/entities` */
  value: string;
  /** operations (any method) at or under it */
  count: number;
  /** an operation's path ends here */
  leaf: boolean;
  /** longer paths continue below it */
  hasChildren: boolean;
}

/** What path completion reads of a catalog: its operations' paths. */
export type PathSource = { readonly operations: readonly Pick<Catalog['operations'][number], 'path'>[] };

/** A path's segments as written, and lower-cased once (completion runs on every keystroke). */
interface SplitPath {
  segments: string[];
  lower: string[];
}

/** A catalog's paths, each split on first use: a Tab's process (one per completion) splits only the paths it reads. */
interface PathTable {
  paths: readonly string[];
  split: (SplitPath | undefined)[];
}

const tables = new WeakMap<PathSource, PathTable>();

function pathTable(catalog: PathSource): PathTable {
  let table = tables.get(catalog);
  if (!table) {
    const paths = catalog.operations.map((op) => op.path);
    table = { paths, split: new Array<SplitPath | undefined>(paths.length) };
    tables.set(catalog, table);
  }
  return table;
}

function splitAt(table: PathTable, i: number): SplitPath {
  let split = table.split[i];
  if (!split) {
    const segments = (table.paths[i] as string).split('/').slice(1);
    split = { segments, lower: segments.map((s) => s.toLowerCase()) };
    table.split[i] = split;
  }
  return split;
}

/** The next segments after `typed` (which should start with `/`), sorted by name. */
export function completePathSegment(catalog: PathSource, typed: string): SegmentCompletion[] {
  const parts = typed.replace(/^\/*/, '').split('/');
  const partial = (parts.pop() ?? '').toLowerCase();
  const dir = parts;
  const dirLower = dir.map((d) => d.toLowerCase());
  const found = new Map<string, SegmentCompletion>();
  const add = (segment: string, leaf: boolean): void => {
    let entry = found.get(segment);
    if (!entry) {
      entry = { segment, value: `/${[...dir, segment].join('/')}`, count: 0, leaf: false, hasChildren: false };
      found.set(segment, entry);
    }
    entry.count++;
    if (leaf) entry.leaf = true;
    else entry.hasChildren = true;
  };
  const offered = (segment: string, lower: string): boolean => lower.startsWith(partial) || (partial !== '' && isParam(segment));
  const table = pathTable(catalog);
  if (dir.length === 0) {
    // The first segment: read where each path's first segment ends, nothing split.
    for (const path of table.paths) {
      const end = path.indexOf('/', 1);
      const segment = end < 0 ? path.slice(1) : path.slice(1, end);
      if (offered(segment, segment.toLowerCase())) add(segment, end < 0);
    }
  } else {
    // Only paths under the typed first segment (or under a parameter there) can match: the rest are not split.
    const head = `/${dirLower[0] as string}/`;
    for (let i = 0; i < table.paths.length; i++) {
      const path = table.paths[i] as string;
      if (!path.startsWith('/{') && !path.toLowerCase().startsWith(head)) continue;
      const { segments, lower } = splitAt(table, i);
      if (segments.length <= dir.length || !dirLower.every((d, k) => segmentMatches(segments[k] as string, lower[k] as string, d))) continue;
      const segment = segments[dir.length] as string;
      if (offered(segment, lower[dir.length] as string)) add(segment, segments.length === dir.length + 1);
    }
  }
  return [...found.values()].sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** A template segment against a typed one: literally (any case), or any non-empty value for `{param}`. */
function segmentMatches(template: string, templateLower: string, typedLower: string): boolean {
  return isParam(template) ? typedLower.length > 0 : templateLower === typedLower;
}
