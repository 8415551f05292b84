import { describe, expect, it } from 'vitest';
import { startHarness } from '../helpers/simClient.js';
import { parseFaultSpec } from '../../src/sim/faults.js';

describe('fault spec', () => {
  it('parses every kind', () => {
    expect(parseFaultSpec('500=0.1,503=0.05,429=0.2x4,slow=0.1@1500,drop=0.02,seed=9,path=/devices/')).toEqual({
      errorRate: 0.15000000000000002,
      errorStatuses: [500, 503],
      rateLimitRate: 0.2,
      rateLimitBurst: 4,
      slowRate: 0.1,
      slowMs: 1500,
      dropRate: 0.02,
      seed: 9,
      paths: ['/devices/'],
    });
    expect(parseFaultSpec('5xx=0.3')).toEqual({ errorRate: 0.3 });
    expect(parseFaultSpec('slow=1@30000,path=/devices/entities/devices-actions/,after=1')).toEqual({ slowRate: 1, slowMs: 30000, paths: ['/devices/entities/devices-actions/'], after: 1 });
  });

  it('says what is wrong with a bad spec', () => {
    expect(() => parseFaultSpec('boom=0.1')).toThrow("Unknown fault kind 'boom'");
    expect(() => parseFaultSpec('500=2')).toThrow('between 0 and 1');
    expect(() => parseFaultSpec('500')).toThrow("Invalid fault '500'");
    expect(() => parseFaultSpec('after=1.5')).toThrow('after takes a whole number of calls');
  });
});

describe('fault injection', () => {
  it('is off by default', async () => {
    const h = await startHarness();
    try {
      for (let i = 0; i < 20; i++) expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('fails a fraction of calls with 5xx envelopes, never the token call', async () => {
    const h = await startHarness({ faults: '5xx=0.5,seed=3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await h.api('GET', '/devices/queries/devices/v1');
        statuses.push(r.status);
        if (r.status >= 500) expect(r.json.errors[0].code).toBe(r.status);
      }
      const failed = statuses.filter((s) => s >= 500).length;
      expect(failed).toBeGreaterThan(5);
      expect(failed).toBeLessThan(35);
      expect(new Set(statuses.filter((s) => s >= 500)).size).toBeGreaterThan(1);
    } finally {
      await h.close();
    }
  });

  it('sends 429 bursts with a Retryafter header', async () => {
    const h = await startHarness({ faults: { rateLimitRate: 1, rateLimitBurst: 3 } });
    try {
      const r = await h.api('GET', '/devices/queries/devices/v1');
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('x-ratelimit-retryafter'))).toBeGreaterThan(Date.now() / 1000 - 1);
    } finally {
      await h.close();
    }
  });

  it('slows responses down', async () => {
    const h = await startHarness({ faults: { slowRate: 1, slowMs: 300 } });
    try {
      await h.token();
      const t0 = performance.now();
      expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    } finally {
      await h.close();
    }
  });

  it('drops connections without an answer', async () => {
    const h = await startHarness({ faults: { dropRate: 1 } });
    try {
      await expect(h.api('GET', '/devices/queries/devices/v1')).rejects.toThrow();
    } finally {
      await h.close();
    }
  });

  it('replays the same faults for the same seed', async () => {
    const run = async () => {
      const h = await startHarness({ faults: '5xx=0.3,seed=11' });
      try {
        const s: number[] = [];
        for (let i = 0; i < 15; i++) s.push((await h.api('GET', '/devices/queries/devices/v1')).status);
        return s;
      } finally {
        await h.close();
      }
    };
    expect(await run()).toEqual(await run());
  });
});

describe('after=N', () => {
  it('lets the first N affected calls through, then applies the faults', async () => {
    const { FaultInjector } = await import('../../src/sim/faults.js');
    const f = new FaultInjector({ errorRate: 1, errorStatuses: [503], paths: ['/devices/'], after: 2 });
    expect(f.decide('/oauth2/token')).toEqual({ kind: 'none' });
    expect([f.decide('/devices/x'), f.decide('/devices/x'), f.decide('/devices/x')]).toEqual([{ kind: 'none' }, { kind: 'none' }, { kind: 'error', status: 503 }]);
  });
});
