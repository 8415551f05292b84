// Reading what the user named: hostnames and device ids, typed or from a
// file (one or more per line, `#` comments), and the exact-match FQL filter
// that finds hostnames.
import { isDeviceId } from '../hostRecords.js';

export interface ParsedTargets {
  /** in order, without duplicates; device ids lowercased */
  targets: string[];
  /** one sentence per input that cannot be a hostname or device id */
  problems: string[];
}

/** Splits text into targets: whitespace, commas and lines separate them; `#` starts a comment. */
export function parseTargets(text: string): ParsedTargets {
  const targets: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const content = line.replace(/#.*$/, '');
    for (const raw of content.split(/[\s,]+/)) {
      const token = raw.trim();
      if (!token) continue;
      const problem = targetProblem(token);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const value = isDeviceId(token) ? token.toLowerCase() : token;
      if (seen.has(value)) continue;
      seen.add(value);
      targets.push(value);
    }
  }
  return { targets, problems };
}

function targetProblem(token: string): string | undefined {
  // A '*' would turn the exact match into a wildcard search.
  if (token.includes('*')) return `'${token}' contains '*': give exact hostnames or device ids, not patterns.`;
  if (token.length > 255) return `'${token.slice(0, 40)}…' is too long for a hostname.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(token)) return `'${JSON.stringify(token)}' contains control characters.`;
  return undefined;
}

/** Escapes a value for a single-quoted FQL string. */
export function fqlQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `hostname:'A'`, or `hostname:['A','B']` for several: an exact (case-sensitive) match. */
export function hostnameFilter(hostnames: readonly string[]): string {
  if (hostnames.length === 1) return `hostname:${fqlQuote(hostnames[0] as string)}`;
  return `hostname:[${hostnames.map(fqlQuote).join(',')}]`;
}
