import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIPBOARD_LIMIT, copyText, osc52 } from '../../../src/core/clipboard/copyText.js';
import { openWorkspace } from '../../../src/core/shell/workspace.js';
import { tempHome } from '../../helpers/tempHome.js';

function target(over: { isTTY?: boolean; term?: string; env?: NodeJS.ProcessEnv } = {}) {
  const written: string[] = [];
  const ws = openWorkspace({ env: {}, directory: tempHome().home });
  return { written, t: { terminal: { write: (d: string) => void written.push(d), isTTY: over.isTTY ?? true, term: over.term ?? 'xterm' }, env: over.env ?? {}, writeFile: ws.writeExport } };
}

describe('copyText', () => {
  it('writes tenant text only as base64 inside talon’s own OSC 52 sequence', () => {
    const hostile = 'evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J';
    const { written, t } = target();
    expect(copyText(hostile, t)).toEqual({ to: 'clipboard', bytes: Buffer.byteLength(hostile) });
    expect(written).toEqual([osc52(hostile)]);
    // One ESC and one BEL: the sequence's own; the payload is inert base64.
    // eslint-disable-next-line no-control-regex -- counting the escape characters is the point
    expect(written[0]!.match(/\u001b/g)).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- the OSC 52 sequence is what is tested
    expect(written[0]).toMatch(/^\u001b\]52;c;[A-Za-z0-9+/=]+\u0007$/);
  });

  it('falls back to a new private file: too large, not a terminal, a dumb terminal, or asked for', () => {
    for (const [over, text, why] of [
      [{}, 'x'.repeat(CLIPBOARD_LIMIT + 1), /over the 74 KB terminals accept/],
      [{ isTTY: false }, 'x', /not a terminal/],
      [{ term: 'dumb' }, 'x', /dumb/],
      [{ env: { TALON_CLIPBOARD: 'file' } }, 'x', /TALON_CLIPBOARD=file/],
    ] as const) {
      const { written, t } = target(over);
      const r = copyText(text, t, 'talon-copy.txt');
      expect(written).toEqual([]);
      expect(r.to).toBe('file');
      if (r.to !== 'file') continue;
      expect(r.why).toMatch(why);
      expect(readFileSync(r.path, 'utf8')).toBe(text);
    }
  });
});
