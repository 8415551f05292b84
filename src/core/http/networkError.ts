// A request that got no HTTP answer at all, in one sentence the user can act
// on, and whether it is worth trying again. Messages name the host and the
// cause only: never a header, so never a credential.
import { ExitCode, UserError } from '../errors.js';

export type NetworkFailureKind = 'refused' | 'reset' | 'timeout' | 'connect-timeout' | 'dns' | 'tls' | 'other';

export class NetworkError extends UserError {
  constructor(
    message: string,
    readonly kind: NetworkFailureKind,
    /** the system or undici error code, e.g. ECONNREFUSED, UND_ERR_SOCKET */
    readonly code: string | undefined,
    details: readonly string[] = [],
  ) {
    super(message, ExitCode.network, details);
    this.name = 'NetworkError';
  }

  /** The same failure with an extra detail line (e.g. how many attempts were made). */
  withDetails(details: readonly string[]): NetworkError {
    return new NetworkError(this.message, this.kind, this.code, [...this.details, ...details]);
  }
}

/** "30 s", "0.2 s" */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown issuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown issuer',
  CERT_HAS_EXPIRED: 'certificate expired',
  CERT_NOT_YET_VALID: 'certificate not yet valid',
  CERT_REVOKED: 'certificate revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
};

/** Codes found on the error, its cause chain and (for happy-eyeballs connects) its inner errors. */
function codesOf(err: unknown, depth = 0): string[] {
  if (typeof err !== 'object' || err === null || depth > 4) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const inner = Array.isArray(e.errors) ? e.errors.flatMap((x) => codesOf(x, depth + 1)) : [];
  return [...own, ...codesOf(e.cause, depth + 1), ...inner];
}

function messageOf(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

export interface ClassifiedFailure {
  error: NetworkError;
  /** transient (refused, reset, timeout): worth another try */
  retryable: boolean;
  /** the request may have reached the server (false when no connection was made: refused, no route, DNS, connect timeout, TLS) */
  sent: boolean;
}

/**
 * Explains a failed attempt. `timedOut` is set when talon's own per-attempt
 * timer fired (undici then reports an abort, not a timeout).
 */
export function classifyNetworkFailure(
  err: unknown,
  host: string,
  timeoutMs: number,
  timedOut = false,
): ClassifiedFailure {
  const codes = codesOf(err);
  const has = (set: Set<string>): string | undefined => codes.find((c) => set.has(c));
  const check = 'Check the base URL, your network or proxy settings.';

  if (timedOut || has(TIMEOUT_CODES)) {
    const code = has(TIMEOUT_CODES);
    return {
      error: new NetworkError(`The request to ${host} timed out after ${formatSeconds(timeoutMs)}. Raise --timeout or try again.`, 'timeout', code),
      retryable: true,
      sent: true,
    };
  }
  const tls = has(TLS_CODES);
  if (tls) {
    const reason = TLS_REASONS[tls] ?? tls;
    return {
      error: new NetworkError(
        `The TLS certificate of ${host} is not trusted (${reason}). Fix the certificate chain, or pass --insecure to trust any certificate.`,
        'tls',
        tls,
      ),
      retryable: false,
      sent: false,
    };
  }
  const dns = has(DNS_CODES);
  if (dns) {
    return {
      error: new NetworkError(`Cannot reach ${host} (unknown host). ${check}`, 'dns', dns),
      // EAI_AGAIN is a temporary resolver failure; ENOTFOUND will not change.
      retryable: dns === 'EAI_AGAIN',
      sent: false,
    };
  }
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT')) {
    return {
      error: new NetworkError(`Cannot reach ${host} (connection timed out). ${check}`, 'connect-timeout', 'UND_ERR_CONNECT_TIMEOUT'),
      retryable: true,
      sent: false,
    };
  }
  const refused = has(REFUSED_CODES);
  if (refused) {
    const why = refused === 'ECONNREFUSED' ? 'connection refused' : 'no route to host';
    return { error: new NetworkError(`Cannot reach ${host} (${why}). ${check}`, 'refused', refused), retryable: true, sent: false };
  }
  const reset = has(RESET_CODES);
  if (reset) {
    return {
      error: new NetworkError(
        `The connection to ${host} was closed before the answer arrived (connection reset). Check your network or proxy settings, then try again.`,
        'reset',
        reset,
      ),
      retryable: true,
      sent: true,
    };
  }
  return {
    error: new NetworkError(`Cannot reach ${host} (${messageOf(err)}). ${check}`, 'other', codes[0]),
    retryable: false,
    sent: true,
  };
}
