// Writes a catalog file deterministically: same input, same bytes (CI compares
// the committed file with a fresh generation). One operation or model per line
// keeps diffs between SDK versions readable.
import type { CatalogFile } from './catalogFile.js';
import { compareStrings } from '../text/compareStrings.js';

export function serializeCatalog(file: CatalogFile): string {
  const lines: string[] = ['{'];
  lines.push(`"format":${JSON.stringify(file.format)},`);
  lines.push(`"source":${JSON.stringify(file.source)},`);
  lines.push(`"collections":${JSON.stringify(file.collections)},`);
  lines.push('"operations":[');
  file.operations.forEach((op, i) => lines.push(JSON.stringify(op) + (i < file.operations.length - 1 ? ',' : '')));
  lines.push('],');
  lines.push(`"models":${serializeModels(file.models).trimEnd()}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** The models table alone, sorted by name, one model per line. */
export function serializeModels(models: CatalogFile['models']): string {
  const names = Object.keys(models).sort(compareStrings);
  if (names.length === 0) return '{}\n';
  const lines = names.map((name, i) => `${JSON.stringify(name)}:${JSON.stringify(models[name])}${i < names.length - 1 ? ',' : ''}`);
  return `{\n${lines.join('\n')}\n}\n`;
}
