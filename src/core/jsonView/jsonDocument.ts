// A parsed JSON value as the lines JSON.stringify(v, null, 2) would print,
// built in one iterative pass into parallel typed arrays: a 10 MB response
// has hundreds of thousands of lines, and one object per line would cost
// more time and memory than the view ever needs. Text is made per line, on
// demand, for the few lines on screen.

/** What a line holds; for scalars this is also the token kind of the value. */
export const LineKind = {
  string: 0,
  number: 1,
  boolean: 2,
  null: 3,
  openObject: 4,
  openArray: 5,
  closeObject: 6,
  closeArray: 7,
  emptyObject: 8,
  emptyArray: 9,
  /** a line of a text body, or of a hex dump */
  text: 10,
  /** a remark of talon's own (empty body, truncated dump) */
  note: 11,
} as const;
export type LineKindValue = (typeof LineKind)[keyof typeof LineKind];

export interface JsonDocument {
  readonly length: number;
  readonly kind: Uint8Array;
  /** indentation level (two spaces each) */
  readonly depth: Uint32Array;
  /** open line → its close line, close line → its open line, else -1 */
  readonly match: Int32Array;
  /** the open line of the enclosing container, -1 at the top */
  readonly parent: Int32Array;
  /** for open lines: how many keys or items the container has */
  readonly childCount: Int32Array;
  /** the property name, for lines inside an object */
  readonly keys: ReadonlyArray<string | undefined>;
  /** the scalar value (or a text line), undefined for structural lines */
  readonly values: readonly unknown[];
}

export function isOpen(kind: number): boolean {
  return kind === LineKind.openObject || kind === LineKind.openArray;
}

export function isClose(kind: number): boolean {
  return kind === LineKind.closeObject || kind === LineKind.closeArray;
}

/** Growable parallel arrays; doubling keeps appends amortised O(1). */
export class DocumentBuilder {
  length = 0;
  private kind = new Uint8Array(1024);
  private depth = new Uint32Array(1024);
  private match = new Int32Array(1024);
  private parent = new Int32Array(1024);
  private childCount = new Int32Array(1024);
  private readonly keys: Array<string | undefined> = [];
  private readonly values: unknown[] = [];

  /** Appends a line; `child` counts it in its parent's childCount (close lines are not children). */
  push(kind: LineKindValue, depth: number, parent: number, key: string | undefined, value: unknown, child = true): number {
    const i = this.length;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.depth[i] = depth;
    this.match[i] = -1;
    this.parent[i] = parent;
    this.childCount[i] = 0;
    this.keys.push(key);
    this.values.push(value);
    if (child && parent >= 0) this.childCount[parent]! += 1;
    this.length = i + 1;
    return i;
  }

  pair(open: number, close: number): void {
    this.match[open] = close;
    this.match[close] = open;
  }

  private grow(): void {
    const cap = this.kind.length * 2;
    const copy = <T extends Uint8Array | Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.depth = copy(this.depth, (n) => new Uint32Array(n));
    this.match = copy(this.match, (n) => new Int32Array(n));
    this.parent = copy(this.parent, (n) => new Int32Array(n));
    this.childCount = copy(this.childCount, (n) => new Int32Array(n));
  }

  finish(): JsonDocument {
    const n = this.length;
    return {
      length: n,
      kind: this.kind.subarray(0, n),
      depth: this.depth.subarray(0, n),
      match: this.match.subarray(0, n),
      parent: this.parent.subarray(0, n),
      childCount: this.childCount.subarray(0, n),
      keys: this.keys,
      values: this.values,
    };
  }
}

/** JSON.stringify leaves these out of objects and prints them as null in arrays. */
function isUnserialisable(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function scalarKind(v: unknown): LineKindValue {
  switch (typeof v) {
    case 'string':
      return LineKind.string;
    case 'number':
      return Number.isFinite(v) ? LineKind.number : LineKind.null;
    case 'bigint':
      return LineKind.number;
    case 'boolean':
      return LineKind.boolean;
    default:
      return LineKind.null;
  }
}

interface Frame {
  container: object;
  /** own keys for objects, undefined for arrays */
  names: string[] | undefined;
  size: number;
  next: number;
  open: number;
}

/** Guards against a cyclic value (never produced by JSON.parse) looping forever. */
const MAX_DEPTH = 10_000;

/** The lines of JSON.stringify(value, null, 2), without building that string. */
export function buildJsonDocument(value: unknown): JsonDocument {
  const b = new DocumentBuilder();
  if (isUnserialisable(value)) return b.finish();
  const stack: Frame[] = [];

  // Adds the line(s) opening a value; returns a frame when it has children.
  const open = (raw: unknown, key: string | undefined, depth: number, parent: number): Frame | undefined => {
    // As JSON.stringify does (a Date, say); JSON.parse never makes such values.
    const toJSON = raw !== null && typeof raw === 'object' ? (raw as { toJSON?: unknown }).toJSON : undefined;
    const v = typeof toJSON === 'function' ? (toJSON as (k: string) => unknown).call(raw, key ?? '') : raw;
    if (v === null || typeof v !== 'object') {
      b.push(scalarKind(v), depth, parent, key, v === null || isUnserialisable(v) ? null : v);
      return undefined;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        b.push(LineKind.emptyArray, depth, parent, key, undefined);
        return undefined;
      }
      const line = b.push(LineKind.openArray, depth, parent, key, undefined);
      return { container: v, names: undefined, size: v.length, next: 0, open: line };
    }
    const names = Object.keys(v);
    const rec = v as Record<string, unknown>;
    if (!names.some((n) => !isUnserialisable(rec[n]))) {
      b.push(LineKind.emptyObject, depth, parent, key, undefined);
      return undefined;
    }
    const line = b.push(LineKind.openObject, depth, parent, key, undefined);
    return { container: v, names, size: names.length, next: 0, open: line };
  };

  const root = open(value, undefined, 0, -1);
  if (root) stack.push(root);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const depth = stack.length;
    if (f.next < f.size) {
      const i = f.next++;
      let child: Frame | undefined;
      if (f.names) {
        const name = f.names[i]!;
        const v = (f.container as Record<string, unknown>)[name];
        if (isUnserialisable(v)) continue;
        child = open(v, name, depth, f.open);
      } else {
        child = open((f.container as unknown[])[i], undefined, depth, f.open);
      }
      if (child) {
        if (stack.length >= MAX_DEPTH) throw new Error('The value nests too deeply to display (is it cyclic?).');
        stack.push(child);
      }
      continue;
    }
    // The close line belongs to the same container as its open line.
    const enclosing = stack.length > 1 ? stack[stack.length - 2]!.open : -1;
    const close = b.push(f.names ? LineKind.closeObject : LineKind.closeArray, depth - 1, enclosing, undefined, undefined, false);
    b.pair(f.open, close);
    stack.pop();
  }
  return b.finish();
}
