// What the send policy needs of a catalog: each operation's method, path,
// name and scopes. The bundled catalog's come from a small generated index
// (data/scopeIndex.ts), so classifying a call never decodes the whole
// catalog; an imported catalog (a full Catalog) serves as it is. A call to a
// literal path (nearly all of them) finds its one line by a string search:
// splitting all ~1,500 lines was ~8 ms of a one-shot command.
import { SCOPE_INDEX } from './data/scopeIndex.js';
import { derivedPublishedId } from './publishedId.js';
import type { CatalogOperation, ScopeCatalog, ScopeOperation } from './types.js';

export type IndexedOperation = ScopeOperation & Pick<CatalogOperation, 'publishedId'>;

function parseLine(line: string): IndexedOperation {
  const [method = '', path = '', operationId = '', scopes = '', published] = line.split(' ');
  return { method, path, operationId, scopes: scopes ? scopes.split(',') : [], publishedId: published || derivedPublishedId(operationId) };
}

let operations: readonly IndexedOperation[] | undefined;

/** The line that starts with `key ` (METHOD and path in the index's own case): no copy of the 135 KB index. */
function lineOf(key: string): IndexedOperation | undefined {
  const found = SCOPE_INDEX.startsWith(`${key} `) ? 0 : SCOPE_INDEX.indexOf(`\n${key} `);
  if (found < 0) return undefined;
  const at = found === 0 ? 0 : found + 1;
  const end = SCOPE_INDEX.indexOf('\n', at);
  return parseLine(SCOPE_INDEX.slice(at, end < 0 ? undefined : end));
}

/**
 * The same in any case, through a lower-case copy of the index, made only for
 * a path typed in another case than the catalog's (~260 KB of strings, and a
 * garbage collection in a one-shot call). No two operations differ by case
 * alone (a test holds it), so both searches find the same line.
 */
let lowerIndex: string | undefined;
function lineInAnyCase(lowerKey: string): IndexedOperation | undefined {
  // Lines start after a newline in this copy; the index is ASCII, so offsets match the original's plus one.
  lowerIndex ??= `\n${SCOPE_INDEX.toLowerCase()}\n`;
  const at = lowerIndex.indexOf(`\n${lowerKey} `);
  return at < 0 ? undefined : parseLine(SCOPE_INDEX.slice(at, lowerIndex.indexOf('\n', at + 1) - 1));
}

const found = new Map<string, IndexedOperation | undefined>();

const bundled: ScopeCatalog<IndexedOperation> = {
  get operations(): readonly IndexedOperation[] {
    operations ??= SCOPE_INDEX.split('\n').map(parseLine);
    return operations;
  },
  literalOperation(method: string, path: string): IndexedOperation | undefined {
    const key = `${method} ${path}`;
    if (!found.has(key)) found.set(key, lineOf(key) ?? lineInAnyCase(key.toLowerCase()));
    return found.get(key);
  },
};

/** The bundled catalog's scope index: names, paths and scopes of every operation (parsed on first use of `operations`). */
export function bundledScopeCatalog(): ScopeCatalog<IndexedOperation> {
  return bundled;
}
