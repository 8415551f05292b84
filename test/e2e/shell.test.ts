// The real binary in a real terminal: type a path, pick it, send with
// Ctrl+S, and read the status and host ids off the screen.
import { expect, it } from 'vitest';
import { describeInTmux } from '../helpers/tmuxSuite.js';

describeInTmux('talon shell in tmux', (e2e) => {
  it('types /devices/queries/devices/v1, Enter, Ctrl+S, and shows 200 and host ids', async () => {
    const { term } = await e2e.shell();
    term.type('/devices/queries/devices/v1');
    await term.waitFor((s) => s.includes('Search for hosts') || s.includes('QueryDevicesByFilter') || /GET\s+\/devices\/queries\/devices\/v1/.test(s), 10_000, 'the completion');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('› Parameters'), 10_000, 'the parameters pane');
    term.keys('C-s');
    const screen = await term.waitFor((s) => /\b200\b/.test(s) && [...e2e.sim.tenant.hosts.keys()].some((id) => s.includes(id)), 15_000, '200 and host ids');
    const shown = [...e2e.sim.tenant.hosts.keys()].filter((id) => screen.includes(id));
    expect(shown.length).toBeGreaterThan(0);
    expect(screen).toMatch(/\b200\b/);
    term.keys('C-c');
  });
});
