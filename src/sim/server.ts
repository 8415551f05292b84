// The simulator's HTTP server: routing, gateway checks, faults, body and query
// validation, and the standard envelope and headers on every answer.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { serializeEnvelope, SimHttpError, type SimResponse } from './envelope.js';
import { Router } from './router.js';
import { validateQuery, type Route } from './route.js';
import { SimState } from './context.js';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options.js';
import { SlidingWindowLimiter, type RateVerdict } from './rateLimiter.js';
import { FaultInjector } from './faults.js';
import { bodyOf, decodeBody } from './body.js';
import { Gate, tooManyRequests } from './gate.js';
import { allRoutes } from './routes/index.js';
import { invalidateQueries } from './routes/cachedQuery.js';
import { prepareHostsIndex } from './routes/hosts.js';
import { materializeTenant } from './tenant/index.js';
import { GenericRoutes } from './generic/genericRoutes.js';
import type { ApiClient } from './oauth/clients.js';
import type { Tenant } from './tenant/types.js';

export interface RunningSimulator {
  /** base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  clients: { demo: ApiClient; readOnly: ApiClient };
  /** child CIDs the demo client may use as member_cid */
  childCids: readonly string[];
  samples: Tenant['samples'];
  tenant: Tenant;
  options: ResolvedOptions;
  /** how many tokens were issued so far */
  tokensIssued(): number;
  /** grants a scope to a client; tokens minted before keep their old scopes (a stale token) */
  grantScope(clientId: string, scope: string): void;
  /**
   * For tests: change the main tenant's data in place (close a vulnerability,
   * move a host), then forget cached query results so the API answers from
   * the new data, as it would after a write call.
   */
  changeTenant(change: (tenant: Tenant) => void): void;
  close(): Promise<void>;
}

const TOKEN_ENDPOINT_LIMIT = 300;

