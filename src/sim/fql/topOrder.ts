// The first k records of a sort without ranking every record: each kept
// record's sort values are read once and a bounded heap keeps the best k, as
// Elasticsearch orders a page (a priority queue of from + size). A sort's
// first use on the first pages costs one read of the records instead of a
// read and a ranking of all of them (sort.ts), which pays off only when pages
// go deep. The order is sortOrder's exactly: compileSort's comparison, ties
// in input order.
import type { FieldSchema } from './schema.js';
import { numberReader, parseKeys, presetFor, textReader, type SortKey, type SortPresets } from './sort.js';

export interface TopOrder {
  /** positions of the best `k` kept records, in order */
  order: Uint32Array;
  /** how many records were kept (the filter's matches) */
  total: number;
}

/** One key's values by position: numbers in a typed array (NaN: no value), text in an array. */
type Column = { numbers: Float64Array } | { texts: (string | undefined)[] };

/** Reads the key's value into its column (sort.ts's readers); preset values need no reading. */
function columnFor(key: SortKey, n: number, presets?: SortPresets): { column: Column; read?(record: object, at: number): void } {
  const preset = presetFor(key, n, presets);
  if (preset) return { column: { numbers: preset } };
  if (key.field.type === 'string' || key.field.type === 'string[]') {
    const texts = new Array<string | undefined>(n);
    const value = textReader(key);
    return { column: { texts }, read: (record, at) => void (texts[at] = value(record)) };
  }
  const numbers = new Float64Array(n);
  const value = numberReader(key);
  return { column: { numbers }, read: (record, at) => void (numbers[at] = value(record)) };
}

/**
 * The first `k` positions of `records` in `sort`'s order, among those `keep`
 * marks or accepts (all without it). A filter given as a function is evaluated
 * in the same pass as the sort values are read (one visit of each record), its
 * matches set in `marks`. `presets` are sort values known without reading
 * the records.
 */
export function topOrder(
  records: readonly object[],
  sort: string,
  fields: FieldSchema,
  k: number,
  keep?: Uint8Array | ((record: object, at: number) => boolean),
  marks?: Uint8Array,
  presets?: SortPresets,
): TopOrder {
  const keys = parseKeys(sort, fields);
  const n = records.length;
  const columnReaders = keys.map((key) => columnFor(key, n, presets));
  const columns = columnReaders.map((r) => r.column);
  const readers = columnReaders.flatMap((r) => (r.read ? [r.read] : []));
  const descending = keys.map((key) => key.descending);
  // Order of positions a and b: compileSort's (no value last either way), then input order.
  const compare = (a: number, b: number): number => {
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j] as Column;
      let o: number;
      if ('numbers' in column) {
        const x = column.numbers[a] as number;
        const y = column.numbers[b] as number;
        if (x === y || (x !== x && y !== y)) continue;
        if (x !== x) return 1;
        if (y !== y) return -1;
        o = x < y ? -1 : 1;
      } else {
        const x = column.texts[a];
        const y = column.texts[b];
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        o = x < y ? -1 : 1;
      }
      return descending[j] ? -o : o;
    }
    return a - b;
  };
  // A max-heap: the worst of the best k so far at the root.
  const heap = new Uint32Array(Math.max(0, Math.min(k, n)));
  let size = 0;
  let total = 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  const first = columns[0];
  const single = columns.length === 1 && first && 'numbers' in first ? first.numbers : undefined;
  const descendingSingle = descending[0] === true;
  const test = typeof keep === 'function' ? keep : undefined;
  const kept = typeof keep === 'function' ? undefined : keep;
  for (let i = 0; i < n; i++) {
    const record = records[i] as object;
    if (kept && kept[i] !== 1) continue;
    if (test) {
      if (!test(record, i)) continue;
      if (marks) marks[i] = 1;
    }
    total++;
    for (const read of readers) read(record, i);
    // One numeric key (a timestamp, a number): most records lose to the heap's worst at once, without a call
    // (a tie loses too: it comes later in input order).
    if (single && size === heap.length && size > 0) {
      const v = single[i] as number;
      const w = single[heap[0] as number] as number;
      if (v !== v || (w === w && (descendingSingle ? v <= w : v >= w))) continue;
    }
    if (size < heap.length) {
      let at = size++;
      heap[at] = i;
      for (let parent = (at - 1) >> 1; at > 0 && compare(heap[at] as number, heap[parent] as number) > 0; at = parent, parent = (at - 1) >> 1) swap(at, parent);
    } else if (size > 0 && compare(i, heap[0] as number) < 0) {
      heap[0] = i;
      for (let at = 0; ; ) {
        const l = 2 * at + 1;
        if (l >= size) break;
        const worse = l + 1 < size && compare(heap[l + 1] as number, heap[l] as number) > 0 ? l + 1 : l;
        if (compare(heap[worse] as number, heap[at] as number) <= 0) break;
        swap(at, worse);
        at = worse;
      }
    }
  }
  return { order: Uint32Array.from(heap.subarray(0, size)).sort(compare), total };
}
