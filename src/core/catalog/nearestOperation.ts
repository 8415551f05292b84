// The catalog operation nearest to a path it does not know, to name in an
// error: `POST /devices/actions/devices/v1` → `POST /devices/entities/devices-actions/v2`.
// Paths are compared by their words (segments split at - and _), as people
// misremember them: words swapped between segments, a version off by one.
import type { Catalog, CatalogOperation } from './types.js';

function words(path: string): string[] {
  return path
    .toLowerCase()
    .split(/[/\-_.]+/)
    .filter((w) => w && !/^v\d+$/.test(w) && !w.startsWith('{'));
}

/** Dice similarity over the multisets of words. */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const w of a) left.set(w, (left.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      common++;
      left.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** The closest operation (same method preferred), or undefined when nothing shares a word with the path. */
export function nearestOperation(catalog: Catalog, method: string, path: string): CatalogOperation | undefined {
  const target = words(path.split(/[?#]/)[0] ?? '');
  const m = method.toUpperCase();
  let best: CatalogOperation | undefined;
  let bestScore = 0;
  for (const op of catalog.operations) {
    let score = similarity(target, words(op.path));
    if (score === 0) continue;
    if (op.method === m) score += 0.25;
    if (op.deprecated) score -= 0.05;
    if (score > bestScore) {
      best = op;
      bestScore = score;
    }
  }
  return best;
}
