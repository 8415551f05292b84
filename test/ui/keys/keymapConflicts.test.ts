// Two commands on one key in one context: the dispatcher would run only one,
// and help would promise both. Global keys are heard everywhere, so none of
// them may be a key of another context's command either, unless that context
// deliberately takes it over (a text field typing the letter, a wizard's own Esc).
import { describe, expect, it } from 'vitest';
import { BINDINGS } from '../../../src/ui/keys/keymap.js';

describe('the keymap', () => {
  it('binds each key at most once per context', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const b of BINDINGS) {
      for (const key of b.keys) {
        const at = `${b.context}: ${key}`;
        const before = seen.get(at);
        if (before && before !== b.command) clashes.push(`${at} is ${before} and ${b.command}`);
        seen.set(at, b.command);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives each global Ctrl chord one command', () => {
    const global = BINDINGS.filter((b) => b.context === 'Global').flatMap((b) => b.keys.filter((k) => k.startsWith('ctrl+')).map((k) => [k, b.command] as const));
    const owners = new Map<string, string[]>();
    for (const [k, c] of global) owners.set(k, [...(owners.get(k) ?? []), c]);
    expect([...owners].filter(([, cs]) => new Set(cs).size > 1)).toEqual([]);
  });
});
