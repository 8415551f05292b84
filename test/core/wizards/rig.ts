// A simulator and an authenticated client on it, for the wizard tests; a
// recording caller to count API calls; and a virtual clock that the
// simulator and the watch share, so a two-minute watch takes no time.
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import type { SimulatorOptions } from '../../../src/sim/options.js';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import { Session } from '../../../src/core/auth/session.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import type { ApiCaller, ApiRequest, ApiResponse } from '../../../src/core/http/types.js';
import type { Clock } from '../../../src/core/wizards/clock.js';
import type { Host } from '../../../src/sim/tenant/records/hosts.js';

export interface VirtualClock extends Clock {
  advance(ms: number): void;
}

/** Time moves only when someone sleeps; each sleep still yields to the event loop. */
export function virtualClock(start = Date.now()): VirtualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      t += ms;
      await new Promise((r) => setImmediate(r));
      signal?.throwIfAborted();
    },
  };
}

export interface Rig {
  sim: RunningSimulator;
  http: HttpClient;
  client(kind?: 'demo' | 'readOnly', retry?: { maxRetries: number }): FalconClient;
  close(): Promise<void>;
}

export async function rig(options: SimulatorOptions = {}): Promise<Rig> {
  const sim = await startSimulator({ port: 0, ...options });
  const clients: HttpClient[] = [];
  const httpFor = (retry?: { maxRetries: number }): HttpClient => {
    // Retries wait for nothing here.
    const http = new HttpClient({ baseUrl: sim.url, retry: { maxRetries: 6, ...retry }, sleep: async () => undefined });
    clients.push(http);
    return http;
  };
  const http = httpFor();
  return {
    sim,
    http,
    client(kind = 'demo', retry) {
      const h = retry ? httpFor(retry) : http;
      const c = sim.clients[kind];
      const session = new Session({ credentials: { clientId: c.id, clientSecret: c.secret, baseUrl: sim.url, autodiscover: false }, http: () => h });
      return new FalconClient(session, () => h);
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await sim.close();
    },
  };
}

/** Wraps a caller and keeps every request it sends. */
export function recording(caller: ApiCaller): { caller: ApiCaller; calls: ApiRequest[] } {
  const calls: ApiRequest[] = [];
  return {
    calls,
    caller: {
      request: (req: ApiRequest): Promise<ApiResponse> => {
        calls.push(req);
        return caller.request(req);
      },
    },
  };
}

/** Hosts of the simulated tenant in a given status. */
export function hostsIn(sim: RunningSimulator, status: Host['status']): Host[] {
  return [...sim.tenant.hosts.values()].filter((h) => h.status === status && h.host_hidden_status === 'visible');
}
