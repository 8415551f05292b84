// The API gateway's checks before a handler runs: bearer token, rate limits
// and scope, with the real statuses, bodies and headers.
import type { IncomingMessage } from 'node:http';
import { SimHttpError } from './envelope.js';
import type { Route } from './route.js';
import type { SimState } from './context.js';
import { ClientRegistry } from './oauth/clients.js';
import type { SlidingWindowLimiter, RateVerdict } from './rateLimiter.js';
import type { TokenRecord } from './oauth/tokens.js';

const GATEWAY = 'crowdstrike-api-gateway';

export interface GateResult {
  token?: TokenRecord;
  rate: RateVerdict;
}

function rateHeaders(v: RateVerdict): Record<string, string> {
  return { 'X-Ratelimit-Limit': String(v.limit), 'X-Ratelimit-Remaining': String(v.remaining) };
}

export function tooManyRequests(v: RateVerdict): SimHttpError {
  return new SimHttpError(429, 'API rate limit exceeded.', {
    metaOnly: true,
    poweredBy: GATEWAY,
    headers: { ...rateHeaders(v), 'X-Ratelimit-Retryafter': String(v.retryAfter) },
  });
}

export { rateHeaders };

export class Gate {
  constructor(
    private readonly state: SimState,
    private readonly customerLimiter: SlidingWindowLimiter,
    private readonly authFailureLimiter: SlidingWindowLimiter,
    private readonly tokenLimiter: SlidingWindowLimiter,
  ) {}

  check(route: Route, req: IncomingMessage): GateResult {
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (route.scope === null) {
      const rate = this.tokenLimiter.take(ip);
      if (!rate.allowed) throw tooManyRequests(rate);
      return { rate };
    }
    const m = /^bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    const check = m ? this.state.tokens.check(m[1] as string, this.state.options.region) : { ok: false as const };
    if (!check.ok) {
      // Missing, malformed and expired tokens count against a small per-IP budget.
      const rate = this.authFailureLimiter.take(ip);
      if (!rate.allowed) throw tooManyRequests(rate);
      throw new SimHttpError(401, 'access denied, invalid bearer token', { headers: rateHeaders(rate), metaOnly: true, poweredBy: GATEWAY });
    }
    const rate = this.customerLimiter.take(check.record.cid);
    if (!rate.allowed) throw tooManyRequests(rate);
    if (route.scope !== '' && !ClientRegistry.hasScope(check.record.scopes, route.scope)) {
      throw new SimHttpError(403, 'access denied, authorization failed', { headers: rateHeaders(rate), metaOnly: true, poweredBy: GATEWAY });
    }
    return { token: check.record, rate };
  }
}
