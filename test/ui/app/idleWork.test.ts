import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runWhenIdle } from '../../../src/ui/app/idleWork.js';

describe('runWhenIdle', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('runs each step only after keys have been quiet, one step at a time, and stops when asked', async () => {
    const ran: number[] = [];
    let lastKeyAt = -Infinity;
    // The first step ends as a key arrives.
    const step = (n: number) => () => {
      ran.push(n);
      if (n === 1) lastKeyAt = performance.now();
    };
    const stop = runWhenIdle([step(1), step(2), step(3)], { lastKeyAt: () => lastKeyAt, quietMs: 500, startAfterMs: 1000 });

    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    // A key just before the start: the first step waits for half a second of quiet.
    lastKeyAt = performance.now();
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(498);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(ran).toEqual([1]);
    // The key during it holds the rest back for another quiet spell; then they run one after another.
    await vi.advanceTimersByTimeAsync(400);
    expect(ran).toEqual([1]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ran).toEqual([1, 2, 3]);

    const later: number[] = [];
    const stopLater = runWhenIdle([() => void later.push(1)], { lastKeyAt: () => -Infinity, quietMs: 500, startAfterMs: 1000 });
    stopLater();
    await vi.advanceTimersByTimeAsync(5000);
    expect(later).toEqual([]);
    stop();
  });

  it('goes on after a step that fails', async () => {
    const ran: string[] = [];
    runWhenIdle([() => Promise.reject(new Error('no such chunk')), () => void ran.push('next')], { lastKeyAt: () => -Infinity, quietMs: 10 });
    await vi.advanceTimersByTimeAsync(50);
    expect(ran).toEqual(['next']);
  });
});
