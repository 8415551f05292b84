// The real binary in a real terminal (tmux): a path typed at 5 ms per key,
// or arriving with Ctrl+S in one burst, is recorded exactly; help fits 80x24, scrolls, and
// lists the wizards' keys.
import { expect, it } from 'vitest';
import { describeInTmux } from '../helpers/tmuxSuite.js';
import { openHistoryStore } from '../../src/core/history/historyStore.js';
import { readHistory } from '../../src/core/history/historyReader.js';

describeInTmux('shell input in tmux', (e2e) => {
  it('records exactly the path typed at 5 ms per key and sent with Ctrl+S', async () => {
    const { term, env } = await e2e.shell();
    const typed = '/devices/queries/devices/v1?limit=3&sort=hostname.asc';
    await term.typeSlowly(typed, 5);
    term.keys('C-s');
    await term.waitFor((s) => s.includes('items 1-3 of'), 15_000, 'the answer');
    const entries = readHistory(openHistoryStore(env)).entries;
    expect(entries).toHaveLength(1);
    expect([entries[0]?.path, entries[0]?.query]).toEqual(['/devices/queries/devices/v1', [['limit', '3'], ['sort', 'hostname.asc']]]);
    term.keys('C-c');
  });

  it('records exactly the path arriving with Ctrl+S in one write', async () => {
    const { term, env } = await e2e.shell();
    const typed = '/devices/queries/devices/v1?limit=2&sort=hostname.desc';
    // One write to the terminal: the path and Ctrl+S (0x13) arrive together, as from a macro or a fast typist.
    term.type(`${typed}\u0013`);
    await term.waitFor((s) => s.includes('items 1-2 of'), 15_000, 'the answer');
    const entries = readHistory(openHistoryStore(env)).entries;
    expect(entries).toHaveLength(1);
    expect([entries[0]?.path, entries[0]?.query]).toEqual(['/devices/queries/devices/v1', [['limit', '2'], ['sort', 'hostname.desc']]]);
    term.keys('C-c');
  });

  it('shows help that fits 80x24, scrolls to the wizard keys, and closes with Esc', async () => {
    const { term } = await e2e.shell({ size: { columns: 80, rows: 24 } });
    term.keys('F1');
    const first = await term.waitFor((s) => s.includes('talon keys'), 5000, 'the help');
    const lines = first.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(first).toContain('Ctrl+S');
    // Scroll to the end: the wizards' keys are listed.
    // A page at a time until the hash search wizard's keys show (the table grows as keys are added).
    let end = '';
    for (let i = 0; i < 20 && !end.includes('contain the kept hosts'); i++) {
      term.keys('PageDown');
      end = await term.waitFor((s) => s !== end, 2000, 'the next page').catch(() => end);
    }
    expect(end).toContain('contain the kept hosts');
    term.keys('Escape');
    await term.waitFor((s) => !s.includes('talon keys') && s.includes('GET'), 5000, 'help closed');
    term.keys('C-c');
  });
});
