// Bodies that are not JSON, in the same line model as JSON documents so that
// scrolling, search and writing work alike: text split into lines, bytes as
// a size line and a hex dump of their start.
import type { ResponseBody } from '../http/types.js';
import { formatSize } from './responseSummary.js';
import { DocumentBuilder, LineKind, buildJsonDocument, type JsonDocument } from './jsonDocument.js';

/** A hex dump of more than this would only be scrolled past; `w` writes the whole body. */
export const HEX_DUMP_LIMIT = 64 * 1024;

export function buildTextDocument(text: string): JsonDocument {
  const b = new DocumentBuilder();
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) b.push(LineKind.text, 0, -1, undefined, line);
  return b.finish();
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** `00000010  de ad be ef …  |....|`, 16 bytes a line. */
export function hexDumpLine(bytes: Uint8Array, offset: number): string {
  let hexPart = '';
  let ascii = '';
  for (let k = 0; k < 16; k++) {
    const v = bytes[offset + k];
    if (k === 8) hexPart += ' ';
    if (v === undefined) {
      hexPart += '   ';
      continue;
    }
    hexPart += `${hex(v, 2)} `;
    ascii += v >= 0x20 && v < 0x7f ? String.fromCharCode(v) : '.';
  }
  return `${hex(offset, 8)}  ${hexPart} |${ascii}|`;
}

export function buildBytesDocument(bytes: Uint8Array): JsonDocument {
  const b = new DocumentBuilder();
  const shown = Math.min(bytes.length, HEX_DUMP_LIMIT);
  b.push(LineKind.note, 0, -1, undefined, `binary body, ${formatSize(bytes.length)} (${bytes.length.toLocaleString('en-US')} bytes)`);
  for (let offset = 0; offset < shown; offset += 16) b.push(LineKind.text, 0, -1, undefined, hexDumpLine(bytes, offset));
  if (shown < bytes.length) {
    b.push(LineKind.note, 0, -1, undefined, `… ${(bytes.length - shown).toLocaleString('en-US')} more bytes (w writes the whole body)`);
  }
  return b.finish();
}

export function buildNoteDocument(note: string): JsonDocument {
  const b = new DocumentBuilder();
  b.push(LineKind.note, 0, -1, undefined, note);
  return b.finish();
}

/** The line model for any response body. */
export function documentForBody(body: ResponseBody): JsonDocument {
  switch (body.kind) {
    case 'json': {
      const doc = buildJsonDocument(body.value);
      return doc.length > 0 ? doc : buildNoteDocument('(no JSON value)');
    }
    case 'text':
      return buildTextDocument(body.value);
    case 'bytes':
      return buildBytesDocument(body.value);
    case 'empty':
      return buildNoteDocument('(empty body)');
  }
}
