// The request and response values every part of talon passes around.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Ordered query pairs; a key may repeat (`ids=a&ids=b`). */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

export interface ApiRequest {
  method: HttpMethod;
  /** path on the API host, e.g. /devices/queries/devices/v1 (no query string) */
  path: string;
  query?: QueryPairs;
  /** a JSON body (serialised by the client), or urlencoded form fields */
  body?: { json: unknown } | { form: Record<string, string> };
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /**
   * Set by the send policy's door (core/request/guardedClient.ts) from the
   * catalog, overriding anything a caller put here: true for a write, never
   * sent again once it may have reached the server; false for a read, which
   * may be. Unset (calls outside the door, such as OAuth2): the method decides.
   */
  writes?: boolean;
}

export type ResponseBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'empty' };

export interface ApiResponse {
  method: HttpMethod;
  /** the full URL called, without credentials */
  url: string;
  status: number;
  /** response headers with lowercase names */
  headers: Readonly<Record<string, string>>;
  /** wall time of the last attempt, in ms */
  durationMs: number;
  /** body size in bytes */
  size: number;
  traceId?: string;
  rateLimitLimit?: number;
  rateLimitRemaining?: number;
  body: ResponseBody;
  /** how many attempts it took (1 when no retry happened) */
  attempts: number;
}

/** Anything that can send an API request: the HTTP client, or the authenticated Falcon client over it. */
export interface ApiCaller {
  request(req: ApiRequest): Promise<ApiResponse>;
}

/** The Falcon envelope, as far as talon relies on it. */
export interface FalconEnvelope {
  meta?: {
    trace_id?: string;
    query_time?: number;
    pagination?: Record<string, unknown>;
    [key: string]: unknown;
  };
  resources?: unknown[] | null;
  errors?: { code?: number; message?: string; id?: string }[] | null;
  [key: string]: unknown;
}

export function envelopeOf(res: ApiResponse): FalconEnvelope | undefined {
  if (res.body.kind !== 'json' || typeof res.body.value !== 'object' || res.body.value === null) return undefined;
  return res.body.value as FalconEnvelope;
}
