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

const pathsCache = new WeakMap<PathSource, SplitPath[]>();

function splitPaths(catalog: PathSource): SplitPath[] {
  let paths = pathsCache.get(catalog);
  if (!paths) {
    paths = catalog.operations.map((op) => {
      const segments = op.path.split('/').slice(1);
      return { segments, lower: segments.map((s) => s.toLowerCase()) };
    });
    pathsCache.set(catalog, paths);
  }
  return paths;
}

/** The next segments after `typed` (which should start with `/`), sorted by name. */
export function completePathSegment(catalog: PathSource, typed: string): SegmentCompletion[] {
  const parts = typed.replace(/^\/*/, '').split('/');
  const partial = (parts.pop() ?? '').toLowerCase();
  const dir = parts;
  const dirLower = dir.map((d) => d.toLowerCase());
  const found = new Map<string, SegmentCompletion>();
  for (const { segments, lower } of splitPaths(catalog)) {
    if (segments.length <= dir.length || !dirLower.every((d, i) => segmentMatches(segments[i] as string, lower[i] as string, d))) continue;
    const segment = segments[dir.length] as string;
    if (!(lower[dir.length] as string).startsWith(partial) && !(partial && isParam(segment))) continue;
    let entry = found.get(segment);
    if (!entry) {
      entry = { segment, value: `/${[...dir, segment].join('/')}`, count: 0, leaf: false, hasChildren: false };
      found.set(segment, entry);
    }
    entry.count++;
    if (segments.length === dir.length + 1) entry.leaf = true;
    else entry.hasChildren = true;
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
