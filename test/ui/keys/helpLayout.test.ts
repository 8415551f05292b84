// Help is generated from the keymap: every context, wizard and dialog keys
// included, and lines that fit any width (no overlap, nothing cut off).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpLines } from '../../../src/ui/keys/helpLayout.js';
import { BINDINGS, CONTEXTS, keyTableMarkdown } from '../../../src/ui/keys/keymap.js';

describe('help from the keymap', () => {
  it('groups every binding by context, wizard and dialog keys included', () => {
    const headings = helpLines(76).filter((l) => l.heading).map((l) => l.text);
    expect(headings).toEqual([...CONTEXTS]);
    const text = helpLines(76).map((l) => l.keys + l.text).join('\n');
    for (const b of BINDINGS) expect(text).toContain(b.description.split(' ')[0]);
    expect(headings).toContain('Containment wizard');
    expect(headings).toContain('Hash search wizard');
    expect(headings).toContain('Confirmation');
  });

  it.each([20, 40, 76, 116, 196])('keeps every line within %i columns', (width) => {
    for (const l of helpLines(width)) expect((l.keys + l.text).length).toBeLessThanOrEqual(width);
  });

  it('loses no word of a description when wrapping', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const wrapped = words(helpLines(40).filter((l) => !l.heading).map((l) => l.text).join(' '));
    expect(wrapped).toEqual(BINDINGS.flatMap((b) => words(b.description)));
  });

  it("matches the README's key table", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(keyTableMarkdown());
  });
});
