// `w` in the response pane: the body written to a file, JSON pretty-printed
// as shown, text and bytes as received. Never overwrites a file: the default
// name is unique enough, and a typed name that exists is more likely a slip.
import { writeFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
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

function writeError(err: unknown, path: string): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EEXIST':
      return new UserError(`${path} already exists: choose another name (talon does not overwrite files).`);
    case 'ENOENT':
      return new UserError(`Cannot write ${path}: its directory does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`Cannot write ${path}: permission denied.`);
    case 'EISDIR':
      return new UserError(`Cannot write ${path}: it is a directory; give a file name.`);
    case 'ENOSPC':
      return new UserError(`Cannot write ${path}: the disk is full.`);
    default:
      return new UserError(`Cannot write ${path}: ${(err as Error).message}`);
  }
}

/** Writes the body to a new file at `path`; returns the bytes written. Throws a UserError with the reason. */
export async function writeResponseFile(res: ApiResponse, path: string): Promise<number> {
  const data = responseFileContents(res);
  try {
    await writeFile(path, data, { flag: 'wx' });
  } catch (err) {
    throw writeError(err, path);
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
