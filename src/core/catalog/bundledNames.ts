// The bundled catalog's operation names and paths, read straight from its JSON
// text without decoding the rest: shell completion runs a process per Tab, and
// decoding every operation's parameters costs more than the answer. The file
// format is ours (serializeCatalog.ts writes each operation as
// {"i":…,"c":…,"m":…,"p":…, …, "o":…}); a test checks this reader against the
// full decode for every operation.
import { BUNDLED_CATALOG_JSON } from './data/bundledCatalog.js';
import { derivedPublishedId } from './publishedId.js';
import type { CatalogOperation } from './types.js';

export type OperationNames = Pick<CatalogOperation, 'operationId' | 'publishedId' | 'method' | 'path'>;

const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const OPERATION_START = new RegExp(`\\{"i":${STRING},"c":\\d+,"m":"([A-Z]+)","p":${STRING}`, 'g');
const PUBLISHED = new RegExp(`,"o":${STRING}(?=[,}])`, 'g');

function unescape(text: string): string {
  return text.includes('\\') ? (JSON.parse(`"${text}"`) as string) : text;
}

let cached: { operations: readonly OperationNames[] } | undefined;

export function bundledOperationNames(): { operations: readonly OperationNames[] } {
  if (cached) return cached;
  const text = BUNDLED_CATALOG_JSON;
  const from = text.indexOf('"operations":[');
  const to = text.indexOf('"models":', from);
  const starts = [...text.slice(from, to).matchAll(OPERATION_START)];
  const operations = starts.map((m, k): OperationNames => {
    const span = text.slice(from + m.index, k + 1 < starts.length ? from + (starts[k + 1] as RegExpMatchArray).index! : to);
    // Only a few operations carry one: look for the key before running the expression.
    const published = span.includes(',"o":"') ? [...span.matchAll(PUBLISHED)].at(-1)?.[1] : undefined;
    const operationId = unescape(m[1] as string);
    return {
      operationId,
      publishedId: published !== undefined ? unescape(published) : derivedPublishedId(operationId),
      method: m[2] as string,
      path: unescape(m[3] as string),
    };
  });
  cached = { operations };
  return cached;
}
