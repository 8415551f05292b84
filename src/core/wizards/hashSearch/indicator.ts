// Recognises what the user pasted: a sha256 or md5 (by length and hex
// characters), an IPv4 or IPv6 address, or a domain, the types the indicator
// API searches. Anything else gets one sentence saying what is accepted.
import { isIP } from 'node:net';

export type IndicatorType = 'sha256' | 'md5' | 'domain' | 'ipv4' | 'ipv6';

export interface Indicator {
  type: IndicatorType;
  /** hashes and domains lowercased, as the API stores them */
  value: string;
}

export type Classified = { ok: true; indicator: Indicator } | { ok: false; message: string };

const ACCEPTED = 'a sha256 (64 hexadecimal characters), an md5 (32), a domain, or an IPv4 or IPv6 address';
const DOMAIN = /^(?=.{1,200}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function classifyIndicator(input: string): Classified {
  const value = input.trim();
  if (!value) return { ok: false, message: `Give a value to search for: ${ACCEPTED}.` };
  if (/^[0-9a-fA-F]+$/.test(value)) {
    if (value.length === 64) return { ok: true, indicator: { type: 'sha256', value: value.toLowerCase() } };
    if (value.length === 32) return { ok: true, indicator: { type: 'md5', value: value.toLowerCase() } };
    // Long hex strings are hashes of the wrong length (sha1 is 40); short ones may be names.
    if (value.length >= 16) {
      return { ok: false, message: `'${value}' looks like a hash but has ${value.length} hexadecimal characters: a sha256 has 64 and an md5 32 (sha1 cannot be searched).` };
    }
  }
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (isIP(bare) === 4) return { ok: true, indicator: { type: 'ipv4', value: bare } };
  if (isIP(bare) === 6) return { ok: true, indicator: { type: 'ipv6', value: bare.toLowerCase() } };
  const domain = value.toLowerCase().replace(/\.$/, '');
  if (DOMAIN.test(domain)) return { ok: true, indicator: { type: 'domain', value: domain } };
  return { ok: false, message: `'${value}' is not something the indicator search accepts: give ${ACCEPTED}.` };
}

/** "sha256 84f5…", for messages. */
export function describeIndicator(indicator: Indicator): string {
  return `${indicator.type} ${indicator.value}`;
}
