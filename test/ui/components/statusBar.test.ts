import { describe, expect, it } from 'vitest';
import { expiresIn, untilNextChange } from '../../../src/ui/components/StatusBar.js';

describe('the token countdown', () => {
  it('shows minutes, then seconds in the last minute', () => {
    expect(expiresIn(29 * 60_000 + 55_000)).toBe('30 min');
    expect(expiresIn(60_001)).toBe('2 min');
    expect(expiresIn(60_000)).toBe('1 min');
    expect(expiresIn(59_000)).toBe('59 s');
    expect(expiresIn(0)).toBe('expired');
  });

  it('wakes only when the text changes: once a minute while minutes are left', () => {
    for (const left of [29 * 60_000 + 55_000, 10 * 60_000 + 1, 5 * 60_000 + 30_000]) {
      const wait = untilNextChange(left);
      expect(wait).toBeLessThanOrEqual(60_001);
      expect(expiresIn(left - wait)).not.toBe(expiresIn(left));
      expect(expiresIn(left - wait + 2)).toBe(expiresIn(left));
    }
    expect(untilNextChange(30_500)).toBe(501);
  });
});