export async function startSimulator(input: SimulatorOptions = {}): Promise<RunningSimulator> {
  const options = resolveOptions(input);
  const state = new SimState(options);
  const router = new Router(allRoutes);
  // Every catalog operation no route models by hand; its data loads on the first request that needs it.
  const generic = new GenericRoutes();
  const faults = new FaultInjector(options.faults);
  const gate = new Gate(
    state,
    new SlidingWindowLimiter(options.rateLimit, options.now),
    new SlidingWindowLimiter(options.authFailureLimit, options.now),
    new SlidingWindowLimiter(TOKEN_ENDPOINT_LIMIT, options.now),
  );

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in a handler must never take the simulator down.
      options.log(`talon simulator: internal error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, { status: 500, errors: [{ code: 500, message: 'Internal Server Error' }], resources: null }, state);
    });
  });
  server.keepAliveTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let rate: RateVerdict | undefined;
    let raw: Buffer;
    try {
      const read = bodyOf(req, options.maxBodyBytes);
      raw = read instanceof Buffer ? read : await read;
    } catch (e) {
      return send(res, errorResponse(e), state, started);
    }
    const url = requestUrl(req.url ?? '/');
    const method = (req.method ?? 'GET').toUpperCase();
    let match = router.match(method, url.pathname);
    if (match.kind !== 'found') {
      const served = await generic.match(method, url.pathname);
      if (served.kind === 'found') match = served;
      else if (served.kind === 'method-not-allowed') {
        const allowed = [...new Set([...(match.kind === 'method-not-allowed' ? match.allowed : []), ...served.allowed])];
        match = { kind: 'method-not-allowed', allowed };
      }
    }
    if (match.kind === 'not-found') {
      return send(res, { status: 404, resources: null, errors: [{ code: 404, message: `Not Found: no endpoint at ${url.pathname}.` }] }, state, started);
    }
    if (match.kind === 'method-not-allowed') {
      return send(res, {
        status: 405,
        resources: null,
        headers: { Allow: match.allowed.join(', ') },
        errors: [{ code: 405, message: `Method Not Allowed: ${url.pathname} accepts ${match.allowed.join(', ')}.` }],
      }, state, started);
    }
    const route: Route = match.route;
    try {
      const fault = faults.decide(url.pathname);
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'error') throw new SimHttpError(fault.status, 'Internal Server Error (injected fault).');
      if (fault.kind === 'rate-limit') {
        throw tooManyRequests({ allowed: false, limit: options.rateLimit, remaining: 0, retryAfter: Math.ceil(options.now() / 1000) + 1 });
      }
      if (fault.kind === 'slow') await delay(fault.ms);

      const gated = gate.check(route, req);
      rate = gated.rate;
      const query = validateQuery(route.query ?? {}, url.searchParams);
      if (typeof query === 'string') throw new SimHttpError(400, query);
      const body = decodeBody(raw, req.headers['content-type'], route.body ?? (method === 'GET' ? 'none' : 'json'));
      if (route.bodyRequired && body === undefined) throw new SimHttpError(400, 'A JSON request body is required.');
      const tenant = gated.token ? state.tenant(gated.token.cid) : state.mainTenant;
      if (!tenant) throw new SimHttpError(403, 'access denied, authorization failed');
      const writes = route.scope?.endsWith(':write') === true;
      // The lazily generated families exist before anything changes (see tenant/index.ts).
      if (writes) materializeTenant(tenant);
      let result: SimResponse;
      try {
        result = await route.handler(
          { method, path: url.pathname, query, headers: req.headers, body, clientId: gated.token?.clientId },
          state.context(tenant),
        );
      } finally {
        // Whether a call writes comes from its scope; a write may change any cached query result.
        if (writes) invalidateQueries(tenant);
      }
      send(res, result, state, started, rate, route.poweredBy);
    } catch (e) {
      send(res, errorResponse(e), state, started, rate, route.poweredBy);
    }
  }

  prepareHostsIndex(state.context(state.mainTenant));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    clients: { demo: state.clients.demo, readOnly: state.clients.readOnly },
    childCids: state.clients.childCids,
    samples: state.mainTenant.samples,
    tenant: state.mainTenant,
    options,
    tokensIssued: () => state.tokens.issued,
    grantScope: (clientId, scope) => state.clients.grant(clientId, scope),
    changeTenant: (change) => {
      materializeTenant(state.mainTenant);
      change(state.mainTenant);
      invalidateQueries(state.mainTenant);
    },
    close: () => closeServer(server),
  };
}

/** A path made only of these characters reads the same through the URL parser, which costs more than the split. */
const PLAIN_PATH = /^\/[A-Za-z0-9_\-/]*$/;

/** The request target's path and query, as `new URL` gives them. */
function requestUrl(target: string): { pathname: string; searchParams: URLSearchParams } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (!PLAIN_PATH.test(path) || path.includes('//') || target.includes('#')) return new URL(target, 'http://sim');
  return { pathname: path, searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

function errorResponse(e: unknown): SimResponse {
  if (e instanceof SimHttpError) {
    return { resources: null, errors: [{ code: e.status, message: e.message }], ...e.extra, status: e.status };
  }
  throw e;
}

/** Sets a header in a flat [name, value, ...] list, replacing one of the same name in any case. */
function putHeader(headers: string[], name: string, value: string): void {
  const lower = name.toLowerCase();
  for (let i = 0; i < headers.length; i += 2) {
    if ((headers[i] as string).toLowerCase() === lower) {
      headers[i] = name;
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}

/**
 * Writes the answer: the envelope (with a route's `poweredBy` unless the
 * response names its own), trace id and rate headers. One writeHead with a
 * flat header list: the per-request cost is the point at high request rates.
 */
function send(
  res: ServerResponse,
  r: SimResponse,
  state: SimState,
  started = process.hrtime.bigint(),
  rate?: RateVerdict,
  poweredBy?: string,
): void {
  // Not from the seeded PRNG: trace ids must differ across restarts and processes, as on the real API.
  const traceId = randomUUID();
  const queryTime = Number(process.hrtime.bigint() - started) / 1e9;
  const powered = 'poweredBy' in r ? r.poweredBy : poweredBy;
  const body = r.bytes?.data ?? serializeEnvelope(r, traceId, Number(queryTime.toPrecision(6)), powered);
  // Header names are written exactly as spelled here; some SDKs match them case-sensitively.
  const headers = ['Content-Type', r.bytes?.contentType ?? 'application/json', 'X-Cs-Traceid', traceId];
  if (rate) headers.push('X-Ratelimit-Limit', String(rate.limit), 'X-Ratelimit-Remaining', String(rate.remaining));
  else if (!r.headers?.['X-Ratelimit-Limit']) headers.push('X-Ratelimit-Limit', String(state.options.rateLimit));
  if (r.headers) for (const [k, v] of Object.entries(r.headers)) putHeader(headers, k, v);
  headers.push('Content-Length', String(Buffer.byteLength(body)));
  res.writeHead(r.status, headers);
  res.end(body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
