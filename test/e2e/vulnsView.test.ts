// The vulnerabilities view in the real binary in a real terminal, at the
// two sizes the shell promises (80x24 and 160x50): every line of the table,
// its detail and the ticket preview stays inside the frame.
import { expect, it } from 'vitest';
import { describeInTmux } from '../helpers/tmuxSuite.js';

/** Every line is within the width, and the view's box closes on the last column. */
/** Every framed line closed at the right edge: a screen read while Ink is still writing a frame is not one yet. */
function framed(screen: string, columns: number): boolean {
  const boxed = screen.split('\n').filter((l) => l.startsWith('│'));
  return boxed.length > 5 && boxed.every((l) => [...l].length === columns && l.endsWith('│'));
}

function expectFits(screen: string, columns: number): void {
  const lines = screen.split('\n');
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
  const boxed = lines.filter((l) => l.startsWith('│'));
  expect(boxed.length).toBeGreaterThan(5);
  for (const l of boxed) expect([...l].length === columns && l.endsWith('│'), `line not closed by the frame: ${l}`).toBe(true);
}

describeInTmux('vulnerabilities view in tmux', (e2e) => {
  for (const size of [{ columns: 80, rows: 24 }, { columns: 160, rows: 50 }]) {
    it(`fits ${size.columns}x${size.rows}: table, detail, host grouping and ticket`, async () => {
      const { term } = await e2e.shell({ size });
      term.keys('C-x');
      await term.waitFor((s) => s.includes('Pick a preset'), 5000, 'the presets');
      term.keys('Enter');
      const whole = (s: string) => framed(s, size.columns);
      const table = await term.waitFor((s) => s.includes('CVEs on') && s.includes('Fix:') && whole(s), 15_000, 'the table with a remediation, framed');
      expectFits(table, size.columns);
      term.keys('b');
      expectFits(await term.waitFor((s) => s.includes('HOSTNAME') && s.includes('Fix:') && whole(s), 5000, 'the hosts, framed'), size.columns);
      term.keys('t');
      expectFits(await term.waitFor((s) => s.includes('Ticket preview') && whole(s), 5000, 'the ticket, framed'), size.columns);
      // One Esc at a time: a burst of them reads as Alt+Esc in any terminal.
      term.keys('Escape');
      await term.waitFor((s) => s.includes('HOSTNAME') && !s.includes('Ticket preview'), 5000, 'the table again');
      term.keys('Escape');
      await term.waitFor((s) => s.includes('Pick a preset'), 5000, 'the presets again');
      term.keys('Escape');
      await term.waitFor((s) => !s.includes('Vulnerabilities') && s.includes('type a path'), 5000, 'the shell again');
      term.keys('C-c');
    });
  }
});
