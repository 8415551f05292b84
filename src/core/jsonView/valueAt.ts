// The value a document line stands for, rebuilt from the line model (which
// keeps scalars, not containers): what `y` copies, `v` shows whole and the
// table view tabulates. A close line stands for its container.
import { LineKind, isClose, isOpen, type JsonDocument } from './jsonDocument.js';

/** The line of the value `line` belongs to: its own, or its open line for a close line. */
function valueLine(doc: JsonDocument, line: number): number {
  return isClose(doc.kind[line]!) ? doc.match[line]! : line;
}

/** The value at `line`: a scalar, or the object or array that opens (or closes) there. */
export function valueAtLine(doc: JsonDocument, line: number): unknown {
  if (line < 0 || line >= doc.length) return undefined;
  const start = valueLine(doc, line);
  const kind = doc.kind[start]!;
  if (kind === LineKind.emptyObject) return {};
  if (kind === LineKind.emptyArray) return [];
  if (!isOpen(kind)) return doc.values[start];
  // One pass over the container's lines, with a stack of the containers being filled.
  const root: unknown = kind === LineKind.openObject ? {} : [];
  const stack: unknown[] = [root];
  const end = doc.match[start]!;
  for (let i = start + 1; i < end; i++) {
    const k = doc.kind[i]!;
    if (isClose(k)) {
      stack.pop();
      continue;
    }
    const v = k === LineKind.openObject || k === LineKind.emptyObject ? {} : k === LineKind.openArray || k === LineKind.emptyArray ? [] : doc.values[i];
    const into = stack[stack.length - 1]!;
    if (Array.isArray(into)) into.push(v);
    else (into as Record<string, unknown>)[doc.keys[i]!] = v;
    if (isOpen(k)) stack.push(v);
  }
  return root;
}

/** The text `y` copies: a string as it is, anything else as JSON (pretty for containers). */
export function copyableText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, typeof value === 'object' && value !== null ? 2 : undefined);
}

/** The key path of a line, jq style: `.resources[3].hostname`. */
export function pathOfLine(doc: JsonDocument, line: number): string {
  const parts: string[] = [];
  let i = valueLine(doc, line);
  while (i >= 0) {
    const parent = doc.parent[i]!;
    if (parent < 0) break;
    if (doc.kind[parent] === LineKind.openArray) {
      let index = 0;
      for (let j = parent + 1; j < i; j++) if (doc.parent[j] === parent && !isClose(doc.kind[j]!)) index++;
      parts.push(`[${index}]`);
    } else {
      const key = doc.keys[i]!;
      parts.push(/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
    }
    i = parent;
  }
  return parts.reverse().join('') || '.';
}
