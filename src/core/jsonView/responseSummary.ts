// The words around a response body: the header line (status, duration,
// size, trace id) and, for API errors, the explanation and the API's own
// messages, laid out to a width so the pane knows its row count up front.
import { STATUS_CODES } from 'node:http';
import { apiMessages, describeApiError } from '../api/apiError.js';
import type { ApiResponse } from '../http/types.js';
import { terminalSafe } from '../text/terminalSafe.js';

const numberFormat = new Intl.NumberFormat('en-US');

/** 5312 → "5,312" */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** 512 B, 12.3 KB, 9.8 MB */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function statusText(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `${status} ${reason}` : String(status);
}

export interface ResponseHeader {
  /** "200 OK", coloured by status */
  status: string;
  /** "312 ms · 9.8 MB · trace 0b8c…" */
  details: string;
}

export function responseHeader(res: ApiResponse): ResponseHeader {
  const parts = [`${Math.round(res.durationMs).toLocaleString('en-US')} ms`, formatSize(res.size)];
  if (res.attempts > 1) parts.push(`${res.attempts} attempts`);
  if (res.traceId) parts.push(`trace ${terminalSafe(res.traceId)}`);
  return { status: statusText(res.status), details: parts.join(' · ') };
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Cuts a line to `width` columns, ending it with … when it was longer. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Greedy word wrap; a word longer than the width is split. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > w) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= w) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps to at most `maxLines` lines, ending the last with … when text was left out. */
export function fitLines(text: string, width: number, maxLines: number): string[] {
  const lines = wrapText(text, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]!} …`, width);
  return kept;
}

export interface ErrorLine {
  text: string;
  role: 'error' | 'warn';
}

/**
 * For a non-2xx answer: the sentence saying what went wrong and what to do
 * (naming the scope a 403 needs), then the API's messages; at most
 * `maxLines` lines of `width` columns. Empty for a success.
 */
export function errorLines(res: ApiResponse, opts: { scopes?: readonly string[]; width: number; maxLines: number }): ErrorLine[] {
  if (isSuccess(res.status) || opts.maxLines <= 0) return [];
  let sentence: string;
  try {
    sentence = describeApiError(res, { scopes: opts.scopes });
  } catch {
    sentence = `The API answered ${res.status}.`; // an unparsable URL
  }
  const messages = apiMessages(res).map((m) => ({ text: truncate(`API: ${m}`, opts.width), role: 'warn' as const }));
  // Keep at least one API message in view: it is the API's own word.
  const sentenceRows = Math.max(1, opts.maxLines - Math.min(messages.length, Math.max(1, opts.maxLines - 2)));
  const wrapped = fitLines(sentence, opts.width, sentenceRows);
  const lines: ErrorLine[] = wrapped.map((text) => ({ text, role: 'error' }));
  return [...lines, ...messages].slice(0, opts.maxLines);
}
