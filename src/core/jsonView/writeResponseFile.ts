// `w` in the response pane: the body written to a file, JSON pretty-printed
// as shown, text and bytes as received. Never overwrites a file: the default
// name is unique enough, and a typed name that exists is more likely a slip.
import { writeNewPrivateFile } from '../config/secureFile.js';
import type { ApiResponse } from '../http/types.js';

/** What the file will hold. */
export function responseFileContents(res: ApiResponse): string | Uint8Array {
  switch (res.body.kind) {
    case 'json':
      return `${JSON.stringify(res.body.value, null, 2) ?? ''}\n`;
    case 'text':
      return res.body.value;
    case 'bytes':
      return res.body.value;
    case 'empty':
      return '';
  }
}

function extension(res: ApiResponse): string {
  return res.body.kind === 'json' ? 'json' : res.body.kind === 'bytes' ? 'bin' : 'txt';
}

/** 2026-03-01T12:05:09Z → 20260301-120509 */
function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

/** `talon-response-<trace id or timestamp>.json`, safe as a file name on any system. */
export function defaultResponseFileName(res: ApiResponse, now: Date = new Date()): string {
  const id = res.traceId?.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || stamp(now);
  return `talon-response-${id}.${extension(res)}`;
}


/** Writes the body to a new file at `path`; returns the bytes written. Throws a UserError with the reason. */
export async function writeResponseFile(res: ApiResponse, path: string): Promise<number> {
  // Tenant data: created 0600, never through a planted link, never over an existing file.
  return writeNewPrivateFile(path, responseFileContents(res), path);
}
